/**
 * The `coreplus` CLI (Node only). `main` takes argv and injected streams and environment, and returns
 * the exit code: 0 success, 1 a failed request or a token coreplus would reject, 2 a usage error.
 * Every error is one line on stderr; no secret is printed unless it is the public development one.
 */
import { CoreplusError } from "../index.js";
import { redactText } from "../internal/redact.js";
import { appointmentCommand } from "./appointment-command.js";
import { configCommand } from "./config-command.js";
import { decodeCommand } from "./decode-command.js";
import { HELP } from "./help.js";
import { type CliIo, type Connection, parseCommandLine, resolveConnection, UsageError } from "./options.js";
import { getCommand, postCommand } from "./request-command.js";
import { tokenCommand } from "./token-command.js";
import { cliVersion } from "./version.js";

export type { CliIo } from "./options.js";

/** Runs the CLI once. Never throws: failures become a line on stderr and a non-zero exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let conn: Connection | undefined;
  try {
    const parsed = parseCommandLine(argv);
    const { command, args, flags } = parsed;
    if (parsed.version && !parsed.help) {
      io.stdout.write(`${await cliVersion()}\n`);
      return 0;
    }
    if (command === "help" || parsed.help) {
      const topic = command === "help" ? (args[0] ?? "") : (command ?? "");
      const text = HELP[topic];
      if (text === undefined) throw new UsageError(`no help for "${topic}": it is not a command`);
      io.stdout.write(`${text}\n`);
      return 0;
    }
    if (command === undefined) {
      io.stderr.write(`${HELP[""]}\n`);
      return 2;
    }
    conn = resolveConnection(parsed.connection, io.env);
    switch (command) {
      case "token":
        return await tokenCommand(args, flags, conn, io);
      case "decode":
        return await decodeCommand(args, flags, conn, io);
      case "get":
        return await getCommand(args, flags, conn, io);
      case "post":
        return await postCommand(args, flags, conn, io);
      case "appointment":
        return await appointmentCommand(args, flags, conn, io);
      default:
        return configCommand(args, conn, io);
    }
  } catch (error) {
    return report(error, io, conn);
  }
}

/** The innermost cause's message, e.g. "connect ECONNREFUSED 127.0.0.1:4010" under fetch's "fetch failed". */
function rootCause(error: Error): string | undefined {
  let cause: unknown = error.cause;
  let message: string | undefined;
  for (let depth = 0; cause instanceof Error && depth < 5; depth++) {
    message = cause.message;
    cause = cause.cause;
  }
  return message;
}

function describeCoreplusError(error: CoreplusError, conn: Connection | undefined): string {
  const status = error.status === undefined ? "" : ` (HTTP ${error.status})`;
  const parts = [error.message, ...error.reasons.filter((r) => !error.message.includes(r))];
  // The URL helps unless the message already names its path.
  if (error.url && !error.message.includes(new URL(error.url, "http://x").pathname)) {
    parts.push(`${error.method ?? ""} ${error.url}`.trim());
  }
  const cause = error.status === undefined ? rootCause(error) : undefined;
  if (cause && !parts.some((p) => p.includes(cause))) parts.push(cause);
  if (error.code === "ERR_COREPLUS_NETWORK" && conn?.sources.baseUrl === "default") {
    parts.push("is the sandbox running? (pnpm --filter @coreplus-kit/sandbox start)");
  }
  return `${error.code}${status}: ${parts.join("; ")}`;
}

/** One line on stderr, secrets scrubbed; 2 for usage errors, 1 for everything else. */
function report(error: unknown, io: CliIo, conn: Connection | undefined): number {
  const secrets = conn && !conn.isDevSecret ? [conn.consumerSecret, conn.accessToken] : [];
  const line =
    error instanceof CoreplusError
      ? describeCoreplusError(error, conn)
      : error instanceof Error
        ? error.message
        : String(error);
  const oneLine = redactText(line, secrets).replace(/\s*\n\s*/g, " ");
  io.stderr.write(`coreplus: ${oneLine}\n`);
  return error instanceof UsageError ? 2 : 1;
}
