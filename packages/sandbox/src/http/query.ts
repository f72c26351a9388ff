/**
 * Query strings the way an ASP.NET service reads them: parameter names case-insensitive, repeatable
 * parameters given as repeated keys or comma-separated, and the documented paging rules.
 */
import { addDays, ianaZoneFor } from "@coreplus-kit/core";
import { badRequest } from "./result.js";

/** Case-insensitive access to a request's query parameters. */
export interface Query {
  /** The first value of `name`, or undefined (an empty value counts as absent). */
  get(name: string): string | undefined;
  /** Every value of `name`, comma-separated values split, lower-cased (ids). */
  ids(name: string): string[];
  /** `true` only for "true" in any case. */
  flag(name: string): boolean;
}

/** Reads the query of a request URL. */
export function readQuery(url: string): Query {
  const params = new URL(url).searchParams;
  const values = new Map<string, string[]>();
  params.forEach((value, key) => {
    const k = key.toLowerCase();
    const list = values.get(k) ?? [];
    list.push(value);
    values.set(k, list);
  });
  const get = (name: string): string | undefined => {
    const v = values.get(name.toLowerCase())?.find((x) => x.trim() !== "");
    return v?.trim();
  };
  return {
    get,
    ids: (name) =>
      (values.get(name.toLowerCase()) ?? [])
        .flatMap((v) => v.split(","))
        .map((v) => v.trim().toLowerCase())
        .filter((v) => v !== ""),
    flag: (name) => get(name)?.toLowerCase() === "true",
  };
}

/** Paging parameters after validation. */
export interface PageRequest {
  pageNumber: number;
  pageSize: number;
}

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 100;

function positiveInt(query: Query, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw badRequest(`${name} must be a whole number of at least 1`);
  return Number(raw);
}

/** pageNumber (default 1) and pageSize (default 50, clamped to 100); < 1 or not an integer → 400. */
export function readPaging(query: Query): PageRequest {
  return {
    pageNumber: positiveInt(query, "pageNumber", 1),
    pageSize: Math.min(positiveInt(query, "pageSize", DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE),
  };
}

/**
 * coreplus's list envelope with one page of `items`, each turned into JSON by `toJson` (only the
 * page's items are converted); a page past the end is empty with the real total.
 */
export function listEnvelope<T>(
  key: string,
  items: readonly T[],
  page: PageRequest,
  toJson: (item: T) => unknown,
): Record<string, unknown> {
  const from = (page.pageNumber - 1) * page.pageSize;
  return {
    [key]: items.slice(from, from + page.pageSize).map(toJson),
    paging: { pageNumber: page.pageNumber, totalRows: items.length, pageSize: page.pageSize },
    statusMessages: [],
  };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A required "YYYY-MM-DD" parameter that names a real calendar date. */
export function readDate(query: Query, name: string): string {
  const raw = query.get(name);
  if (raw === undefined) throw badRequest(`${name} is required (YYYY-MM-DD)`);
  const m = DATE.exec(raw);
  if (!m) throw badRequest(`${name} must be a date YYYY-MM-DD`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) {
    throw badRequest(`${name} is not a valid date`);
  }
  return raw;
}

/** The required `timezoneId`, resolved to an IANA zone; unknown or malformed → 400. */
export function readZone(query: Query): string {
  const id = query.get("timezoneId");
  if (id === undefined) throw badRequest("timezoneId is required");
  const zone = ianaZoneFor(id);
  if (!zone) throw badRequest("timezoneId is not a known timezone");
  return zone;
}

/** startDate..endDate (inclusive); endDate before startDate → 400; optionally a longest range in days. */
export function readDateRange(query: Query, maxDays?: number): { startDate: string; endDate: string } {
  const startDate = readDate(query, "startDate");
  const endDate = readDate(query, "endDate");
  if (endDate < startDate) throw badRequest("endDate must not be before startDate");
  if (maxDays !== undefined && addDays(startDate, maxDays - 1) < endDate) {
    throw badRequest(`The date range must not be longer than ${maxDays} days`);
  }
  return { startDate, endDate };
}
