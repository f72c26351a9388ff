/**
 * Safe patient matching: an existing coreplus client is used only on an exact match of first name,
 * last name and date of birth plus an equal email or equal mobile digits. Any doubt (no match, or
 * too many candidates) creates a new client. The public form never updates an existing client, and
 * the caller never learns which happened: not from the answer, nor from its timing (the same number of
 * coreplus calls either way).
 */
import type { ClientDetail, CoreplusClient } from "@coreplus-kit/core";
import type { BookingPatient } from "../schemas/public.js";

/** More exact-name-and-birthday candidates than this is doubt: create a new client instead. */
const MAX_CANDIDATES = 3;

const norm = (s: string) => s.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
const digits = (s: string) => s.replace(/\D/g, "");

/** Whether a client record is the same person as the form's patient (name, birthday, and email or mobile). */
export function isSamePerson(
  c: Pick<ClientDetail, "firstName" | "lastName" | "dateOfBirth" | "email" | "phoneNumberMobile">,
  p: BookingPatient,
): boolean {
  if (norm(c.firstName) !== norm(p.firstName) || norm(c.lastName) !== norm(p.lastName)) return false;
  if (c.dateOfBirth !== p.dateOfBirth) return false;
  const emailEqual = c.email.trim() !== "" && norm(c.email) === norm(p.email);
  const mobileEqual = digits(c.phoneNumberMobile) !== "" && digits(c.phoneNumberMobile) === digits(p.mobile);
  return emailEqual || mobileEqual;
}

/** The id of the matching client, or of a new one created from the form. */
export async function findOrCreateClient(
  coreplus: CoreplusClient,
  patient: BookingPatient,
  signal: AbortSignal,
) {
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
  // The same coreplus work whether or not a candidate exists (no timing oracle): the detail reads run
  // side by side, and when there is nothing to read one equal read stands in for them (the same search,
  // one row). Then exactly one more call: the create, or for a match a stand-in read of its record.
  const checked = candidates.length <= MAX_CANDIDATES ? candidates : [];
  const details =
    checked.length > 0
      ? await Promise.all(checked.map((c) => clients.get(c.clientId, { signal })))
      : await clients
          .list({ name: patient.lastName.trim(), dateOfBirth: patient.dateOfBirth, pageSize: 1 }, { signal })
          .then(() => []);
  const match = details.find((d) => isSamePerson(d, patient));
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
      email: patient.email.trim(),
      phoneNumberMobile: patient.mobile.trim(),
    },
    { signal },
  );
  return { clientId: created.clientId, matched: false };
}
