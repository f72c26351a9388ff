import { Hono } from "hono";
import type { Result, Router } from "hono/router";
import { TrieRouter } from "hono/router/trie-router";
import { describe, expect, test } from "vitest";
import { MEMO_PATH_MAX, MemoRouter } from "./memo-router.js";

/** A TrieRouter that counts its searches. */
class Counting<T> extends TrieRouter<T> {
  searches = 0;
  override match(method: string, path: string): Result<T> {
    this.searches++;
    return super.match(method, path);
  }
}

const routes: [string, string][] = [
  ["ALL", "/v1/*"],
  ["GET", "/v1/clinics/:clinic/availability"],
  ["POST", "/v1/clinics/:clinic/bookings/lookup"],
  ["POST", "/v1/clinics/:clinic/bookings/:token/cancel"],
  ["GET", "/v1/clinics/:clinic/bookings/:token"],
  ["GET", "/v1/clinics/:clinic/bookings/:token/calendar.ics"],
];
const withRoutes = <R extends Router<string>>(router: R): R => {
  for (const [method, path] of routes) router.add(method, path, `${method} ${path}`);
  return router;
};

describe("MemoRouter", () => {
  test("answers as the TrieRouter does, and searches a path once", () => {
    const inner = withRoutes(new Counting<string>());
    const memo = new MemoRouter(inner);
    const plain = withRoutes(new TrieRouter<string>());
    const asked: [string, string][] = [
      ["GET", "/v1/clinics/harbourside/availability"],
      ["GET", "/v1/clinics/elsewhere/availability"],
      ["POST", "/v1/clinics/harbourside/bookings/lookup"],
      ["POST", "/v1/clinics/harbourside/bookings/abc/cancel"],
      ["GET", "/v1/clinics/harbourside/bookings/lookup"],
      ["GET", "/v1/clinics/harbourside/bookings/abc/calendar.ics"],
      ["GET", "/v1/clinics/harbourside/bookings/abc/calendar.icsx"],
      ["GET", "/nowhere"],
    ];
    for (let round = 0; round < 3; round++)
      for (const [method, path] of asked) expect(memo.match(method, path)).toEqual(plain.match(method, path));
    expect(inner.searches).toBe(asked.length);
  });

  test("a long path (a manage token's) is searched every time, never remembered", () => {
    const inner = withRoutes(new Counting<string>());
    const memo = new MemoRouter(inner);
    const path = `/v1/clinics/harbourside/bookings/${"t".repeat(MEMO_PATH_MAX)}/cancel`;
    memo.match("POST", path);
    const [handlers] = memo.match("POST", path);
    expect(handlers.map(([h]) => h)).toEqual([
      "ALL /v1/*",
      "POST /v1/clinics/:clinic/bookings/:token/cancel",
    ]);
    expect(inner.searches).toBe(2);
  });

  test("remembers at most `max` paths", () => {
    const inner = withRoutes(new Counting<string>());
    const memo = new MemoRouter(inner, 4);
    for (let i = 0; i < 6; i++) memo.match("GET", `/v1/clinics/c${i}/availability`);
    memo.match("GET", "/v1/clinics/c0/availability"); // evicted: searched again
    memo.match("GET", "/v1/clinics/c5/availability"); // still remembered
    expect(inner.searches).toBe(7);
  });

  test("a Hono app routes through it as through its default router", async () => {
    const app = new Hono({ router: new MemoRouter() });
    app.use("/v1/*", async (c, next) => {
      await next();
      c.header("x-seen", "1");
    });
    app.get("/v1/clinics/:clinic/availability", (c) => c.text(c.req.param("clinic")));
    for (const clinic of ["a", "b", "a"]) {
      const res = await app.request(`/v1/clinics/${clinic}/availability`);
      expect(await res.text()).toBe(clinic);
      expect(res.headers.get("x-seen")).toBe("1");
    }
    expect((await app.request("/v1/clinics/a/other")).status).toBe(404);
  });
});
