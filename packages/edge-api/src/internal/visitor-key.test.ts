import { describe, expect, test } from "vitest";
import { visitorKey } from "./visitor-key.js";

describe("visitorKey", () => {
  test("IPv6 addresses of one /64 share a key; another /64 does not", () => {
    const a = visitorKey("2001:db8:1:2:aaaa::1");
    expect(visitorKey("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe(a);
    expect(visitorKey("2001:0db8:0001:0002::")).toBe(a);
    expect(visitorKey("[2001:db8:1:2::7]")).toBe(a);
    expect(visitorKey("2001:db8:1:2::7%eth0")).toBe(a);
    expect(a).toBe("2001:db8:1:2:0:0:0:0/64");
    expect(visitorKey("2001:db8:1:3::1")).not.toBe(a);
  });

  test("the prefix is configurable", () => {
    expect(visitorKey("2001:db8:1:2::1", 48)).toBe(visitorKey("2001:db8:1:ffff::1", 48));
    expect(visitorKey("2001:db8:1:2::1", 128)).not.toBe(visitorKey("2001:db8:1:2::2", 128));
    expect(visitorKey("2001:db8:1:2:abcd::1", 56)).toBe("2001:db8:1:0:0:0:0:0/56");
  });

  test("IPv4 and IPv4-mapped addresses count per address; anything else is kept", () => {
    expect(visitorKey("203.0.113.9")).toBe("203.0.113.9");
    expect(visitorKey("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(visitorKey("::ffff:cb00:7109")).toBe("203.0.113.9");
    expect(visitorKey("unknown")).toBe("unknown");
    expect(visitorKey("1:2:3")).toBe("1:2:3");
    expect(visitorKey("1::2::3")).toBe("1::2::3");
  });
});
