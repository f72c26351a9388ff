/**
 * Manage tokens: a JWS (HS256, jose) signed with the deployment's MANAGE_SECRET that names only the
 * clinic slug (`aud`) and the coreplus appointment id (`sub`), and expires when the appointment starts
 * (`exp`). Nothing else is inside: no patient detail, no reference, no time but the expiry.
 */
import { formatInZone } from "@coreplus-kit/core";
import { jwtVerify, SignJWT } from "jose";

/** Used when MANAGE_SECRET is not set (development only; a warning at start says so, never its value). */
export const DEV_MANAGE_SECRET = "coreplus-kit-dev-manage-secret";

/** Marks the token's kind, so that no other JWT signed with the same secret passes for one. */
const TYP = "coreplus-manage+jwt";

/** Signs and checks one deployment's manage tokens. */
export interface ManageTokens {
  /** A token for an appointment of `clinic`, expiring at `startMs` (shown in `zone`). */
  sign(clinic: string, appointmentId: string, startMs: number, zone: string): Promise<ManageLinkJson>;
  /**
   * The appointment id a token names, or undefined when it is malformed, forged, expired at `nowMs`
   * (business time: the appointment's start) or another clinic's.
   */
  verify(token: string, clinic: string, nowMs: number): Promise<string | undefined>;
}

/** `manage` in an answer. */
export interface ManageLinkJson {
  token: string;
  expiresAt: string;
}

/** The manage tokens of a deployment; the secret is imported once as a CryptoKey. */
export function createManageTokens(secret: string): ManageTokens {
  if (secret.length < 16) throw new RangeError("MANAGE_SECRET must be at least 16 characters");
  const key = crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign", "verify"],
  );
  return {
    async sign(clinic, appointmentId, startMs, zone) {
      const token = await new SignJWT({})
        .setProtectedHeader({ alg: "HS256", typ: TYP })
        .setSubject(appointmentId)
        .setAudience(clinic)
        .setExpirationTime(Math.floor(startMs / 1000))
        .sign(await key);
      return { token, expiresAt: formatInZone(startMs, zone) };
    },
    async verify(token, clinic, nowMs) {
      try {
        const { payload } = await jwtVerify(token, await key, {
          algorithms: ["HS256"],
          typ: TYP,
          audience: clinic,
          requiredClaims: ["sub", "exp"],
          // The expiry is the appointment's start, which is business time (the same clock as "today").
          currentDate: new Date(nowMs),
          clockTolerance: 0,
        });
        return typeof payload.sub === "string" && payload.sub !== "" ? payload.sub : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
