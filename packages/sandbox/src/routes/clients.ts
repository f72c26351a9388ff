/** Clients: list with filters, get (unwrapped), create, update (PUT alias): coreplus-api.md §4.4. */
import { ClientCreate, ClientUpdate } from "@coreplus-kit/core";
import type { Context } from "hono";
import { methodNotAllowed, type RouteRegistrar, readJsonBody, type SandboxEnv } from "../http/env.js";
import { listEnvelope, type Query, readPaging, readQuery } from "../http/query.js";
import { badRequest, notFound, parseOr400 } from "../http/result.js";
import { clientDetailJson, clientSummaryJson } from "../http/wire.js";
import type { SandboxRuntime } from "../internal/runtime.js";
import { byKeys } from "../internal/sort.js";
import type { AddressRecord, ClientRecord } from "../types.js";

const byName = byKeys<ClientRecord>(
  (c) => c.lastName,
  (c) => c.firstName,
  (c) => c.clientId,
);

const digits = (s: string): string => {
  const d = s.replace(/\D/g, "");
  // +61 4xx… and 04xx… are the same mobile.
  return d.startsWith("61") && d.length === 11 ? `0${d.slice(2)}` : d;
};

function clientFilter(query: Query): (c: ClientRecord) => boolean {
  const name = query.get("name")?.toLowerCase();
  const dob = query.get("dateOfBirth");
  if (dob !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(dob))
    throw badRequest("dateOfBirth must be a date YYYY-MM-DD");
  const mobile = query.get("mobile");
  const mobileDigits = mobile === undefined ? undefined : digits(mobile);
  const email = query.get("email")?.toLowerCase();
  const modifiedSinceRaw = query.get("modifiedSince");
  const modifiedSince = modifiedSinceRaw === undefined ? undefined : Date.parse(modifiedSinceRaw);
  if (modifiedSince !== undefined && Number.isNaN(modifiedSince))
    throw badRequest("modifiedSince is not a date-time");
  return (c) => {
    if (c.status === "Deleted") return false;
    if (name !== undefined) {
      const names = [
        c.firstName,
        c.lastName,
        c.preferredName,
        `${c.firstName} ${c.lastName}`,
        `${c.preferredName} ${c.lastName}`,
      ];
      if (!names.some((n) => n.toLowerCase().includes(name))) return false;
    }
    if (dob !== undefined && c.dateOfBirth !== dob) return false;
    if (mobileDigits !== undefined && (mobileDigits === "" || digits(c.phoneNumberMobile) !== mobileDigits))
      return false;
    if (email !== undefined && c.email.toLowerCase() !== email) return false;
    if (modifiedSince !== undefined && c.modifiedAt < modifiedSince) return false;
    return true;
  };
}

type AddressInput = { streetAddress: string; suburb: string; state: string; postcode: string };

function toAddress(a: AddressInput | undefined, fallback: AddressRecord): AddressRecord {
  return a
    ? { streetAddress: a.streetAddress, suburb: a.suburb, state: a.state, postcode: a.postcode }
    : fallback;
}

const EMPTY_ADDRESS: AddressRecord = { streetAddress: "", suburb: "", state: "", postcode: "" };

/** Applies the fields present in a create/update body to a client record. */
function applyFields(c: ClientRecord, body: ClientUpdate, now: number): void {
  const text = [
    "title",
    "firstName",
    "middleName",
    "lastName",
    "preferredName",
    "gender",
    "dateOfBirth",
    "culture",
    "pronouns",
    "phoneNumberMobile",
    "phoneNumberHome",
    "phoneNumberWork",
    "email",
    "externalId",
    "status",
    "medicareCardNumber",
    "medicareCardIRN",
    "medicareCardExpireDate",
    "dvaCardNumber",
    "notes1",
  ] as const;
  const target = c as unknown as Record<string, unknown>;
  for (const key of text) {
    const value = body[key];
    if (value !== undefined) target[key] = value;
  }
  if (body.addressResidential)
    c.addressResidential = toAddress(body.addressResidential, c.addressResidential);
  if (body.addressPostal) c.addressPostal = toAddress(body.addressPostal, c.addressPostal);
  if (body.postalSameAsResidential !== undefined) c.postalSameAsResidential = body.postalSameAsResidential;
  if (c.postalSameAsResidential && body.addressResidential && !body.addressPostal) {
    c.addressPostal = { ...c.addressResidential };
  }
  c.modifiedAt = now;
}

function newClient(rt: SandboxRuntime, body: ClientCreate): ClientRecord {
  const now = rt.clock.now().getTime();
  const client: ClientRecord = {
    clientId: rt.store.newId(),
    title: "",
    firstName: "",
    middleName: "",
    lastName: "",
    preferredName: "",
    gender: "",
    dateOfBirth: body.dateOfBirth,
    practitionerId: null,
    culture: "",
    pronouns: "",
    relatedClients: [],
    phoneNumberMobile: "",
    phoneNumberHome: "",
    phoneNumberWork: "",
    email: "",
    addressResidential: { ...EMPTY_ADDRESS },
    addressPostal: { ...EMPTY_ADDRESS },
    postalSameAsResidential: false,
    externalId: "",
    status: "Current",
    medicareCardNumber: "",
    medicareCardIRN: "",
    medicareCardExpireDate: "",
    dvaCardNumber: "",
    notes1: "",
    modifiedAt: now,
  };
  applyFields(client, body, now);
  return client;
}

/** GET/POST /Client/, GET/POST/PUT /Client/{id}/. */
export const registerClients: RouteRegistrar = (api, rt) => {
  api.get("/client", (c) => {
    const query = readQuery(c.req.url);
    const page = readPaging(query);
    const items = [...rt.store.clients.values()].filter(clientFilter(query)).sort(byName);
    return c.json(listEnvelope("clients", items, page, clientSummaryJson));
  });
  api.post("/client", async (c) => {
    const body = parseOr400(ClientCreate, await readJsonBody(c));
    const client = newClient(rt, body);
    rt.store.clients.set(client.clientId, client);
    return c.json({ client: { clientId: client.clientId } });
  });
  api.get("/client/:id", (c) => {
    const client = rt.store.client(c.req.param("id"));
    if (!client) throw notFound("Client not found");
    return c.json(clientDetailJson(client));
  });
  const update = async (c: Context<SandboxEnv>) => {
    const raw = await readJsonBody(c);
    const client = rt.store.client(c.req.param("id") ?? "");
    if (!client) throw notFound("Client not found");
    const body = parseOr400(ClientUpdate, raw);
    applyFields(client, body, rt.clock.now().getTime());
    return c.json({ client: clientDetailJson(client) });
  };
  api.post("/client/:id", update);
  api.put("/client/:id", update);
  api.all("/client", methodNotAllowed("GET, POST"));
  api.all("/client/:id", methodNotAllowed("GET, POST, PUT"));
};
