/**
 * ClientFamily over real HTTP (coreplus-api.md §4.4a): create in both clientId forms, the documented
 * unwrapped answer, validation (required fields, enums, lengths) with the `result` body, the one
 * emergency contact and invoice recipient rule, and the test-only listing and control.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { createSandboxControls, type SandboxControls } from "../src/index.js";
import { type RunningSandbox, serveSandbox } from "../src/node.js";
import { type ApiResponse, type CallOptions, callHttp, FIXED_NOW } from "./helpers.js";

type Family = Record<string, unknown> & { familyId: string };

let server: RunningSandbox;
let controls: SandboxControls;
let childId: string;

beforeAll(async () => {
  server = await serveSandbox({ port: 0, now: () => FIXED_NOW, rateLimit: false, log: () => {} });
  controls = createSandboxControls({ baseUrl: server.url });
});
afterAll(() => server.close());
beforeEach(async () => {
  await controls.reset();
  const child = await api<{ client: { clientId: string } }>("POST", "/Client/", {
    body: { firstName: "Mia", lastName: "Kowalski", dateOfBirth: "2019-08-14" },
  });
  childId = child.body.client.clientId;
});

const api = <T = Record<string, unknown>>(method: string, path: string, opts: CallOptions = {}) =>
  callHttp<T>(server.url, server.sandbox, method, path, opts) as Promise<ApiResponse<T>>;
const create = (body: unknown) => api<Family>("POST", "/ClientFamily/", { body });
const clientCount = async () =>
  (await api<{ paging: { totalRows: number } }>("GET", "/Client/")).body.paging.totalRows;

describe("POST /ClientFamily/", () => {
  test("clientId as a string or as {clientId}: 200 with the whole record, unwrapped; no client is created", async () => {
    const clients = await clientCount();
    const mother = await create({
      clientId: childId,
      firstName: "Anna",
      surname: "Kowalski",
      title: "Ms",
      relationship: "Mother",
      mobile: "0491 570 159",
      email: "anna.kowalski@example.com",
      mainContact: true,
      emergencyContact: "true",
    });
    expect(mother.status, mother.text).toBe(200);
    expect(mother.body).toEqual({
      familyId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
      clientId: childId,
      title: "Ms",
      firstName: "Anna",
      surname: "Kowalski",
      dateOfBirth: "",
      relationship: "Mother",
      medicareCardNumber: "",
      medicareCardIRN: "",
      homePhone: "",
      workPhone: "",
      mobile: "0491 570 159",
      email: "anna.kowalski@example.com",
      address: "",
      suburb: "",
      postcode: "",
      notes: "",
      emergencyContact: true,
      invoiceRecipient: false,
      mainContact: true,
    });
    const father = await create({
      clientId: { clientId: childId.toUpperCase() },
      firstName: "Piotr",
      surname: "Kowalski",
      relationship: "Father",
      dateOfBirth: "1984-02-29",
      postcode: 3016,
    });
    expect(father.status, father.text).toBe(200);
    expect(father.body).toMatchObject({
      clientId: childId,
      dateOfBirth: "1984-02-29T00:00:00",
      postcode: "3016",
    });
    expect(father.body.familyId).not.toBe(mother.body.familyId);

    expect(await clientCount()).toBe(clients);
    const recorded = await controls.clientFamily(childId);
    expect(recorded).toEqual([mother.body, father.body]);
  });

  test("property names are matched case-insensitively, as for clients", async () => {
    const res = await create({
      ClientId: childId,
      FirstName: "Grace",
      Surname: "Obi",
      Relationship: "Grand Mother",
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ firstName: "Grace", surname: "Obi", relationship: "Grand Mother" });
  });

  test("missing or bad fields → 400 with the result body, naming the field; nothing is stored", async () => {
    const base = { clientId: childId, firstName: "Anna", surname: "Kowalski" };
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...base, clientId: undefined }, /clientId/],
      [{ ...base, clientId: "child-1" }, /clientId/],
      [{ ...base, clientId: { id: childId } }, /clientId/],
      [{ ...base, firstName: undefined }, /firstName/],
      [{ ...base, surname: "" }, /surname/],
      [{ ...base, firstName: "A".repeat(51) }, /firstName/],
      [{ ...base, title: "Prof" }, /title/],
      [{ ...base, dateOfBirth: "14/08/1984" }, /dateOfBirth/],
      [{ ...base, medicareCardNumber: "1".repeat(21) }, /medicareCardNumber/],
      [{ ...base, medicareCardIRN: "12" }, /medicareCardIRN/],
      [{ ...base, notes: "n".repeat(301) }, /notes/],
      [{ ...base, mainContact: "yes" }, /mainContact/],
    ];
    for (const [body, field] of cases) {
      const res = await create(body);
      expect(res.status, JSON.stringify(body).slice(0, 120)).toBe(400);
      expect(res.body).toEqual({ result: [{ severity: 2, reason: expect.stringMatching(field) }] });
    }
    const unknown = await create({ ...base, clientId: "00000000-0000-4000-8000-000000000000" });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({ result: [{ severity: 2, reason: "Unknown clientId" }] });
    const broken = await api("POST", "/ClientFamily/", { body: "{not json" });
    expect(broken.status).toBe(400);
    expect(await controls.clientFamily(childId)).toEqual([]);
  });

  test("a client has at most one emergency contact and one invoice recipient", async () => {
    const base = { clientId: childId, surname: "Kowalski" };
    expect(
      (await create({ ...base, firstName: "Anna", emergencyContact: true, invoiceRecipient: true })).status,
    ).toBe(200);
    const second = await create({ ...base, firstName: "Piotr", emergencyContact: true });
    expect(second.status).toBe(400);
    expect(second.body).toEqual({
      result: [{ severity: 2, reason: "The client already has an emergency contact" }],
    });
    const payer = await create({ ...base, firstName: "Piotr", invoiceRecipient: "true" });
    expect(payer.body).toEqual({
      result: [{ severity: 2, reason: "The client already has an invoice recipient" }],
    });
    expect((await create({ ...base, firstName: "Piotr", mainContact: true })).status).toBe(200);
    expect((await controls.clientFamily(childId)).map((f) => f.firstName)).toEqual(["Anna", "Piotr"]);
  });
});

describe("GET /ClientFamily/?clientId= (test-only listing)", () => {
  test("the client's records in the list envelope, by surname then first name; other clients' are not there", async () => {
    await create({ clientId: childId, firstName: "Zoe", surname: "Kowalski" });
    await create({ clientId: childId, firstName: "Anna", surname: "Kowalski" });
    await create({ clientId: childId, firstName: "Grace", surname: "Obi" });
    const other = [...server.sandbox.store.clients.values()].find((c) => c.clientId !== childId);
    if (!other) throw new Error("no other client");
    await create({ clientId: other.clientId, firstName: "Sam", surname: "Else" });
    const res = await api<{ clientFamilies: Family[]; paging: unknown; statusMessages: unknown[] }>(
      "GET",
      "/ClientFamily/",
      { query: { clientId: childId.toUpperCase() } },
    );
    expect(res.status).toBe(200);
    expect(res.body.clientFamilies.map((f) => f.firstName)).toEqual(["Anna", "Zoe", "Grace"]);
    expect(res.body.paging).toEqual({ pageNumber: 1, pageSize: 50, totalRows: 3 });
    expect(res.body.statusMessages).toEqual([]);
  });

  test("without clientId → 400; an unknown client → 404; another method → 405", async () => {
    expect((await api("GET", "/ClientFamily/")).status).toBe(400);
    const unknown = await api("GET", "/ClientFamily/", {
      query: { clientId: "00000000-0000-4000-8000-000000000000" },
    });
    expect(unknown.status).toBe(404);
    const put = await api("PUT", "/ClientFamily/", { body: {} });
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, POST");
  });
});
