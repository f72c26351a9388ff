import { describe, expect, test } from "vitest";
import { BoundedMap } from "./bounded-map.js";

describe("BoundedMap", () => {
  test("holds at most max entries, the least recently placed going first", () => {
    const m = new BoundedMap<number>(4);
    for (let i = 0; i < 6; i++) m.set(`k${i}`, i);
    expect([...m.entries()]).toEqual([
      ["k2", 2],
      ["k3", 3],
      ["k4", 4],
      ["k5", 5],
    ]);
    expect(m.get("k0")).toBeUndefined();
  });

  test("an entry read from the older half becomes the most recent", () => {
    const m = new BoundedMap<number>(4);
    for (let i = 0; i < 4; i++) m.set(`k${i}`, i);
    expect(m.get("k0")).toBe(0); // the oldest: moved
    m.set("k4", 4);
    expect(m.get("k1")).toBeUndefined();
    expect(m.get("k0")).toBe(0);
  });

  test("an entry read at least once every max / 2 placements is never evicted", () => {
    const m = new BoundedMap<number>(100);
    m.set("hot", -1);
    for (let i = 0; i < 10_000; i++) {
      m.set(`k${i}`, i);
      if (i % 50 === 0) expect(m.get("hot")).toBe(-1);
    }
    expect(m.get("hot")).toBe(-1);
    expect([...m.entries()]).toHaveLength(100);
  });

  test("set replaces, delete removes", () => {
    const m = new BoundedMap<string>(2);
    m.set("a", "1");
    m.set("a", "2");
    expect(m.get("a")).toBe("2");
    m.delete("a");
    expect(m.get("a")).toBeUndefined();
  });
});
