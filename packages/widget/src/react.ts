/**
 * `@coreplus-kit/widget/react`: `<coreplus-booking>` and `<coreplus-booking-button>` as React components
 * (@lit/react), with the events as typed callback props. Importing it registers both elements.
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
import { CoreplusBookingButton as CoreplusBookingButtonElement } from "./coreplus-booking-button.js";
import type { CoreplusEventDetails } from "./events.js";
import type { CoreplusBookingButtonAttributes } from "./jsx/props.js";

type Named<K extends keyof CoreplusEventDetails> = EventName<CustomEvent<CoreplusEventDetails[K]>>;

/** The React names of the events both elements fire. */
const events = {
  onReady: "coreplus-ready" as Named<"coreplus-ready">,
  onStepChange: "coreplus-step-change" as Named<"coreplus-step-change">,
  onSlotSelected: "coreplus-slot-selected" as Named<"coreplus-slot-selected">,
  onBooked: "coreplus-booked" as Named<"coreplus-booked">,
  onError: "coreplus-error" as Named<"coreplus-error">,
};

/** The element as a React component; `onReady`, `onStepChange`, `onSlotSelected`, `onBooked`, `onError`. */
export const CoreplusBooking = createComponent({
  tagName: "coreplus-booking",
  elementClass: CoreplusBookingElement,
  react: React,
  events,
  displayName: "CoreplusBooking",
});

/**
 * `<coreplus-booking-button>` as a React component, with the same event props. Its attributes are
 * attributes (not element properties), so they are written as in HTML: `appointment-type`, `floating`.
 */
export const CoreplusBookingButton = createComponent({
  tagName: "coreplus-booking-button",
  // Typed with its attributes as props: what is not an element property, React 19 writes as an attribute.
  elementClass: CoreplusBookingButtonElement as unknown as new () => CoreplusBookingButtonElement &
    Omit<CoreplusBookingButtonAttributes, "lang">,
  react: React,
  events,
  displayName: "CoreplusBookingButton",
});
