/**
 * What the flow makes of choices and results, as pure functions: the patient-free event details
 * (the booked one and where a failed booking leads are in after-booking.ts, with the later views).
 */
import { EdgeRequestError } from "../api/edge-error.js";
import type { PublicSlot } from "../api/types.js";
import type { CoreplusErrorDetail, CoreplusSlotSelectedDetail } from "../events.js";
import { ANY } from "../internal/flow.js";
import type { FlowState } from "./flow-state.js";

/** The `coreplus-slot-selected` detail of a chosen time. */
export function slotDetail(
  clinic: string,
  slot: PublicSlot,
  s: Pick<FlowState, "typeId" | "practitionerId">,
  timezone: string,
): CoreplusSlotSelectedDetail {
  return {
    clinic,
    locationId: slot.locationId,
    appointmentTypeId: s.typeId!,
    practitionerId: slot.practitionerId,
    anyPractitioner: s.practitionerId === ANY,
    start: slot.start,
    end: slot.end,
    timezone,
  };
}

/** The `coreplus-error` detail of a failure the visitor is told about; none for an abort or a bug. */
export function errorDetail(
  e: unknown,
  clinic: string,
  step: CoreplusErrorDetail["step"],
  operation: CoreplusErrorDetail["operation"],
): CoreplusErrorDetail | undefined {
  if (!(e instanceof EdgeRequestError) || e.code === "ERR_ABORTED") return undefined;
  return {
    clinic,
    code: e.code,
    ...(e.status ? { status: e.status } : {}),
    step,
    operation,
    retryable: e.retryable,
  };
}
