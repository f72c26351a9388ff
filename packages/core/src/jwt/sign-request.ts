/**
 * Signs coreplus requests: one short-lived HS256 JWT per request, bound to its method and full URL
 * (coreplus-api.md §2).
 */
import { SignJWT } from "jose";
import {
  type CoreplusCredentials,
  DEFAULT_AUDIENCE,
  DEFAULT_ISSUER,
  type RequestClaims,
  TOKEN_ALGORITHM,
  TOKEN_LIFETIME_SECONDS,
} from "./claims.js";

/** Options for {@link createRequestSigner}. */
export interface RequestSignerOptions extends CoreplusCredentials {
  /** `iss` claim; coreplus accepts any string. Default "coreplus-kit". */
  issuer?: string;
  /** `aud` claim. Default "https://coreplus.com.au", the documented audience. */
  audience?: string;
  /** Wall clock in ms (tests only). Default `Date.now`. */
  now?: () => number;
}

/** Signs requests for one set of credentials. */
export interface RequestSigner {
  /** The Authorization header value: "JwToken <jwt>". */
  authorization(method: string, url: string | URL): Promise<string>;
  /** The bare JWT. */
  token(method: string, url: string | URL): Promise<string>;
}

const HEADER = { alg: TOKEN_ALGORITHM, typ: "JWT" } as const;

function requireString(value: unknown, name: string): string {
  if (typeof value !== "string" || value === "") {
    throw new TypeError(`createRequestSigner: ${name} must be a non-empty string`);
  }
  return value;
}

/** The full URL as fetch will send it: the URL parser applies the same percent-encoding fetch does. */
function finalUrl(url: string | URL): string {
  if (typeof url !== "string") return url.href;
  try {
    return new URL(url).href;
  } catch {
    throw new TypeError("RequestSigner: url must be an absolute URL (coreplus signs the full URL)");
  }
}

/**
 * Makes a signer for one consumer and access token. The consumer secret (the raw UTF-8 string, not
 * base64-decoded) is imported once as a non-extractable HMAC CryptoKey on first use and reused: that
 * roughly doubles signing throughput compared with handing jose the bytes each time.
 *
 * @example
 * const signer = createRequestSigner({ consumerId, consumerSecret, accessToken });
 * const url = "https://sandbox.coreplus.com.au/API/Core/v2.1/Client/?pageSize=100";
 * await fetch(url, { headers: { Authorization: await signer.authorization("GET", url) } });
 */
export function createRequestSigner(opts: RequestSignerOptions): RequestSigner {
  const consumerId = requireString(opts.consumerId, "consumerId");
  const secret = requireString(opts.consumerSecret, "consumerSecret");
  const accessToken = requireString(opts.accessToken, "accessToken");
  const issuer = opts.issuer ?? DEFAULT_ISSUER;
  const audience = requireString(opts.audience ?? DEFAULT_AUDIENCE, "audience");
  const now = opts.now ?? Date.now;

  let key: Promise<CryptoKey> | undefined;
  const getKey = (): Promise<CryptoKey> => {
    key ??= crypto.subtle
      .importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"])
      .catch((error: unknown) => {
        key = undefined; // let the next call try again rather than caching a failure
        throw error;
      });
    return key;
  };

  async function token(method: string, url: string | URL): Promise<string> {
    const httpMethod = requireString(method, "method").toUpperCase();
    const nbf = Math.floor(now() / 1000);
    // Claim order is part of the token bytes; keep it as coreplus documents it.
    const claims: RequestClaims = {
      iss: issuer,
      aud: audience,
      nbf,
      exp: nbf + TOKEN_LIFETIME_SECONDS,
      consumerId,
      accessToken,
      url: finalUrl(url),
      httpMethod,
    };
    return new SignJWT({ ...claims }).setProtectedHeader(HEADER).sign(await getKey());
  }

  return {
    token,
    async authorization(method, url) {
      return `JwToken ${await token(method, url)}`;
    },
  };
}
