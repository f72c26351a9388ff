/** `<coreplus-booking>` and `<coreplus-booking-button>` in Svelte 5 markup: `import type {} from "@coreplus-kit/widget/jsx-svelte";` once. */
import type { HTMLAttributes } from "svelte/elements";
import type { CoreplusBooking } from "../booking.component.js";
import type { CoreplusBookingButton } from "../button.component.js";
import type { CoreplusBookingButtonProps, CoreplusBookingProps } from "./props.js";

declare module "svelte/elements" {
  interface SvelteHTMLElements {
    "coreplus-booking": Omit<HTMLAttributes<CoreplusBooking>, keyof CoreplusBookingProps> &
      CoreplusBookingProps;
    "coreplus-booking-button": Omit<HTMLAttributes<CoreplusBookingButton>, keyof CoreplusBookingButtonProps> &
      CoreplusBookingButtonProps;
  }
}
