/**
 * Cloudflare Turnstile for a clinic that chose it (architecture.md, "Challenge"), in the lazy chunk:
 * Cloudflare's api.js is loaded (once, explicit rendering) only when GET …/challenge answers
 * `{"kind":"turnstile"}`, and its widget renders into a light-DOM box the element slots into the
 * details and review steps (`<slot name="challenge">`), where Cloudflare's iframe works as on any page.
 * Each proof is a fresh render; its token is the booking's `proof`. The host page's CSP must allow
 * https://challenges.cloudflare.com in script-src and frame-src.
 */

/** Cloudflare's script, explicit rendering. */
export const TURNSTILE_SCRIPT = "https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit";

/** The part of `window.turnstile` used here. */
interface TurnstileApi {
  render(
    container: HTMLElement,
    options: { sitekey: string; callback(token: string): void; "error-callback"(): void },
  ): unknown;
}

let loading: Promise<TurnstileApi> | undefined;

/** Loads api.js once (a token older than 4 minutes is never used: proofs.ts renews it first). */
function loadTurnstile(): Promise<TurnstileApi> {
  loading ??= new Promise<TurnstileApi>((resolve, reject) => {
    document.head.append(
      Object.assign(document.createElement("script"), {
        src: TURNSTILE_SCRIPT,
        // api.js defines window.turnstile as it runs (were it not to, render() throws: the proof rejects as it would here).
        onload: () => resolve((window as unknown as { turnstile: TurnstileApi }).turnstile),
        // Not loaded (blocked, offline): tried again with the next proof.
        onerror: () => {
          loading = undefined;
          reject(Error());
        },
      }),
    );
  });
  return loading;
}

/**
 * Renders Turnstile for `host` (replacing its previous box) and resolves with its token as a `proof`,
 * or undefined when Cloudflare's widget fails (the booking then answers ERR_CHALLENGE, "try again").
 */
export async function turnstileProof(
  siteKey: string,
  host: HTMLElement,
): Promise<{ token: string } | undefined> {
  const api = await loadTurnstile();
  host.querySelector(":scope>[slot=challenge]")?.remove();
  const box = document.createElement("div");
  box.slot = "challenge";
  host.append(box);
  return new Promise((resolve) => {
    api.render(box, {
      sitekey: siteKey,
      callback: (token) => resolve({ token }),
      "error-callback": () => resolve(undefined),
    });
  });
}
