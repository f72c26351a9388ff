import { describe, expect, it } from "vitest";
import { leaves } from "../../test/message-leaves.ts";
import { manageAU, manageMessages, manageUS } from "./manage.ts";

describe("manage messages", () => {
  it("has the same keys in en-AU and en-US, with US spelling where it differs", () => {
    expect(leaves(manageUS)).toEqual(leaves(manageAU));
    expect(manageMessages("en-US").heading.cancelled).toBe("Your appointment is canceled");
    expect(manageMessages("en-NZ")).toBe(manageAU);
  });

  it("words the notice period and its phone line plainly", () => {
    expect(manageAU.onlineUntil(24)).toBe(
      "You can change or cancel online up to 24 hours before your appointment.",
    );
    expect(manageAU.onlineUntil(1)).toContain("1 hour before");
    expect(manageAU.tooLate("call Harbourside Southbank on 03 9000 0000")).toBe(
      "It's too late to change this appointment online. To change it, call Harbourside Southbank on 03 9000 0000.",
    );
  });
});
