// Typechecked by `pnpm typecheck` (tsconfig.preact.json): the element in Preact's JSX.
import type {} from "@coreplus-kit/widget/jsx-preact";

export const inline = (
  <coreplus-booking
    api="https://book.example.com"
    clinic="harbourside"
    location="loc-1"
    lang="en-US"
    oncoreplus-step-change={(e) => e.detail.index satisfies number}
  />
);
// @ts-expect-error: not a theme
export const badTheme = <coreplus-booking theme="blue" />;
// @ts-expect-error: the element has no `clinics` attribute
export const badAttr = <coreplus-booking clinics="x" />;

export const button = (
  <coreplus-booking-button
    api="https://book.example.com"
    clinic="harbourside"
    floating
    placement="top-left"
  />
);
// @ts-expect-error: not a corner
export const badPlacement = <coreplus-booking-button placement="middle" />;
