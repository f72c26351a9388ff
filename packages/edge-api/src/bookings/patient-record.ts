/**
 * Who the booking is for, and the record that says so. Without `bookedBy` the patient gives their own
 * contact. With it, the patient is the person to be seen and the carer's contact is used: a new
 * dependant's client takes it and gets a ClientFamily record with the carer as main contact; an
 * existing client is never changed, and the carer goes into the appointment's notes instead. A family
 * create whose outcome is unknown is never sent twice (see {@link ensurePatient}).
 */
import {
  CoreplusError,
  CoreplusNetworkError,
  CoreplusResponseError,
  CoreplusTimeoutError,
  CoreplusValidationError,
} from "@coreplus-kit/core";
import { validationProblem } from "../http/index.js";
import type { BookingRequest, ProblemFieldError } from "../schemas/public.js";
import { checkAnswers } from "./answers.js";
import type { IdempotentRun as BookingRun } from "./idempotent-run.js";
import { composeNotes, type NotedAnswer } from "./notes.js";
import { findOrCreateClient, type PatientIdentity } from "./patient-match.js";

/**
 * Checks what the schema alone cannot (the contact is there, the answers fit the clinic's questions
 * for this service) and returns the answers for the notes. Throws a validation problem.
 */
export function checkPatientExtras(
  run: BookingRun,
  req: BookingRequest,
  appointmentTypeId: string,
): NotedAnswer[] {
  const errors: ProblemFieldError[] = [];
  if (!req.bookedBy) {
    for (const field of ["email", "mobile"] as const)
      if (req.patient[field] === undefined)
        errors.push({ pointer: `/patient/${field}`, code: "required", detail: "is required" });
  }
  const disciplineId = (req.slot as { disciplineId?: string }).disciplineId;
  const answers = checkAnswers(run.scope.rt.config.questions ?? [], req.answers ?? [], {
    appointmentTypeId,
    disciplineId,
  });
  errors.push(...answers.errors);
  if (errors.length > 0) throw validationProblem(errors);
  return answers.noted;
}

/**
 * The appointment's notes, once {@link ensurePatient} has said whether the client existed: the carer
 * goes in when there is no family record to hold them (an existing client, or a create whose outcome
 * is unknown).
 */
export function appointmentNotes(run: BookingRun, req: BookingRequest, answers: NotedAnswer[]): string {
  const { clientMatched, familySent, familyId } = run.record.progress;
  const carer = req.bookedBy && (clientMatched || (familySent && !familyId)) ? req.bookedBy : undefined;
  return composeNotes({
    note: req.note,
    carer,
    returning: req.returning,
    answers,
    attribution: req.attribution,
  });
}

/** The patient's contact details, in the order they are tried (the first goes on a new client). */
function identity(req: BookingRequest): PatientIdentity {
  const { patient, bookedBy } = req;
  const own =
    patient.email !== undefined && patient.mobile !== undefined
      ? [{ email: patient.email, mobile: patient.mobile }]
      : [];
  const contacts = bookedBy ? [{ email: bookedBy.email, mobile: bookedBy.mobile }, ...own] : own;
  return {
    firstName: patient.firstName,
    lastName: patient.lastName,
    dateOfBirth: patient.dateOfBirth,
    contacts,
  };
}

/**
 * Finds or creates the client, and for a new dependant the carer's family record, recording each
 * step in the run's progress so that a retry resumes instead of repeating it.
 */
export async function ensurePatient(run: BookingRun, req: BookingRequest): Promise<string> {
  const { progress } = run.record;
  const { coreplus } = run.scope.rt;
  if (!progress.clientId) {
    const found = await findOrCreateClient(coreplus, identity(req), run.signal);
    progress.clientId = found.clientId;
    progress.clientMatched = found.matched;
    await run.save();
  }
  const carer = req.bookedBy;
  if (carer && !progress.clientMatched && !progress.familyId) {
    if (progress.familySent) {
      // An earlier attempt's create has an unknown outcome and coreplus offers no way to look: a
      // second family record is worse than none, so it is not sent again; the carer goes into the
      // notes instead (see appointmentNotes), and the log says so for the clinic to check.
      run.scope.log({ level: "warn", msg: "family record outcome unknown; not sent again" });
      return progress.clientId;
    }
    progress.familySent = true;
    await run.save();
    try {
      // Never retried blindly (core's create): a retry of the booking resumes here instead.
      const family = await coreplus.clientFamily.create(
        {
          clientId: progress.clientId,
          firstName: carer.firstName.trim(),
          surname: carer.lastName.trim(),
          relationship: carer.relationship.trim(),
          mobile: carer.mobile.trim(),
          email: carer.email.trim(),
          mainContact: true,
        },
        { signal: run.signal },
      );
      progress.familyId = family.familyId;
    } catch (err) {
      // coreplus answered with a refusal: nothing was made, so a retry may send it again (the run
      // saves the record on the way out).
      if (refusedByCoreplus(err)) progress.familySent = false;
      throw err;
    }
    await run.save();
  }
  return progress.clientId;
}

/** Whether coreplus answered `err` with a refusal (4xx/5xx or a refusing `result`), so nothing was written. */
function refusedByCoreplus(err: unknown): boolean {
  if (!(err instanceof CoreplusError)) return false; // aborted by the allowance: it may have gone out
  // No answer, or a 2xx answer we could not read: it may have been written.
  if (err instanceof CoreplusTimeoutError || err instanceof CoreplusNetworkError) return false;
  if (err instanceof CoreplusResponseError) return false;
  return err instanceof CoreplusValidationError || (err.status ?? 0) >= 400;
}
