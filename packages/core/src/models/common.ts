/**
 * Building blocks shared by every coreplus model: ids, date-times, lenient scalars, envelopes.
 * Responses are read leniently where coreplus is known to vary and strictly where we depend on a field.
 */
import { z } from "zod";
import { isValidYmd } from "../time/calendar.js";
import { normalizeCoreplusDateTime } from "../time/parse.js";

const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A coreplus id: a GUID, accepted in any case and normalised to lower case. */
export const Guid = z.string().regex(GUID_PATTERN, "Expected a GUID").toLowerCase();

/**
 * A date-time with an explicit offset, in any coreplus spelling (space before the offset or not,
 * `Z`, missing seconds), normalised to "YYYY-MM-DDTHH:mm:ss+HH:MM".
 */
export const CoreplusDateTime = z.string().transform((value, ctx) => {
  try {
    return normalizeCoreplusDateTime(value);
  } catch {
    ctx.addIssue({
      code: "custom",
      message: "Expected a date-time with a UTC offset, e.g. 2025-05-20T09:00:00+10:00",
    });
    return z.NEVER;
  }
});

const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A calendar date: "YYYY-MM-DD", or coreplus's response spelling "YYYY-MM-DDT00:00:00"; normalised to
 * "YYYY-MM-DD".
 */
export const CoreplusDate = z.string().transform((value, ctx) => {
  const m = DATE_PREFIX.exec(value.trim());
  if (m === null || !isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]))) {
    ctx.addIssue({ code: "custom", message: "Expected a date YYYY-MM-DD" });
    return z.NEVER;
  }
  return `${m[1]}-${m[2]}-${m[3]}`;
});

/** A boolean sent as JSON `true`/`false` or as the strings "true"/"false" (any case). */
export const Boolish = z.union([
  z.boolean(),
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(["true", "false"], { message: 'Expected true, false, "true" or "false"' }))
    .transform((v) => v === "true"),
]);

/** A text field coreplus may send as null or leave out: read as "". */
export const Text = z
  .union([z.string(), z.null()])
  .optional()
  .transform((v) => v ?? "");

/** An optional text field: null is read as absent. */
export const OptionalText = z
  .union([z.string(), z.null()])
  .transform((v) => v ?? undefined)
  .optional();

/** A whole number that may arrive as a numeric string ("30"). */
export const IntLike = z.union([
  z.number().int(),
  z
    .string()
    .trim()
    .regex(/^-?\d+$/, "Expected a whole number")
    .transform(Number),
]);

/** A string that may arrive as a number (reference numbers, postcodes). */
export const StringLike = z.union([z.string(), z.number().transform(String)]);

/** Null and undefined both read as "absent". */
export function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === null ? undefined : v), schema.optional());
}

/** coreplus list paging. */
export const Paging = z.object({
  pageNumber: z.number().int(),
  pageSize: z.number().int(),
  totalRows: z.number().int(),
});
export type Paging = z.infer<typeof Paging>;

/** coreplus's `statusMessages` (always empty in every example; shape unknown, so anything goes). */
export const StatusMessages = z.array(z.unknown());
export type StatusMessages = z.infer<typeof StatusMessages>;

/** One item of a `result` error body. */
export const ResultItem = z.object({
  severity: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]),
  reason: Text,
});
export type ResultItem = z.infer<typeof ResultItem>;

/** coreplus's business/validation error body: `{"result":[{"severity":2,"reason":"…"}]}`. */
export const ResultError = z.object({ result: z.array(ResultItem) });
export type ResultError = z.infer<typeof ResultError>;

/** The shape of a list envelope built by {@link listEnvelope}. */
export type ListEnvelopeShape<K extends string, T extends z.ZodType> = { [P in K]: z.ZodArray<T> } & {
  paging: ReturnType<typeof optional<typeof Paging>>;
  statusMessages: ReturnType<typeof optional<typeof StatusMessages>>;
};

/**
 * A list response: `{ [key]: item[], paging?, statusMessages? }`.
 * @example listEnvelope("clients", ClientSummary)
 */
export function listEnvelope<K extends string, T extends z.ZodType>(
  key: K,
  item: T,
): z.ZodObject<ListEnvelopeShape<K, T>> {
  const shape = {
    [key]: z.array(item),
    paging: optional(Paging),
    statusMessages: optional(StatusMessages),
  } as ListEnvelopeShape<K, T>;
  return z.object(shape);
}

/**
 * A single resource that coreplus sends either wrapped (`{"appointment": {...}}`) or bare. Several
 * keys may be given where the wrapper's name is not known; the first present one is unwrapped.
 */
export function wrappedOrBare<T extends z.ZodType>(key: string | readonly string[], schema: T) {
  const keys = typeof key === "string" ? [key] : key;
  return z.preprocess((v) => {
    if (typeof v === "object" && v !== null && !Array.isArray(v)) {
      for (const k of keys) {
        const inner = (v as Record<string, unknown>)[k];
        if (typeof inner === "object" && inner !== null && !Array.isArray(inner)) return inner;
      }
    }
    return v;
  }, schema);
}
