/**
 * What the demo adds to the sandbox's clinic so the sales story can show a parent booking for a
 * child: a paediatric physiotherapy service (Ms Sharma, a physiotherapist), the clinic's own questions
 * (a GP referral for everyone; school or kinder for the children's service), a privacy link, and the
 * carer of a new dependant read back from the sandbox's family records for the today page.
 */
import type { ClinicConfig, EdgeConfig } from "@coreplus-kit/edge-api";
import type { Sandbox } from "@coreplus-kit/sandbox";
import type { Carer } from "../today/todays-appointments.js";

/** The children's service's name, as the site and the widget show it. */
export const PAEDIATRIC_SERVICE = "Paediatric Physiotherapy (under 16s)";

/** Adds the paediatric service to the sandbox (once) and answers its id. */
export function addPaediatricService(sandbox: Sandbox): string {
  const { store } = sandbox;
  const existing = [...store.appointmentTypes.values()].find((t) => t.description === PAEDIATRIC_SERVICE);
  if (existing) return existing.appointmentTypeId;
  const physio = [...store.practitioners.values()].find((p) => p.lastName === "Sharma");
  const appointmentTypeId = store.newId();
  store.appointmentTypes.set(appointmentTypeId, {
    appointmentTypeId,
    description: PAEDIATRIC_SERVICE,
    durationMinutes: 30,
    blockColour: "#F29E4C",
    practitionerId: physio?.practitionerId ?? null,
    locationId: null,
    clientGroupId: null,
  });
  return appointmentTypeId;
}

/** The edge API's clinic with the demo's questions and privacy link. */
export function withDemoQuestions(
  config: EdgeConfig,
  paediatricTypeId: string,
  privacyUrl: string,
): EdgeConfig {
  const clinic = (c: ClinicConfig): ClinicConfig => ({
    ...c,
    privacyUrl,
    questions: [
      { id: "referral", label: "Do you have a GP referral?", kind: "yes-no", required: false },
      {
        id: "school",
        label: "School or kinder",
        kind: "text",
        required: false,
        maxLength: 60,
        appointmentTypeIds: [paediatricTypeId],
      },
    ],
  });
  return { ...config, clinics: config.clinics.map(clinic) };
}

/** The main contact on a client's family records, from the in-process sandbox. */
export function sandboxMainContact(sandbox: Sandbox) {
  return async (clientId: string): Promise<Carer | undefined> => {
    const f = sandbox.store.familyOf(clientId).find((r) => r.mainContact);
    return f ? { firstName: f.firstName, lastName: f.surname, relationship: f.relationship } : undefined;
  };
}
