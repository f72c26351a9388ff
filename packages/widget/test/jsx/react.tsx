// Typechecked by `pnpm typecheck` (tsconfig.react.json): the element in React 19's JSX.

import type { CoreplusBookedDetail } from "@coreplus-kit/widget";
import type {} from "@coreplus-kit/widget/jsx-react";
import { CoreplusBooking, CoreplusBookingButton } from "@coreplus-kit/widget/react";

export const inline = (
  <coreplus-booking
    api="https://book.example.com"
    clinic="harbourside"
    appointment-type="type-1"
    theme="dark"
    datalayer
    oncoreplus-booked={(e) => e.detail.reference satisfies string}
  />
);
// @ts-expect-error: not a theme
export const badTheme = <coreplus-booking theme="blue" />;
// @ts-expect-error: the booked event's detail has no `email`
export const badDetail = <coreplus-booking oncoreplus-booked={(e) => e.detail.email} />;

export const wrapped = (
  <CoreplusBooking
    api="https://book.example.com"
    clinic="harbourside"
    appointmentType="type-1"
    onBooked={(e: CustomEvent<CoreplusBookedDetail>) => e.detail.reference}
  />
);
// @ts-expect-error: not a theme
export const wrappedBadTheme = <CoreplusBooking theme="blue" />;

export const button = (
  <coreplus-booking-button
    api="https://book.example.com"
    clinic="harbourside"
    floating
    placement="bottom-left"
    oncoreplus-booked={(e) => e.detail.reference satisfies string}
  />
);
// @ts-expect-error: not a corner
export const badPlacement = <coreplus-booking-button placement="middle" />;

export const wrappedButton = (
  <CoreplusBookingButton
    api="https://book.example.com"
    clinic="harbourside"
    appointment-type="type-1"
    floating
    onBooked={(e) => e.detail.reference satisfies string}
  />
);
// @ts-expect-error: not a corner
export const wrappedBadPlacement = <CoreplusBookingButton placement="middle" />;
