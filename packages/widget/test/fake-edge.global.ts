/** Vitest globalSetup for the browser tests: starts the fake edge API and hands its URL to them. */
import type { TestProject } from "vitest/node";
import { startFakeEdge } from "./fake-edge.ts";

declare module "vitest" {
  export interface ProvidedContext {
    fakeEdgeUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const fake = await startFakeEdge();
  project.provide("fakeEdgeUrl", fake.url);
  return () => fake.close();
}
