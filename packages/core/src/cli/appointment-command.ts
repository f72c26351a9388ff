/**
 * `coreplus appointment get <id>` and `coreplus appointment cancel <id>`: the typed appointment
 * calls (validated answers, practitioner names and cancellation fields included), one request each.
 */
import { Guid } from "../models/index.js";
import { type CliIo, type Connection, UsageError } from "./options.js";
import { clientFor, print } from "./request-command.js";

const USAGE =
  "usage: coreplus appointment <get|cancel> <appointmentId> [--reason-id <guid>] [--notes <text>]";

function appointmentId(raw: string | undefined): string {
  if (raw === undefined) throw new UsageError(USAGE);
  const parsed = Guid.safeParse(raw);
  if (!parsed.success) throw new UsageError(`"${raw}" is not an appointment id (a GUID)`);
  return parsed.data;
}

/** `appointment get <id>` / `appointment cancel <id> [--reason-id] [--notes]`. */
export async function appointmentCommand(
  args: readonly string[],
  flags: { reasonId: string | undefined; notes: string | undefined },
  conn: Connection,
  io: CliIo,
): Promise<number> {
  const [action, rawId, ...extra] = args;
  if (extra.length > 0) throw new UsageError(USAGE);
  if (action === "get") {
    if (flags.reasonId !== undefined || flags.notes !== undefined) {
      throw new UsageError('--reason-id and --notes are options of "coreplus appointment cancel" only');
    }
    const id = appointmentId(rawId);
    print(
      io,
      await clientFor(conn, io).appointments.get(id, { getPractitionerProfiles: true, cancellationId: true }),
    );
    return 0;
  }
  if (action === "cancel") {
    const id = appointmentId(rawId);
    const cancelled = await clientFor(conn, io).appointments.cancel(id, {
      ...(flags.reasonId === undefined ? {} : { reasonId: flags.reasonId }),
      ...(flags.notes === undefined ? {} : { notes: flags.notes }),
    });
    print(io, cancelled);
    return 0;
  }
  throw new UsageError(
    action === undefined ? USAGE : `unknown appointment action "${action}" (get or cancel)`,
  );
}
