/**
 * Safe patient matching: an existing coreplus client is used only on an exact match of first name,
 * last name and date of birth plus an equal email or equal mobile digits. Any doubt (no match, or
 * too many candidates) creates a new client. The public form never updates an existing client, and
 * the caller never learns which happened: not from the answer, nor from its timing (the same number of
 * coreplus calls whether there are no, one or several same-name-and-birthday candidates, matched or
 * not). Booking for someone else, the contact is the carer's: a new dependant's record takes it, and
 * an existing one matches on it (or on the patient's own).
 */
import type { ClientDetail, CoreplusClient } from "@coreplus-kit/core";

/** The person to be seen, and the contact details that identify them (one or more). */
export interface PatientIdentity {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  /** The first is written on a new client; any of them matches an existing one. */
  contacts: { email: string; mobile: string }[];
}

/** More exact-name-and-birthday candidates than this is doubt: create a new client instead. */
const MAX_CANDIDATES = 3;

const norm = (s: string) => s.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
const digits = (s: string) => s.replace(/\D/g, "");

/** Whether a client record is the same person as the form's patient (name, birthday, and email or mobile). */
export function isSamePerson(
  c: Pick<ClientDetail, "firstName" | "lastName" | "dateOfBirth" | "email" | "phoneNumberMobile">,
  p: Omit<PatientIdentity, "contacts"> & { email?: string | undefined; mobile?: string | undefined },
): boolean {
  if (norm(c.firstName) !== norm(p.firstName) || norm(c.lastName) !== norm(p.lastName)) return false;
  if (c.dateOfBirth !== p.dateOfBirth) return false;
  const emailEqual = c.email.trim() !== "" && p.email !== undefined && norm(c.email) === norm(p.email);
  const mobileEqual =
    digits(c.phoneNumberMobile) !== "" &&
    p.mobile !== undefined &&
    digits(c.phoneNumberMobile) === digits(p.mobile);
  return emailEqual || mobileEqual;
}

/** The id of the matching client, or of a new one created from the form. */
export async function findOrCreateClient(
  coreplus: CoreplusClient,
  patient: PatientIdentity,
  signal: AbortSignal,
) {
  const [contact] = patient.contacts;
  if (!contact) throw new TypeError("findOrCreateClient needs at least one contact");
  const { clients } = coreplus;
  const candidates = (
    await clients
      .iterate({ name: patient.lastName.trim(), dateOfBirth: patient.dateOfBirth }, { signal })
      .toArray()
  ).filter(
    (c) =>
      norm(c.firstName) === norm(patient.firstName) &&
      norm(c.lastName) === norm(patient.lastName) &&
      c.dateOfBirth === patient.dateOfBirth,
  );
  // The same coreplus work whatever the candidates (no count or timing oracle): always
  // MAX_CANDIDATES detail reads side by side. Reads beyond the candidates are stand-ins: a candidate's
  // record read again, or with no candidate to read (none, or too many: doubt) the same search for one
  // row. Then exactly one more call: the create, or for a match a stand-in read of its record.
  const checked = candidates.length <= MAX_CANDIDATES ? candidates : [];
  const oneRow = { name: patient.lastName.trim(), dateOfBirth: patient.dateOfBirth, pageSize: 1 };
  const reads = await Promise.all(
    Array.from({ length: MAX_CANDIDATES }, async (_, i) => {
      if (checked.length === 0) {
        await clients.list(oneRow, { signal });
        return undefined;
      }
      const detail = await clients.get(checked[i % checked.length]!.clientId, { signal });
      return i < checked.length ? detail : undefined;
    }),
  );
  const details = reads.filter((d) => d !== undefined);
  const match = details.find((d) => patient.contacts.some((k) => isSamePerson(d, { ...patient, ...k })));
  if (match) {
    await clients.get(match.clientId, { signal });
    return { clientId: match.clientId, matched: true };
  }
  // Never retried except on 429 (core's create): a blind retry could create a second client.
  const created = await clients.create(
    {
      firstName: patient.firstName.trim(),
      lastName: patient.lastName.trim(),
      dateOfBirth: patient.dateOfBirth,
      email: contact.email.trim(),
      phoneNumberMobile: contact.mobile.trim(),
    },
    { signal },
  );
  return { clientId: created.clientId, matched: false };
}
