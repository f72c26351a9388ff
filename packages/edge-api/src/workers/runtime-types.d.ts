/**
 * Type-only adjustments for compiling the runtime-agnostic source against @cloudflare/workers-types.
 * workerd's clearTimeout accepts `undefined` (as the web platform does); its typings only say
 * `number | null`, which the shared source (typed against the DOM) does not satisfy.
 */
declare function clearTimeout(timeoutId: number | null | undefined): void;
