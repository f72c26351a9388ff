/** Signing and verification of coreplus request tokens (JwToken, HS256). */
export type { CoreplusCredentials, RequestClaims, TokenRejectionReason } from "./claims.js";
export { inspectToken } from "./inspect-token.js";
export { createRequestSigner, type RequestSigner, type RequestSignerOptions } from "./sign-request.js";
export { type VerifyRequestOptions, type VerifyResult, verifyRequestToken } from "./verify-request.js";
