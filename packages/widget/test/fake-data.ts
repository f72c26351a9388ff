/** Facts the fake edge API and the component tests share (importable in the browser). */

/** The business "now" of every scenario: Tue 1 Dec 2026, 11:00 in Melbourne. */
export const FAKE_NOW = "2026-12-01T00:00:00.000Z";

/** The changes policy every fake clinic has. */
export const FAKE_POLICY = "Please give us 24 hours' notice if you can't make it.";
