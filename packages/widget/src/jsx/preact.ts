/** `<coreplus-booking>` and `<coreplus-booking-button>` in Preact's JSX: `import type {} from "@coreplus-kit/widget/jsx-preact";` once. */
import type { HTMLAttributes } from "preact";
import type { CoreplusBooking } from "../booking.component.js";
import type { CoreplusBookingButton } from "../button.component.js";
import type { CoreplusBookingButtonProps, CoreplusBookingProps } from "./props.js";

type Base = Omit<HTMLAttributes<CoreplusBooking>, keyof CoreplusBookingProps>;
type ButtonBase = Omit<HTMLAttributes<CoreplusBookingButton>, keyof CoreplusBookingButtonProps>;

declare module "preact" {
  namespace JSX {
    interface IntrinsicElements {
      "coreplus-booking": Base & CoreplusBookingProps;
      "coreplus-booking-button": ButtonBase & CoreplusBookingButtonProps;
    }
  }
}
