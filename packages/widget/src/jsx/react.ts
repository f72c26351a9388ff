/**
 * `<coreplus-booking>` in React 19's JSX. Bring it in once: `import type {} from "@coreplus-kit/widget/jsx-react";`
 * (or use the wrapper, `@coreplus-kit/widget/react`).
 */
import type * as React from "react";
import type { CoreplusBooking } from "../booking.component.js";
import type { CoreplusBookingProps } from "./props.js";

type Base = React.DetailedHTMLProps<React.HTMLAttributes<CoreplusBooking>, CoreplusBooking>;

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "coreplus-booking": Omit<Base, keyof CoreplusBookingProps> & CoreplusBookingProps;
    }
  }
}
