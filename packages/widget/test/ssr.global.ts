/**
 * Vitest globalSetup for the hydration test: renders the element in Node with @lit-labs/ssr against
 * the fake edge API (its URL comes from fake-edge.global.ts, which runs first) and hands the HTML
 * to the browser test, so the test hydrates markup that really came from the server renderer.
 */
import type { TestProject } from "vitest/node";
import { renderBooking } from "./ssr-render.ts";

/** Server-rendered markup for the hydration test: every attribute, and the bare element. */
export interface SsrFixtures {
  clinic: string;
  all: string;
  bare: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    ssr: SsrFixtures;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const clinic = `solo.ssr${Date.now().toString(36)}`;
  const all = await renderBooking({
    api: project.getProvidedContext().fakeEdgeUrl,
    clinic,
    location: "loc-southbank",
    practitioner: "prac-anna",
    "appointment-type": "type-follow",
    lang: "en-US",
    theme: "dark",
    datalayer: "",
  });
  project.provide("ssr", { clinic, all, bare: await renderBooking({}) });
}
