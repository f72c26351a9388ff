/**
 * `<coreplus-booking>` and `<coreplus-booking-button>` in Vue templates (`GlobalComponents`, read by vue-tsc and Volar):
 * `import type {} from "@coreplus-kit/widget/jsx-vue";` once, and tell Vue it is a custom element
 * (`compilerOptions.isCustomElement: (tag) => tag.startsWith("coreplus-")`).
 */
import type { DefineComponent } from "vue";
import type {
  CoreplusBookingAttributes,
  CoreplusBookingButtonAttributes,
  CoreplusVueEventHandlers,
} from "./props.js";

declare module "vue" {
  interface GlobalComponents {
    "coreplus-booking": DefineComponent<CoreplusBookingAttributes & CoreplusVueEventHandlers>;
    "coreplus-booking-button": DefineComponent<CoreplusBookingButtonAttributes & CoreplusVueEventHandlers>;
  }
}
