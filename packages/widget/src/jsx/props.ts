/**
 * What the framework typings (jsx/react.ts, preact.ts, vue.ts, svelte.ts) declare for each element:
 * its attributes, and a handler prop per event. React 19, Preact and Svelte 5 listen for `on` + the
 * event's exact name (`oncoreplus-booked`); Vue templates write `@coreplus-booked`, its
 * `onCoreplusBooked` prop.
 */
import type { CoreplusEventDetails } from "../events.js";

/** The attributes of `<coreplus-booking>` (a boolean attribute is present or absent). */
export interface CoreplusBookingAttributes {
  api?: string;
  clinic?: string;
  location?: string;
  practitioner?: string;
  "appointment-type"?: string;
  lang?: string;
  theme?: "light" | "dark" | "auto";
  datalayer?: boolean;
  discipline?: string;
  booking?: string;
  view?: string;
  "manage-url"?: string;
  history?: boolean;
}

/** The attributes of `<coreplus-booking-button>`: the booking's, which pass through, and its own. */
export interface CoreplusBookingButtonAttributes extends CoreplusBookingAttributes {
  floating?: boolean;
  placement?: "bottom-right" | "bottom-left" | "top-right" | "top-left";
}

/** `on` + event name handler props, typed with each event's detail. */
export type CoreplusEventHandlers = {
  [K in keyof CoreplusEventDetails as `on${K}`]?: (event: CustomEvent<CoreplusEventDetails[K]>) => void;
};

type Pascal<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Capitalize<Head>}${Pascal<Tail>}`
  : Capitalize<S>;

/** Vue's camel-cased listener props (`@coreplus-booked` in a template is `onCoreplusBooked`). */
export type CoreplusVueEventHandlers = {
  [K in keyof CoreplusEventDetails as `on${Pascal<K>}`]?: (
    event: CustomEvent<CoreplusEventDetails[K]>,
  ) => void;
};

/** Everything a framework may set on `<coreplus-booking>`. */
export type CoreplusBookingProps = CoreplusBookingAttributes & CoreplusEventHandlers;

/** Everything a framework may set on `<coreplus-booking-button>` (its events are the booking's). */
export type CoreplusBookingButtonProps = CoreplusBookingButtonAttributes & CoreplusEventHandlers;
