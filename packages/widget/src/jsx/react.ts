/**
 * `<coreplus-booking>` and `<coreplus-booking-button>` in React 19's JSX. Bring it in once: `import type {} from "@coreplus-kit/widget/jsx-react";`
 * (or use the wrapper, `@coreplus-kit/widget/react`).
 */
import type * as React from "react";
import type { CoreplusBooking } from "../booking.component.js";
import type { CoreplusBookingButton } from "../button.component.js";
import type { CoreplusBookingButtonProps, CoreplusBookingProps } from "./props.js";

type Base = React.DetailedHTMLProps<React.HTMLAttributes<CoreplusBooking>, CoreplusBooking>;
type ButtonBase = React.DetailedHTMLProps<React.HTMLAttributes<CoreplusBookingButton>, CoreplusBookingButton>;

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "coreplus-booking": Omit<Base, keyof CoreplusBookingProps> & CoreplusBookingProps;
      "coreplus-booking-button": Omit<ButtonBase, keyof CoreplusBookingButtonProps> &
        CoreplusBookingButtonProps;
    }
  }
}
