/** `coreplus decode <jwt>`: show a token and say plainly why coreplus would reject it. */
import { DEV_ACCESS_TOKEN } from "../dev.js";
import { inspectToken, type TokenRejectionReason, verifyRequestToken } from "../index.js";
import { type CliIo, type Connection, showSecret, UsageError } from "./options.js";

/** Plain words for each reason, as the first half of a "would reject" line. */
const PLAIN: Readonly<Record<TokenRejectionReason, string>> = {
  missing_header: "no Authorization header",
  malformed_header: "malformed Authorization header",
  malformed_token: "not a JWT",
  unsupported_alg: "wrong alg",
  missing_claim: "missing claim",
  unknown_consumer: "unknown consumer",
  bad_signature: "bad signature",
  access_token_invalid: "access token refused",
  exp_not_after_nbf: "exp not after nbf",
  not_yet_valid: "not yet valid",
  expired: "expired",
  lifetime_too_long: "lifetime too long",
  method_mismatch: "method",
  url_mismatch: "url",
  missing_content_type: "missing Content-Type",
};

type SignatureCheck = "valid" | "invalid" | "not_checked";

/** Checks the signature with the configured secret, but only for a token of the configured consumer. */
async function checkSignature(
  jwt: string,
  claims: Record<string, unknown>,
  conn: Connection,
  now: () => number,
): Promise<{ status: SignatureCheck; note: string }> {
  if (claims.consumerId !== conn.consumerId) {
    return {
      status: "not_checked",
      note: `not checked: the token's consumerId is not the configured one (${conn.consumerId})`,
    };
  }
  const { httpMethod, url } = claims;
  const result = await verifyRequestToken(`JwToken ${jwt}`, {
    method: typeof httpMethod === "string" ? httpMethod : "GET",
    url: typeof url === "string" ? url : "/",
    now,
    lookupConsumer: () => ({ consumerSecret: conn.consumerSecret, isAccessTokenValid: () => true }),
  });
  const source =
    conn.sources.consumerSecret === "default" ? "development default" : conn.sources.consumerSecret;
  if (!result.ok && result.reason === "bad_signature") {
    return { status: "invalid", note: `does NOT match the configured consumer secret (${source})` };
  }
  if (!result.ok && (result.reason === "malformed_token" || result.reason === "unsupported_alg")) {
    return { status: "not_checked", note: "not checked: the token is not an HS256 JWT" };
  }
  return { status: "valid", note: `matches the configured consumer secret (${source})` };
}

function describeTime(seconds: unknown, nowMs: number): string {
  if (!Number.isInteger(seconds)) return "";
  const delta = (seconds as number) - Math.floor(nowMs / 1000);
  const when = delta >= 0 ? `in ${delta} s` : `${-delta} s ago`;
  return `${new Date((seconds as number) * 1000).toISOString()} (${when})`;
}

/** Prints header, claims (access token hidden unless it is the development one) and the verdict. */
export async function decodeCommand(
  args: readonly string[],
  flags: { json: boolean },
  conn: Connection,
  io: CliIo,
): Promise<number> {
  const [input, ...extra] = args;
  if (input === undefined || extra.length > 0) throw new UsageError("usage: coreplus decode <jwt>");
  const now = io.now ?? Date.now;
  const jwt = input.trim().replace(/^JwToken\s+/, "");
  const { header, claims, problems } = inspectToken(jwt, { now });
  const signature = problems.some((p) => p.reason === "malformed_token")
    ? { status: "not_checked" as const, note: "not checked" }
    : await checkSignature(jwt, claims, conn, now);
  if (signature.status === "invalid") {
    problems.push({ reason: "bad_signature", detail: `the signature ${signature.note}` });
  }
  const shown =
    typeof claims.accessToken === "string"
      ? {
          ...claims,
          accessToken: showSecret(claims.accessToken, claims.accessToken === DEV_ACCESS_TOKEN, true),
        }
      : claims;

  if (flags.json) {
    io.stdout.write(
      `${JSON.stringify({ header, claims: shown, problems, signature: signature.status }, null, 2)}\n`,
    );
    return problems.length > 0 ? 1 : 0;
  }
  const lines = [
    `header: ${JSON.stringify(header, null, 2)}`,
    `claims: ${JSON.stringify(shown, null, 2)}`,
    `nbf:       ${describeTime(claims.nbf, now())}`,
    `exp:       ${describeTime(claims.exp, now())}`,
    `signature: ${signature.note}`,
    "",
  ];
  if (problems.length === 0) {
    lines.push(
      "OK: coreplus would accept this token (if the access token is granted and it is sent with this method and URL).",
    );
  } else {
    lines.push("coreplus would reject this token:");
    for (const p of problems) lines.push(`  - ${PLAIN[p.reason]}: ${p.detail}`);
  }
  io.stdout.write(`${lines.join("\n")}\n`);
  return problems.length > 0 ? 1 : 0;
}
