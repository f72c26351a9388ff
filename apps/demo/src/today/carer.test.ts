import { describe, expect, test } from "vitest";
import { carerInNotes } from "./todays-appointments.js";

describe("carerInNotes", () => {
  test("reads the edge API's 'Booked by' line among the others", () => {
    expect(carerInNotes("Sore knee\nBooked by Priya Raman (Mother)\nSeen before: yes")).toEqual({
      firstName: "Priya",
      lastName: "Raman",
      relationship: "Mother",
    });
    expect(carerInNotes("Booked by Mary Ann van Dyke (Foster Mother)")).toEqual({
      firstName: "Mary Ann van",
      lastName: "Dyke",
      relationship: "Foster Mother",
    });
  });

  test("no line, no carer", () => {
    expect(carerInNotes("Seen before: no")).toBeUndefined();
    expect(carerInNotes(undefined)).toBeUndefined();
    expect(carerInNotes("Patient was booked by phone (reception)")).toBeUndefined();
  });
});
