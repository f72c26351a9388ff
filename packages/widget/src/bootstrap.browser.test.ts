/**
 * The first screen in one request: GET …/bootstrap brings the profile, the lists and the first week
 * of times, and the steps use its parts instead of fetching them; later steps still call the separate
 * routes, and an edge API without the bootstrap still works through the profile route.
 */
import { afterEach, describe, expect, it } from "vitest";
import { page } from "vitest/browser";
import type { CoreplusBooking } from "../src/booking.component.ts";
import { expectStep, log, mount } from "../test/browser-helpers.ts";

afterEach(() => {
  document.body.replaceChildren();
});

const preselected = {
  location: "loc-southbank",
  "appointment-type": "type-follow",
  practitioner: "prac-anna",
};
const paths = async (clinic: string) =>
  (await log(clinic)).map((r) => `${r.path}${r.status === 404 ? " 404" : ""}`);

describe("the first screen in one request", () => {
  it("shows the preselected week's times from the bootstrap alone; later weeks come from the availability route", async () => {
    const { clinic } = await mount("boot", preselected);
    await expectStep("Choose a date and time", false);
    await expect.element(page.getByRole("button", { name: "9:00 am", exact: true })).toBeVisible();
    expect(await paths(clinic)).toEqual(["/bootstrap"]);
    expect((await log(clinic))[0]?.query).toEqual({
      locationId: "loc-southbank",
      appointmentTypeId: "type-follow",
      practitionerId: "prac-anna",
    });
    await page.getByRole("button", { name: "Later dates" }).click();
    await expect
      .poll(async () =>
        (await log(clinic)).filter((r) => r.path === "/availability").map((r) => r.query.from),
      )
      .toEqual(["2026-12-08"]);
  });

  it("renders the skeleton once, the preselected week's placeholders once, then its times (the primed parts arrive together)", async () => {
    // Each render of the time step before its times is work between the bootstrap's arrival and the first times.
    const proto = customElements.get("coreplus-booking")!.prototype as CoreplusBooking;
    const updated = Object.getOwnPropertyDescriptor(proto, "updated")!;
    const seen: string[] = [];
    proto.updated = function (this: CoreplusBooking) {
      const root = this.renderRoot;
      seen.push(
        root.querySelector(".times .pill:not(.skeleton)")
          ? "times"
          : root.querySelector(".times .skeleton")
            ? "placeholders"
            : "other",
      );
      updated.value.call(this);
    };
    try {
      await mount("boot", preselected);
      await expect.element(page.getByRole("button", { name: "9:00 am", exact: true })).toBeVisible();
    } finally {
      Object.defineProperty(proto, "updated", updated);
    }
    const first = seen.indexOf("times");
    expect(first).toBeGreaterThan(0);
    expect(seen.slice(0, first).filter((s) => s === "placeholders")).toHaveLength(1);
    // Before the profile, one render (the skeleton): the tasks with nothing to do yet ask for no other.
    expect(seen.slice(0, seen.indexOf("placeholders"))).toEqual(["other"]);
  });

  it("without preselections, the only location's lists come with the profile", async () => {
    const { clinic } = await mount("boot");
    await expectStep("What would you like to book?", false);
    await page.getByRole("button", { name: /Follow-up/ }).click();
    await expectStep("Who would you like to see?");
    await expect.element(page.getByRole("button", { name: /Ben Ng/ })).toBeVisible();
    expect(await paths(clinic)).toEqual(["/bootstrap"]);
  });

  it("against an edge API without the bootstrap, loads the profile and the week as before", async () => {
    const { clinic } = await mount("solo", preselected);
    await expectStep("Choose a date and time", false);
    await expect.element(page.getByRole("button", { name: "9:00 am", exact: true })).toBeVisible();
    const seen = await paths(clinic);
    expect(seen.slice(0, 2)).toEqual(["/bootstrap 404", ""]);
    expect(seen).toContain("/availability");
  });
});
