/**
 * The state file format (`SANDBOX_STATE_FILE`): the whole store as JSON plus when it was saved, so a
 * demo keeps its bookings across restarts. Parsing is strict: a damaged file is an error with a clear
 * message, never a silent reset. File IO lives in the Node entry; this module is runtime-agnostic.
 */
import { z } from "zod";
import type { StoreSnapshot } from "./store.js";

const FORMAT = "coreplus-kit-sandbox-state";
const VERSION = 1;

/** What a state file holds. */
export interface SandboxStateFile {
  format: typeof FORMAT;
  version: typeof VERSION;
  seed: number;
  /** Business-clock time of the save (ISO). */
  savedAt: string;
  /** The business date of the save in the first location's zone ("YYYY-MM-DD"). */
  savedDate: string;
  store: StoreSnapshot;
}

/** Thrown when a state file cannot be used. */
export class SandboxStateError extends Error {
  readonly code = "ERR_SANDBOX_STATE_FILE";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = this.constructor.name;
  }
}

const id = z.string().min(1);
const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const hhmm = z.string().regex(/^\d{2}:\d{2}$/);
const address = z.looseObject({
  streetAddress: z.string(),
  suburb: z.string(),
  state: z.string(),
  postcode: z.string(),
});

// Deep enough that every field the sandbox reads is checked; extra fields are kept as they are.
const Snapshot = z.object({
  locations: z.array(
    z.looseObject({
      locationId: id,
      name: z.string(),
      timezoneId: id,
      zone: z.string(),
      address,
      phoneNumber: z.string(),
    }),
  ),
  practitioners: z.array(
    z.looseObject({
      practitionerId: id,
      title: z.string(),
      firstName: z.string(),
      lastName: z.string(),
      displayName: z.string(),
      email: z.string(),
      profession: z.string(),
      locationIds: z.array(id),
      specialtyIds: z.array(id),
    }),
  ),
  appointmentTypes: z.array(
    z.looseObject({
      appointmentTypeId: id,
      description: z.string(),
      durationMinutes: z.number().int().positive(),
      blockColour: z.string(),
      practitionerId: id.nullable(),
      locationId: id.nullable(),
      clientGroupId: id.nullable(),
    }),
  ),
  rosters: z.array(
    z.looseObject({
      practitionerId: id,
      locationId: id,
      weekday: z.number().int().min(0).max(6).optional(),
      date: ymd.optional(),
      start: hhmm,
      end: hhmm,
    }),
  ),
  clients: z.array(
    z.looseObject({
      clientId: id,
      firstName: z.string(),
      lastName: z.string(),
      dateOfBirth: ymd,
      status: z.enum(["Current", "Closed", "Deleted", "Deceased"]),
      phoneNumberMobile: z.string(),
      email: z.string(),
      addressResidential: address,
      addressPostal: address,
      relatedClients: z.array(id),
      modifiedAt: z.number(),
    }),
  ),
  appointments: z.array(
    z.looseObject({
      appointmentId: id,
      appointmentReferenceNumber: z.string(),
      status: z.enum(["Booked", "Attended", "Cancelled", "DNA"]),
      practitionerId: id,
      locationId: id,
      appointmentTypeId: id.nullable(),
      clientId: id,
      start: z.number(),
      end: z.number(),
      subject: z.string(),
      notes: z.string(),
    }),
  ),
  // Added after version 1 files were first written: absent means none.
  families: z
    .array(
      z.looseObject({
        familyId: id,
        clientId: id,
        firstName: z.string(),
        surname: z.string(),
        emergencyContact: z.boolean(),
        invoiceRecipient: z.boolean(),
        mainContact: z.boolean(),
        createdAt: z.number(),
      }),
    )
    .default([]),
  history: z
    .record(
      z.string(),
      z.array(
        z.looseObject({
          at: z.string(),
          action: z.enum(["created", "updated", "cancelled"]),
          changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
        }),
      ),
    )
    .default({}),
  nextReference: z.number().int(),
  idState: z.number().int(),
});

const StateFile = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  seed: z.number(),
  savedAt: z.string(),
  savedDate: ymd,
  store: Snapshot,
});

/** Serialises the state for a file. */
export function serializeState(state: Omit<SandboxStateFile, "format" | "version">): string {
  const file: SandboxStateFile = { format: FORMAT, version: VERSION, ...state };
  return `${JSON.stringify(file)}\n`;
}

/** Parses a state file's text, or throws {@link SandboxStateError} saying what is wrong. */
export function parseState(text: string, source: string): SandboxStateFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new SandboxStateError(
      `The sandbox state file ${source} is not valid JSON (damaged or truncated).`,
      {
        cause,
      },
    );
  }
  const parsed = StateFile.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join(".") || "(top level)"}: ${i.message}`)
      .join("; ");
    throw new SandboxStateError(`The sandbox state file ${source} is not a sandbox state file: ${where}.`);
  }
  return parsed.data as unknown as SandboxStateFile;
}
