import { expect, test } from "vitest";
import { ConsumerWindow } from "./rate-limit.js";

test("at most 10 admitted in any 1 s window, per consumer; refusals are not recorded", () => {
  const w = new ConsumerWindow();
  for (let i = 0; i < 10; i++) expect(w.admit("a", 1000 + i * 10)).toBe(true);
  expect(w.admit("a", 1500)).toBe(false);
  expect(w.admit("b", 1500)).toBe(true);
  expect(w.admit("a", 1999)).toBe(false);
  // The first admitted request (t=1000) leaves the window at t=2000.
  expect(w.admit("a", 2000)).toBe(true);
  expect(w.admit("a", 2001)).toBe(false);
  expect(w.admit("a", 2010)).toBe(true);
  w.reset();
  expect(w.admit("a", 2011)).toBe(true);
});
