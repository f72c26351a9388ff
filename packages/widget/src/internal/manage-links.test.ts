import { describe, expect, it } from "vitest";
import { bookingLinks, manageLink, requestedView, telHref } from "./manage-links.ts";

describe("which view the element opens", () => {
  it("prefers the booking attribute, then the page's coreplus_booking parameter, then view=find", () => {
    expect(requestedView("tok-a", "find", "?coreplus_booking=tok-b")).toEqual({
      view: "manage",
      token: "tok-a",
    });
    expect(requestedView("", "find", "?x=1&coreplus_booking=tok-b")).toEqual({
      view: "manage",
      token: "tok-b",
    });
    expect(requestedView("", "find", "")).toEqual({ view: "find" });
    expect(requestedView("  ", "", "?coreplus_booking=")).toEqual({ view: "book" });
    expect(requestedView("", "other", "")).toEqual({ view: "book" });
  });
});

describe("the Change or cancel link", () => {
  it("fills the clinic's manage-url template, encoding the token", () => {
    expect(manageLink("https://clinic.example/manage?t={token}", "a.b/c", "https://x.example/")).toBe(
      "https://clinic.example/manage?t=a.b%2Fc",
    );
  });

  it("without a template, points at this page with ?coreplus_booking=, keeping its other parameters", () => {
    expect(manageLink("", "tok", "https://clinic.example/book?utm_source=x#top")).toBe(
      "https://clinic.example/book?utm_source=x&coreplus_booking=tok",
    );
    expect(manageLink("", "new", "https://clinic.example/book?coreplus_booking=old")).toBe(
      "https://clinic.example/book?coreplus_booking=new",
    );
  });

  it("treats a manage-url without {token} as the page to add the parameter to", () => {
    expect(manageLink("/manage", "tok", "https://clinic.example/book")).toBe(
      "https://clinic.example/manage?coreplus_booking=tok",
    );
  });
});

describe("the calendar file's link", () => {
  it("is the edge API's calendar.ics for the token, with the Change or cancel link as its manage parameter", () => {
    const page = "https://clinic.example/book?utm_source=x";
    const links = bookingLinks(
      { api: "https://api.example/", clinic: "harbour side", manageUrl: "" },
      "h.p.s",
      page,
    );
    expect(links.manage).toBe("https://clinic.example/book?utm_source=x&coreplus_booking=h.p.s");
    const calendar = new URL(links.calendar);
    expect(calendar.origin + calendar.pathname).toBe(
      "https://api.example/v1/clinics/harbour%20side/bookings/h.p.s/calendar.ics",
    );
    expect([...calendar.searchParams]).toEqual([["manage", links.manage]]);
  });
});

describe("tel: links", () => {
  it("keeps only digits and a leading plus", () => {
    expect(telHref("03 9000 0000")).toBe("tel:0390000000");
    expect(telHref("+61 (3) 9000-0000")).toBe("tel:+61390000000");
  });
});
