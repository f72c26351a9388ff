/**
 * The custom step "Get appointments" (callback id `get_appointments`, in manifest.json): Bolt hands
 * `function_executed` to this listener, and `complete()` / `fail()` end the step through the Web API
 * (functions.completeSuccess / completeError) with the step's own token.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { answerWorkflow } from "../../answer/answer-workflow.js";
import type { ListenerDeps } from "../deps.js";

/** The step's callback id. */
export const GET_APPOINTMENTS_FUNCTION = "get_appointments";

type Args = SlackEventMiddlewareArgs<"function_executed"> & AllMiddlewareArgs;

/** The listener for the step. */
export function getAppointmentsStep(deps: ListenerDeps): (args: Args) => Promise<void> {
  return async function getAppointments({ event, complete, fail, logger }: Args): Promise<void> {
    // Bolt acknowledges function_executed itself; complete and fail are always set for it.
    if (!complete || !fail) return;
    const inputs = event.inputs;
    const started = deps.wallClock();
    const outcome = await answerWorkflow(deps.services, {
      practitioner: String(inputs.practitioner ?? ""),
      date: String(inputs.date ?? ""),
    });
    deps.audit({
      at: new Date(started).toISOString(),
      surface: "workflow",
      user: "workflow",
      outcome: outcome.ok ? "answered" : "not-understood",
      ...(outcome.ok ? { appointments: outcome.count } : {}),
      ms: deps.wallClock() - started,
    });
    try {
      if (outcome.ok) await complete({ outputs: { text: outcome.text, count: outcome.count } });
      else await fail({ error: outcome.error });
    } catch (error) {
      logger.warn(`completing the Get appointments step failed: ${String(error)}`);
    }
  };
}
