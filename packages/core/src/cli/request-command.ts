/** `coreplus get <path> [--all]` and `coreplus post <path> --data <json>`: signed requests through the client. */
import { readFile } from "node:fs/promises";
import { type CoreplusClient, type CoreplusRequest, createCoreplusClient } from "../index.js";
import { type CliIo, type Connection, UsageError } from "./options.js";

/** Stops a server that ignores paging from looping forever. */
const MAX_PAGES = 1000;
const DEFAULT_PAGE_SIZE = 100;

type Query = NonNullable<CoreplusRequest["query"]>;

/** The typed client for a connection (the CLI's commands all go through it). */
export function clientFor(conn: Connection, io: CliIo): CoreplusClient {
  return createCoreplusClient({
    baseUrl: conn.baseUrl,
    version: conn.version,
    consumerId: conn.consumerId,
    consumerSecret: conn.consumerSecret,
    accessToken: conn.accessToken,
    ...(io.fetch ? { fetch: io.fetch } : {}),
  });
}

/** Splits "/Client/?name=a&x=1&x=2" into the path and a query record (repeated keys become arrays). */
export function splitTarget(target: string): { path: string; query: Record<string, string | string[]> } {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
    throw new UsageError("give a path under the API base such as /Client/, not a full URL");
  }
  const q = target.indexOf("?");
  const rawPath = q === -1 ? target : target.slice(0, q);
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(q === -1 ? "" : target.slice(q + 1))) {
    const prior = query[key];
    query[key] = prior === undefined ? value : Array.isArray(prior) ? [...prior, value] : [prior, value];
  }
  return { path: `/${rawPath.replace(/^\/+/, "")}`, query };
}

/** The one array-valued key of a list envelope ({"clients": [...], "paging": {...}, "statusMessages": []}). */
export function listKeyOf(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return undefined;
  const keys = Object.entries(body)
    .filter(([key, value]) => Array.isArray(value) && key !== "statusMessages" && key !== "result")
    .map(([key]) => key);
  return keys.length === 1 ? keys[0] : undefined;
}

interface Paging {
  pageNumber?: number;
  pageSize?: number;
  totalRows?: number;
}

/** Fetches page after page until a short or empty page, or totalRows is reached; returns the merged list. */
async function fetchAll(
  client: CoreplusClient,
  path: string,
  query: Query,
): Promise<Record<string, unknown[]>> {
  const requestedSize = Number(query.pageSize ?? DEFAULT_PAGE_SIZE);
  if (!Number.isInteger(requestedSize) || requestedSize < 1)
    throw new UsageError("pageSize must be a positive integer");
  let key: string | undefined;
  const items: unknown[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const body = await client.request<Record<string, unknown>>({
      method: "GET",
      path,
      query: { ...query, pageNumber: page, pageSize: requestedSize },
    });
    const pageKey = listKeyOf(body);
    if (pageKey === undefined || (key !== undefined && pageKey !== key)) {
      throw new ListShapeError(`page ${page} of ${path} is not a list envelope, so --all cannot follow it`);
    }
    key = pageKey;
    const pageItems = body[pageKey] as unknown[];
    items.push(...pageItems);
    const paging = body.paging as Paging | undefined;
    // The server may clamp the page size, so a short page is judged against what it says it used.
    const pageSize = typeof paging?.pageSize === "number" ? paging.pageSize : requestedSize;
    const total = paging?.totalRows;
    if (!paging || pageItems.length === 0 || pageItems.length < pageSize) break;
    if (typeof total === "number" && items.length >= total) break;
  }
  return { [key as string]: items };
}

/** A response that --all cannot page through (exit 1: the request worked, the result is unusable). */
export class ListShapeError extends Error {
  override name = "ListShapeError";
}

async function readBody(data: string | undefined): Promise<unknown> {
  if (data === undefined) throw new UsageError("post needs --data <json> (or --data @file)");
  let text = data;
  if (data.startsWith("@")) {
    try {
      text = await readFile(data.slice(1), "utf8");
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      throw new UsageError(`cannot read ${data.slice(1)}${typeof code === "string" ? ` (${code})` : ""}`);
    }
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(
      `--data is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Prints a value as indented JSON. */
export function print(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value ?? null, null, 2)}\n`);
}

/** `get <path> [--all]`. */
export async function getCommand(
  args: readonly string[],
  flags: { all: boolean },
  conn: Connection,
  io: CliIo,
): Promise<number> {
  const [target, ...extra] = args;
  if (target === undefined || extra.length > 0) throw new UsageError("usage: coreplus get <path> [--all]");
  const { path, query } = splitTarget(target);
  const client = clientFor(conn, io);
  print(
    io,
    flags.all ? await fetchAll(client, path, query) : await client.request({ method: "GET", path, query }),
  );
  return 0;
}

/** `post <path> --data <json>`. */
export async function postCommand(
  args: readonly string[],
  flags: { data: string | undefined },
  conn: Connection,
  io: CliIo,
): Promise<number> {
  const [target, ...extra] = args;
  if (target === undefined || extra.length > 0)
    throw new UsageError("usage: coreplus post <path> --data <json>");
  const { path, query } = splitTarget(target);
  const body = await readBody(flags.data);
  print(io, await clientFor(conn, io).request({ method: "POST", path, query, body }));
  return 0;
}
