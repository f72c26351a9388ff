/** `<coreplus-booking>` in Svelte 5 markup: `import type {} from "@coreplus-kit/widget/jsx-svelte";` once. */
import type { HTMLAttributes } from "svelte/elements";
import type { CoreplusBooking } from "../booking.component.js";
import type { CoreplusBookingProps } from "./props.js";

declare module "svelte/elements" {
  interface SvelteHTMLElements {
    "coreplus-booking": Omit<HTMLAttributes<CoreplusBooking>, keyof CoreplusBookingProps> &
      CoreplusBookingProps;
  }
}
