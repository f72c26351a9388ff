import type { TemplateResult } from "lit";
import { describe, expect, it, vi } from "vitest";
import type { BookingController } from "../controller/index.ts";
import { enAU } from "../messages/en-au.ts";
import { lazyView } from "./lazy-view.ts";
import type { ViewContext } from "./types.ts";

const context = (rerender: () => void): ViewContext => ({
  c: { contact: () => undefined } as unknown as BookingController,
  m: enAU,
  locale: "en-AU",
  profile: {
    slug: "c",
    name: "C",
    locations: [],
    rules: { minNoticeMinutes: 0, maxDaysAhead: 60 },
    disciplines: [],
    changes: {
      cancel: true,
      reschedule: true,
      noticeHours: 24,
      policy: "Change or cancel online up to 1 day before.",
    },
  },
  rerender,
});

/** The text parts and values of a template, flattened (enough to tell which template it is). */
const text = (t: unknown): string => {
  if (Array.isArray(t)) return t.map(text).join("");
  if (!t || typeof t !== "object" || !("strings" in t)) return String(t);
  const r = t as TemplateResult;
  return [...r.strings, ...r.values.map(text)].join("");
};

describe("a lazily loaded step view", () => {
  it("shows a skeleton until its module is in, then renders with it, loading once", async () => {
    const load = vi.fn(async () => ({ greet: (name: string) => `hello ${name}` }));
    const view = lazyView(load, (mod, x) => mod.greet(x.locale));
    const rerender = vi.fn();
    expect(text(view(context(rerender)))).toContain("skeleton");
    await vi.waitFor(() => expect(rerender).toHaveBeenCalledTimes(1));
    expect(view(context(rerender))).toBe("hello en-AU");
    expect(view(context(rerender))).toBe("hello en-AU");
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("shows the failure with Try again when its module does not load, and loads again only then", async () => {
    const load = vi
      .fn<() => Promise<{ ok: string }>>()
      .mockRejectedValueOnce(new TypeError("Failed to fetch dynamically imported module"))
      .mockResolvedValue({ ok: "loaded" });
    const view = lazyView(load, (mod) => mod.ok);
    const rerender = vi.fn();
    expect(text(view(context(rerender)))).toContain("skeleton");
    // The failed load renders again, to show the failure.
    await vi.waitFor(() => expect(rerender).toHaveBeenCalledTimes(1));
    const shown = view(context(rerender)) as TemplateResult;
    expect(text(shown)).toContain(enAU.loadError());
    expect(text(shown)).toContain(enAU.tryAgain);
    // A render does not retry by itself.
    view(context(rerender));
    await Promise.resolve();
    expect(load).toHaveBeenCalledTimes(1);
    expect(rerender).toHaveBeenCalledTimes(1);
    // "Try again" (the notice's retry) renders again, which loads again.
    const retry = findRetry(shown);
    retry();
    expect(rerender).toHaveBeenCalledTimes(2);
    view(context(rerender));
    await vi.waitFor(() => expect(view(context(rerender))).toBe("loaded"));
    expect(load).toHaveBeenCalledTimes(2);
  });
});

/** The retry handler inside a problem notice (its only event handler). */
function findRetry(t: TemplateResult): () => void {
  const walk = (v: unknown): (() => void) | undefined => {
    if (typeof v === "function") return v as () => void;
    if (v && typeof v === "object" && "values" in v) {
      for (const inner of (v as TemplateResult).values) {
        const found = walk(inner);
        if (found) return found;
      }
    }
    return undefined;
  };
  const found = walk(t);
  if (!found) throw new Error("no retry handler in the template");
  return found;
}
