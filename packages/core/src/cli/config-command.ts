/** `coreplus config`: the connection in use, with secrets hidden unless they are the public development ones. */
import { type CliIo, type Connection, showSecret, UsageError } from "./options.js";
import { apiBaseFor } from "./token-command.js";

/** Prints each setting and where it came from. */
export function configCommand(args: readonly string[], conn: Connection, io: CliIo): number {
  if (args.length > 0) throw new UsageError("usage: coreplus config");
  const from = (source: string) => `(${source === "default" ? "development default" : source})`;
  const rows: [string, string, string][] = [
    ["base URL", conn.baseUrl, from(conn.sources.baseUrl)],
    ["API base", apiBaseFor(conn), `(version ${conn.version})`],
    ["consumer id", conn.consumerId, from(conn.sources.consumerId)],
    ["consumer secret", showSecret(conn.consumerSecret, conn.isDevSecret), from(conn.sources.consumerSecret)],
    [
      "access token",
      showSecret(conn.accessToken, conn.isDevAccessToken, true),
      from(conn.sources.accessToken),
    ],
  ];
  for (const [name, value, source] of rows) io.stdout.write(`${`${name}:`.padEnd(17)}${value} ${source}\n`);
  return 0;
}
