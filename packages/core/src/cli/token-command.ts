/** `coreplus token <METHOD> <URL>`: print a signed request token. */
import { createCoreplusClient, createRequestSigner } from "../index.js";
import { type CliIo, type Connection, UsageError } from "./options.js";

const METHOD = /^[A-Za-z]+$/;

/** The API base for this connection, e.g. "http://127.0.0.1:4010/API/Core/v2.1" (the client decides it). */
export function apiBaseFor(conn: Connection): string {
  return createCoreplusClient({
    baseUrl: conn.baseUrl,
    version: conn.version,
    consumerId: conn.consumerId,
    consumerSecret: conn.consumerSecret,
    accessToken: conn.accessToken,
  }).baseUrl.replace(/\/+$/, "");
}

/** A full URL as given, or a path (with its query) resolved under the API base. */
export function resolveRequestUrl(target: string, conn: Connection): string {
  if (/^https?:\/\//i.test(target)) {
    try {
      return new URL(target).href;
    } catch {
      throw new UsageError(`"${target}" is not a valid URL`);
    }
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(target))
    throw new UsageError("the URL must be http(s) or a path such as /Client/");
  return `${apiBaseFor(conn)}/${target.replace(/^\/+/, "")}`;
}

/** Prints the JWT (or with --header, the Authorization header value) for METHOD and URL. */
export async function tokenCommand(
  args: readonly string[],
  flags: { header: boolean },
  conn: Connection,
  io: CliIo,
): Promise<number> {
  const [method, target, ...extra] = args;
  if (method === undefined || target === undefined || extra.length > 0) {
    throw new UsageError("usage: coreplus token <METHOD> <URL>");
  }
  if (!METHOD.test(method)) throw new UsageError(`"${method}" is not an HTTP method`);
  const signer = createRequestSigner({
    consumerId: conn.consumerId,
    consumerSecret: conn.consumerSecret,
    accessToken: conn.accessToken,
    ...(io.now ? { now: io.now } : {}),
  });
  const url = resolveRequestUrl(target, conn);
  io.stdout.write(
    `${flags.header ? await signer.authorization(method, url) : await signer.token(method, url)}\n`,
  );
  return 0;
}
