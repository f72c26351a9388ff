/**
 * ClientFamily (coreplus-api.md §4.4a): `POST /ClientFamily/` records a family member or carer on a
 * client and answers the record unwrapped, as the vendor's example does. `GET /ClientFamily/?clientId=`
 * is the sandbox's test-only listing (there is no evidence the real API has one).
 */
import { ClientFamilyCreate } from "@coreplus-kit/core";
import { methodNotAllowed, type RouteRegistrar, readJsonBody } from "../http/env.js";
import { listEnvelope, readPaging, readQuery } from "../http/query.js";
import { badRequest, notFound, parseOr400 } from "../http/result.js";
import { familyJson } from "../http/wire.js";
import type { SandboxRuntime } from "../internal/runtime.js";
import { byKeys } from "../internal/sort.js";
import type { FamilyRecord } from "../types.js";

const byName = byKeys<FamilyRecord>(
  (f) => f.surname,
  (f) => f.firstName,
  (f) => f.familyId,
);

/** Creates the record, or throws 400: invalid body, unknown client, a second emergency contact or invoice recipient. */
function createFamily(rt: SandboxRuntime, body: ClientFamilyCreate): FamilyRecord {
  const clientId = typeof body.clientId === "string" ? body.clientId : body.clientId.clientId;
  const client = rt.store.client(clientId);
  if (!client || client.status === "Deleted") throw badRequest("Unknown clientId");
  const existing = rt.store.familyOf(client.clientId);
  // A client has at most one emergency contact and one invoice recipient (S11).
  if (body.emergencyContact && existing.some((f) => f.emergencyContact)) {
    throw badRequest("The client already has an emergency contact");
  }
  if (body.invoiceRecipient && existing.some((f) => f.invoiceRecipient)) {
    throw badRequest("The client already has an invoice recipient");
  }
  const record: FamilyRecord = {
    familyId: rt.store.newId(),
    clientId: client.clientId,
    title: body.title ?? "",
    firstName: body.firstName,
    surname: body.surname,
    dateOfBirth: body.dateOfBirth ?? "",
    relationship: body.relationship ?? "",
    medicareCardNumber: body.medicareCardNumber ?? "",
    medicareCardIRN: body.medicareCardIRN ?? "",
    homePhone: body.homePhone ?? "",
    workPhone: body.workPhone ?? "",
    mobile: body.mobile ?? "",
    email: body.email ?? "",
    address: body.address ?? "",
    suburb: body.suburb ?? "",
    postcode: body.postcode ?? "",
    notes: body.notes ?? "",
    emergencyContact: body.emergencyContact ?? false,
    invoiceRecipient: body.invoiceRecipient ?? false,
    mainContact: body.mainContact ?? false,
    createdAt: rt.clock.now().getTime(),
  };
  rt.store.families.set(record.familyId, record);
  return record;
}

/** POST /ClientFamily/ and the test-only GET /ClientFamily/?clientId=. */
export const registerClientFamily: RouteRegistrar = (api, rt) => {
  api.post("/clientfamily", async (c) => {
    const body = parseOr400(ClientFamilyCreate, await readJsonBody(c));
    return c.json(familyJson(createFamily(rt, body)));
  });
  api.get("/clientfamily", (c) => {
    const query = readQuery(c.req.url);
    const clientId = query.get("clientId");
    if (clientId === undefined) throw badRequest("clientId is required");
    const page = readPaging(query);
    if (!rt.store.client(clientId)) throw notFound("Client not found");
    const items = rt.store.familyOf(clientId).sort(byName);
    return c.json(listEnvelope("clientFamilies", items, page, familyJson));
  });
  api.all("/clientfamily", methodNotAllowed("GET, POST"));
};
