/**
 * The data availability works with, as types only: a leaf module, so the runtime's types (src/types.ts)
 * can name what the availability memo keeps without importing availability's code.
 */
import type { CatalogueLocation, CataloguePractitioner, CatalogueType } from "../catalogue/catalogue.js";
import type { DisciplineConfig } from "../config/index.js";

/** The validated subject of an availability or booking query. */
export interface SlotSubject {
  location: CatalogueLocation;
  type: CatalogueType;
  /** The practitioners whose slots count, in display order. */
  practitioners: CataloguePractitioner[];
  /** The discipline asked for: only its practitioners count. */
  discipline?: DisciplineConfig;
}

/** One upstream slot as cached (JSON). */
export type Slot = {
  /** Start, ISO 8601 with the location's offset. */
  start: string;
  end: string;
  practitionerId: string;
  /** The start's date in the location's zone. */
  date: string;
  /** The start in epoch ms. */
  startMs: number;
  /** {@link slotKey} of the slot. */
  key: string;
};

/** A range of dates in the location's zone ("YYYY-MM-DD", both included). */
export type SlotRange = { start: string; end: string };
