/** The anti-bot challenge: altcha (default), Turnstile or none per clinic, and the proof every change carries. */
export { CHALLENGE_TTL_MS } from "./altcha.js";
export { requireProof, withoutProof } from "./require-proof.js";
export { type ChallengeService, type ChallengeServiceOptions, createChallengeService } from "./service.js";
