/** Clients (coreplus-api.md §4.4): list and filters, get, create, update. */
import { describe, expect, test } from "vitest";
import { call, testSandbox } from "./helpers.js";

type Summary = { clientId: string; firstName: string; lastName: string; dateOfBirth: string };
type Clients = { clients: Summary[]; paging: { totalRows: number } };
type Detail = Summary & Record<string, unknown>;

const sandbox = testSandbox();
const seeded = [...sandbox.store.clients.values()];

describe("client list", () => {
  test("ordered by lastName, firstName, clientId, in the summary shape", async () => {
    const res = await call<Clients>(sandbox, "GET", "/Client/", { query: { pageSize: 100 } });
    const keys = res.body.clients.map((c) => [
      c.lastName.toLowerCase(),
      c.firstName.toLowerCase(),
      c.clientId,
    ]);
    expect(keys).toEqual([...keys].sort((a, b) => (a.join("\u0000") < b.join("\u0000") ? -1 : 1)));
    expect(Object.keys(res.body.clients[0] ?? {})).toEqual([
      "clientId",
      "title",
      "firstName",
      "middleName",
      "lastName",
      "preferredName",
      "gender",
      "dateOfBirth",
      "practitionerId",
      "culture",
      "pronouns",
      "relatedClients",
    ]);
    expect(res.body.clients[0]?.dateOfBirth).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00$/);
  });

  test("name matches first, last or preferred name, partially and case-insensitively", async () => {
    const target = seeded.find((c) => c.lastName === "Papadopoulos") ?? seeded[0];
    if (!target) throw new Error("no clients");
    const res = await call<Clients>(sandbox, "GET", "/Client/", { query: { name: "PAPADOP" } });
    expect(res.body.clients.map((c) => c.clientId)).toContain(target.clientId);
    for (const c of res.body.clients)
      expect(`${c.firstName} ${c.lastName}`.toLowerCase()).toContain("papadop");
    const full = await call<Clients>(sandbox, "GET", "/Client/", {
      query: { name: `${target.firstName} ${target.lastName}` },
    });
    expect(full.body.clients.map((c) => c.clientId)).toEqual([target.clientId]);
    const none = await call<Clients>(sandbox, "GET", "/Client/", { query: { name: "zzzzqqq" } });
    expect(none.body).toMatchObject({ clients: [], paging: { totalRows: 0 } });
  });

  test("dateOfBirth, mobile (digits only) and email filters", async () => {
    const target = seeded.find((c) => c.phoneNumberMobile && c.email && c.relatedClients.length === 0);
    if (!target) throw new Error("no client with mobile and email");
    const byDob = await call<Clients>(sandbox, "GET", "/Client/", {
      query: { dateOfBirth: target.dateOfBirth },
    });
    expect(byDob.body.clients.map((c) => c.clientId)).toContain(target.clientId);
    for (const c of byDob.body.clients) expect(c.dateOfBirth).toBe(`${target.dateOfBirth}T00:00:00`);
    const digits = target.phoneNumberMobile.replace(/\s/g, "");
    for (const mobile of [digits, target.phoneNumberMobile, `+61 ${digits.slice(1)}`]) {
      const res = await call<Clients>(sandbox, "GET", "/Client/", { query: { mobile } });
      expect(
        res.body.clients.map((c) => c.clientId),
        mobile,
      ).toEqual([target.clientId]);
    }
    const byEmail = await call<Clients>(sandbox, "GET", "/Client/", {
      query: { email: target.email.toUpperCase() },
    });
    expect(byEmail.body.clients.map((c) => c.clientId)).toEqual([target.clientId]);
    const bad = await call(sandbox, "GET", "/Client/", { query: { dateOfBirth: "12/03/1980" } });
    expect(bad.status).toBe(400);
  });

  test("modifiedSince keeps clients changed at or after that instant; a bad value → 400", async () => {
    const local = testSandbox();
    const target = [...local.store.clients.values()][5];
    if (!target) throw new Error("no clients");
    const since = new Date(local.clock.now().getTime() - 1000).toISOString();
    const before = await call<Clients>(local, "GET", "/Client/", { query: { modifiedSince: since } });
    expect(before.body.clients).toEqual([]);
    await call(local, "PUT", `/Client/${target.clientId}/`, { body: { notes1: "Updated" } });
    const after = await call<Clients>(local, "GET", "/Client/", { query: { modifiedSince: since } });
    expect(after.body.clients.map((c) => c.clientId)).toEqual([target.clientId]);
    expect((await call(local, "GET", "/Client/", { query: { modifiedSince: "yesterday" } })).status).toBe(
      400,
    );
  });

  test("unknown query parameters are ignored", async () => {
    const res = await call<Clients>(sandbox, "GET", "/Client/", { query: { colour: "blue" } });
    expect(res.body.paging.totalRows).toBe(sandbox.seed.clientCount);
  });
});

