import { describe, expect, test } from "vitest";
import type {
  AppointmentStatus,
  CoreplusClient,
  CoreplusClientOptions,
  CoreplusCredentials,
  CoreplusRequest,
  Page,
  PagedIterable,
  PageQuery,
  RequestClaims,
  RequestLimiter,
  RequestSigner,
  RequestSignerOptions,
  TokenRejectionReason,
  VerifyRequestOptions,
  VerifyResult,
} from "./index.js";
import * as core from "./index.js";

// Compile-time check that the contract's type names are exported (core-api.md).
export type ContractTypes = [
  AppointmentStatus,
  CoreplusClient,
  CoreplusClientOptions,
  CoreplusCredentials,
  CoreplusRequest,
  Page<unknown>,
  PagedIterable<unknown>,
  PageQuery,
  RequestClaims,
  RequestLimiter,
  RequestSigner,
  RequestSignerOptions,
  TokenRejectionReason,
  VerifyRequestOptions,
  VerifyResult,
];

test("exports a version", () => {
  expect(core.VERSION).toMatch(/^\d+\.\d+\.\d+$/);
});

describe("the public face names every contract export", () => {
  const values = [
    "createRequestSigner",
    "verifyRequestToken",
    "inspectToken",
    "COREPLUS_TIMEZONES",
    "timezoneIdFor",
    "ianaZoneFor",
    "parseCoreplusDateTime",
    "formatInZone",
    "offsetInZone",
    "dateInZone",
    "zonedTimeToInstant",
    "addDays",
    "weekdayOf",
    "Paging",
    "StatusMessages",
    "ResultError",
    "Location",
    "Practitioner",
    "AppointmentType",
    "Address",
    "ClientSummary",
    "ClientDetail",
    "ClientCreate",
    "ClientUpdate",
    "AvailabilitySlot",
    "Appointment",
    "AppointmentStatus",
    "AppointmentBook",
    "AppointmentUpdate",
    "AppointmentCancel",
    "AppointmentTypeCreate",
    "CoreplusDateTime",
    "listEnvelope",
    "CoreplusError",
    "CoreplusAuthError",
    "CoreplusNotFoundError",
    "CoreplusValidationError",
    "CoreplusSlotUnavailableError",
    "CoreplusRateLimitedError",
    "CoreplusUpstreamError",
    "CoreplusTimeoutError",
    "CoreplusNetworkError",
    "CoreplusResponseError",
    "CoreplusDateTimeError",
    "errorForStatus",
    "createSlidingWindowLimiter",
    "createCoreplusClient",
  ];
  test.each(values)("%s", (name) => {
    expect((core as Record<string, unknown>)[name], name).toBeDefined();
  });

  test("nothing private leaks out", () => {
    const exported = Object.keys(core);
    for (const internal of [
      "redactText",
      "redactCause",
      "canonicalKeys",
      "createRequester",
      "wrappedOrBare",
      "zoneOffsetMs",
    ]) {
      expect(exported).not.toContain(internal);
    }
  });
});
