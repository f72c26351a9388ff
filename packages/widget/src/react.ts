/**
 * `@coreplus-kit/widget/react`: `<coreplus-booking>` as a React component (@lit/react), with the
 * events as typed callback props. Importing it registers the element.
 *
 * @example
 * ```tsx
 * import { CoreplusBooking } from "@coreplus-kit/widget/react";
 * <CoreplusBooking api="https://book.example.com" clinic="harbourside" onBooked={(e) => track(e.detail.reference)} />
 * ```
 */
import { createComponent, type EventName } from "@lit/react";
import * as React from "react";
import { CoreplusBooking as CoreplusBookingElement } from "./coreplus-booking.js";
import type { CoreplusEventDetails } from "./events.js";

type Named<K extends keyof CoreplusEventDetails> = EventName<CustomEvent<CoreplusEventDetails[K]>>;

/** The element as a React component; `onReady`, `onStepChange`, `onSlotSelected`, `onBooked`, `onError`. */
export const CoreplusBooking = createComponent({
  tagName: "coreplus-booking",
  elementClass: CoreplusBookingElement,
  react: React,
  events: {
    onReady: "coreplus-ready" as Named<"coreplus-ready">,
    onStepChange: "coreplus-step-change" as Named<"coreplus-step-change">,
    onSlotSelected: "coreplus-slot-selected" as Named<"coreplus-slot-selected">,
    onBooked: "coreplus-booked" as Named<"coreplus-booked">,
    onError: "coreplus-error" as Named<"coreplus-error">,
  },
  displayName: "CoreplusBooking",
});