describe("client get, create, update", () => {
  test("get by id returns the unwrapped detail; unknown → 404", async () => {
    const target = seeded[3];
    if (!target) throw new Error("no clients");
    const res = await call<Detail>(sandbox, "GET", `/Client/${target.clientId}/`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      clientId: target.clientId,
      firstName: target.firstName,
      phoneNumberMobile: target.phoneNumberMobile,
      email: target.email,
      addressResidential: {
        streetAddress: target.addressResidential.streetAddress,
        suburb: target.addressResidential.suburb,
        city: target.addressResidential.suburb,
      },
      status: "Current",
    });
    expect((await call(sandbox, "GET", "/Client/00000000-0000-4000-8000-000000000000/")).status).toBe(404);
  });

  test("create returns {client:{clientId}}; property names are case-insensitive; city is read back as suburb", async () => {
    const local = testSandbox();
    const res = await call<{ client: { clientId: string } }>(local, "POST", "/Client/", {
      body: {
        FirstName: "Matilda",
        lastName: "Kowalski",
        dateOfBirth: "1990-02-03",
        Title: "Ms",
        gender: "Female",
        pronoun: "she",
        ExternalId: "EXT-1",
        Status: "Current",
        phoneNumberMobile: "0491 570 006",
        email: "matilda.k@example.com",
        addressResidential: {
          streetAddress: "1 Bay Street",
          city: "Port Melbourne",
          state: "VIC",
          postcode: "3207",
        },
        postalSameAsResidential: "true",
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ client: { clientId: expect.stringMatching(/^[0-9a-f-]{36}$/) } });
    const got = await call<Detail>(local, "GET", `/Client/${res.body.client.clientId}`);
    expect(got.body).toMatchObject({
      firstName: "Matilda",
      title: "Ms",
      pronouns: "she",
      externalId: "EXT-1",
      dateOfBirth: "1990-02-03T00:00:00",
      addressResidential: { suburb: "Port Melbourne", city: "Port Melbourne" },
      addressPostal: { suburb: "Port Melbourne" },
      postalSameAsResidential: true,
      status: "Current",
    });
    const listed = await call<Clients>(local, "GET", "/Client/", { query: { name: "kowalski matilda" } });
    expect(listed.body.clients).toEqual([]);
    const byName = await call<Clients>(local, "GET", "/Client/", { query: { name: "Matilda Kowalski" } });
    expect(byName.body.clients.map((c) => c.clientId)).toEqual([res.body.client.clientId]);
  });

  test("create: missing, too long, bad enum or bad date → 400 with the result body", async () => {
    const ok = { firstName: "A", lastName: "B", dateOfBirth: "2000-01-01" };
    const bodies: unknown[] = [
      { lastName: "B", dateOfBirth: "2000-01-01" },
      { firstName: "A", dateOfBirth: "2000-01-01" },
      { firstName: "A", lastName: "B" },
      { ...ok, firstName: "x".repeat(51) },
      { ...ok, dateOfBirth: "2000-02-30" },
      { ...ok, dateOfBirth: "01/01/2000" },
      { ...ok, title: "Sir" },
      { ...ok, gender: "Unknown" },
      { ...ok, status: "Archived" },
      { ...ok, notes1: "n".repeat(301) },
      { ...ok, medicareCardIRN: "12" },
      [],
    ];
    for (const body of bodies) {
      const res = await call(sandbox, "POST", "/Client/", { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toEqual({ result: [{ severity: 2, reason: expect.any(String) }] });
    }
  });

  test("update by POST or PUT returns {client: detail}; Deleted hides the client from lists", async () => {
    const local = testSandbox();
    const target = [...local.store.clients.values()][10];
    if (!target) throw new Error("no clients");
    const post = await call<{ client: Detail }>(local, "POST", `/Client/${target.clientId}/`, {
      body: { phoneNumberMobile: "0491 570 159", notes1: "Prefers email" },
    });
    expect(post.status).toBe(200);
    expect(post.body.client).toMatchObject({
      clientId: target.clientId,
      firstName: target.firstName,
      phoneNumberMobile: "0491 570 159",
      notes1: "Prefers email",
    });
    const put = await call<{ client: Detail }>(local, "PUT", `/Client/${target.clientId}`, {
      body: { status: "Deleted" },
    });
    expect(put.body.client.status).toBe("Deleted");
    const list = await call<Clients>(local, "GET", "/Client/", { query: { pageSize: 100, pageNumber: 1 } });
    expect(list.body.paging.totalRows).toBe(local.seed.clientCount);
    expect(list.body.paging.totalRows).toBe(local.store.clients.size - 1);
    const bad = await call(local, "POST", `/Client/${target.clientId}/`, { body: { gender: "x" } });
    expect(bad.status).toBe(400);
    const missing = await call(local, "PUT", "/Client/00000000-0000-4000-8000-000000000000/", { body: {} });
    expect(missing.status).toBe(404);
  });
});
