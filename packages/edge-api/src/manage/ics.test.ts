import { describe, expect, it } from "vitest";
import { buildIcs, icsEscape, icsFold, icsUtc } from "./ics.js";

describe(".ics", () => {
  const ics = buildIcs({
    uid: "HB-0001@coreplus-kit",
    start: "2026-12-02T09:00:00+11:00",
    end: "2026-12-02T09:30:00+11:00",
    stamp: new Date("2026-12-01T00:00:00Z"),
    summary: "Follow-up · Harbourside Physio",
    location: "Harbourside Southbank, 12 River Lane; Southbank",
    description: "Reference: HB-0001\nWith: Anna Lee",
  });

  it("writes one event in UTC with CRLF line endings", () => {
    const lines = ics.split("\r\n");
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines).toContain("PRODID:-//coreplus-kit//edge-api//EN");
    expect(lines).toContain("METHOD:PUBLISH");
    expect(lines).toContain("DTSTART:20261201T220000Z");
    expect(lines).toContain("DTEND:20261201T223000Z");
    expect(lines).toContain("DTSTAMP:20261201T000000Z");
    expect(lines).toContain("UID:HB-0001@coreplus-kit");
    expect(ics.endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/\n/);
  });

  it("escapes text values", () => {
    expect(icsEscape("a,b;c\\d\ne")).toBe("a\\,b\\;c\\\\d\\ne");
    expect(icsEscape("a\r\nb")).toBe("a\\nb");
    expect(ics).toContain("LOCATION:Harbourside Southbank\\, 12 River Lane\\; Southbank");
    expect(ics).toContain("DESCRIPTION:Reference: HB-0001\\nWith: Anna Lee");
  });

  it("folds long lines at 75 octets without splitting a character", () => {
    const folded = icsFold(`SUMMARY:${"é".repeat(60)}`);
    for (const line of folded.split("\r\n"))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(folded.split("\r\n").length).toBeGreaterThan(1);
    expect(folded.replace(/\r\n /g, "")).toBe(`SUMMARY:${"é".repeat(60)}`);
  });

  it("formats UTC stamps", () => {
    expect(icsUtc(new Date("2026-01-02T03:04:05.678Z"))).toBe("20260102T030405Z");
  });

  it("writes STATUS only when given", () => {
    expect(ics).not.toContain("STATUS:");
    const cancelled = buildIcs({ ...baseEvent, status: "CANCELLED" });
    expect(cancelled.split("\r\n")).toContain("STATUS:CANCELLED");
  });
});

const baseEvent = {
  uid: "u",
  start: "2026-12-02T09:00:00+11:00",
  end: "2026-12-02T09:30:00+11:00",
  stamp: new Date("2026-12-01T00:00:00Z"),
  summary: "s",
};

describe(".ics with a manage link", () => {
  it("writes the link as the event's URL, unescaped and folded", () => {
    const url = `https://clinic.example/manage?coreplus_booking=${"t".repeat(90)}`;
    const text = buildIcs({ ...baseEvent, description: `Change or cancel: ${url}`, url });
    const unfolded = text.replace(/\r\n /g, "");
    expect(unfolded).toContain(`\r\nURL:${url}\r\n`);
    expect(unfolded).toContain(`DESCRIPTION:Change or cancel: ${url}`);
    for (const line of text.split("\r\n"))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it("has no URL line without a link", () => {
    const text = buildIcs({ ...baseEvent, stamp: new Date(0) });
    expect(text).not.toContain("URL:");
  });
});
