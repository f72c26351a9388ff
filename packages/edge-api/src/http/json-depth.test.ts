import { describe, expect, test } from "vitest";
import { jsonDepthWithin } from "./json-depth.js";

describe("jsonDepthWithin", () => {
  test("depth is checked without recursion: 4,000 levels are refused, a booking's 3 pass", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 4000; i++) deep = { a: deep };
    expect(jsonDepthWithin(deep)).toBe(false);
    expect(jsonDepthWithin({ slot: { x: 1 }, patient: { y: [1, { z: 2 }] } })).toBe(true);
    expect(jsonDepthWithin([[[[1]]]], 3)).toBe(false);
  });
});
