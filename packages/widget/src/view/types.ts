/** What every step view is given. */
import type { ClinicProfile } from "../api/types.js";
import type { BookingController } from "../controller/index.js";
import type { FirstMessages } from "../messages/first-screen.js";

/** The flow, the language and the clinic, for one render. */
export interface ViewContext {
  c: BookingController;
  m: FirstMessages;
  locale: string;
  profile: ClinicProfile;
  /** Renders again (a lazy view whose module arrived). */
  rerender(): void;
}

/** Renders one step's body. */
export type StepView = (x: ViewContext) => unknown;
