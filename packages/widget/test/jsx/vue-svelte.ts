// Typechecked by `pnpm typecheck` (tsconfig.json here): the element as Vue's GlobalComponents (what
// vue-tsc checks templates against) and as Svelte 5's SvelteHTMLElements (what svelte-check uses).
import type {} from "@coreplus-kit/widget/jsx-svelte";
import type {} from "@coreplus-kit/widget/jsx-vue";
import type { SvelteHTMLElements } from "svelte/elements";
import type { GlobalComponents } from "vue";

type VueProps = InstanceType<GlobalComponents["coreplus-booking"]>["$props"];

export const vue: VueProps = {
  api: "https://book.example.com",
  clinic: "harbourside",
  "appointment-type": "type-1",
  theme: "auto",
  onCoreplusBooked: (e) => e.detail.reference satisfies string,
};
// @ts-expect-error: not a theme
export const vueBadTheme: VueProps = { theme: "blue" };
// @ts-expect-error: the slot event's detail has no `reference`
export const vueBadDetail: VueProps = { onCoreplusSlotSelected: (e) => e.detail.reference };

type SvelteProps = SvelteHTMLElements["coreplus-booking"];
export const svelte: SvelteProps = {
  api: "https://book.example.com",
  clinic: "harbourside",
  datalayer: true,
  "oncoreplus-error": (e) => e.detail.code satisfies string,
};
// @ts-expect-error: not a theme
export const svelteBadTheme: SvelteProps = { theme: "blue" };

type VueButtonProps = InstanceType<GlobalComponents["coreplus-booking-button"]>["$props"];
export const vueButton: VueButtonProps = {
  clinic: "harbourside",
  floating: true,
  placement: "bottom-left",
  onCoreplusBooked: (e) => e.detail.reference satisfies string,
};
// @ts-expect-error: not a corner
export const vueBadPlacement: VueButtonProps = { placement: "middle" };

type SvelteButtonProps = SvelteHTMLElements["coreplus-booking-button"];
export const svelteButton: SvelteButtonProps = { clinic: "harbourside", floating: true };
// @ts-expect-error: not a corner
export const svelteBadPlacement: SvelteButtonProps = { placement: "middle" };
