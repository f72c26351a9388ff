/**
 * Who the booking is for, and the record that says so. Without `bookedBy` the patient gives their own
 * contact. With it, the patient is the person to be seen and the carer's contact is used: a new
 * dependant's client takes it and gets a ClientFamily record with the carer as main contact; an
 * existing client is never changed, and the carer goes into the appointment's notes instead.
 */
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

/** The appointment's notes, once {@link ensurePatient} has said whether the client existed. */
export function appointmentNotes(run: BookingRun, req: BookingRequest, answers: NotedAnswer[]): string {
  const carer = req.bookedBy && run.record.progress.clientMatched ? req.bookedBy : undefined;
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
    await run.save();
  }
  return progress.clientId;
}
