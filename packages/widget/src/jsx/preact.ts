/** `<coreplus-booking>` in Preact's JSX: `import type {} from "@coreplus-kit/widget/jsx-preact";` once. */
import type { HTMLAttributes } from "preact";
import type { CoreplusBooking } from "../booking.component.js";
import type { CoreplusBookingProps } from "./props.js";

type Base = Omit<HTMLAttributes<CoreplusBooking>, keyof CoreplusBookingProps>;

declare module "preact" {
  namespace JSX {
    interface IntrinsicElements {
      "coreplus-booking": Base & CoreplusBookingProps;
    }
  }
}
