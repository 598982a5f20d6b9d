/**
 * Where a new visit's treatment comes from, so practitioners never re-type
 * points: the last signed visit, a protocol from the library or the clinic's
 * own, the plan (its protocol, else its last visit), or a blank chart.
 */
import type { PatientId } from "../../domain/shared/brand.ts";
import type { ModalityId } from "../../domain/treatment/modalities.ts";
import { findProtocol, treatmentFromProtocol } from "../../domain/treatment/protocols.ts";
import { emptyTreatment, type Treatment } from "../../domain/treatment/treatment.ts";
import type { VisitChart } from "../../domain/treatment/visit.ts";
import type { Queryable } from "../db/database.ts";
import { findClinicProtocol } from "../db/repositories/clinicProtocols.ts";
import type { PlanRecord } from "../db/repositories/treatmentPlans.ts";
import { listVisits } from "../db/repositories/visits.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import type { Actor } from "./actor.ts";

export type TreatmentStart =
  | { from: "blank"; modality: ModalityId }
  | { from: "last-visit" }
  | { from: "protocol"; protocolId: string }
  | { from: "clinic-protocol"; protocolId: string }
  | { from: "plan" };

export interface StartingTreatment {
  treatment: Treatment;
  /** Facts about the patient carried from the last signed visit. */
  carried: Pick<VisitChart, "position" | "cunMm"> | null;
}

/** A copy of a treatment with what belongs only to the visit it was done in cleared. */
function repeated(treatment: Treatment): Treatment {
  return {
    ...structuredClone(treatment),
    // Whether de qi came and whether a site was infected are findings of that day, not of the plan.
    sites: treatment.sites.map((site) => ({ ...site, deQi: null, infectedSite: false })),
  };
}

export async function startingTreatment(
  q: Queryable,
  actor: Actor,
  patientId: PatientId,
  start: TreatmentStart,
  plan: PlanRecord | null,
): Promise<Outcome<StartingTreatment>> {
  const lastSigned = (await listVisits(q, actor.clinicId, patientId)).find(
    (v) => v.status === "signed" && (start.from !== "plan" || v.planId === plan?.id),
  );
  const carried = lastSigned ? { position: lastSigned.chart.position, cunMm: lastSigned.chart.cunMm } : null;
  const from = (treatment: Treatment) => ok<StartingTreatment>({ treatment, carried });
  switch (start.from) {
    case "blank":
      return from(emptyTreatment(start.modality));
    case "last-visit":
      if (!lastSigned) return fail("VISIT_NOT_FOUND", "This patient has no signed visit to repeat.");
      return from(repeated(lastSigned.chart.treatment));
    case "protocol": {
      const protocol = findProtocol(start.protocolId);
      return protocol ? from(treatmentFromProtocol(protocol)) : fail("PROTOCOL_NOT_FOUND");
    }
    case "clinic-protocol": {
      const protocol = await findClinicProtocol(q, actor.clinicId, start.protocolId);
      return protocol ? from(repeated(protocol.treatment)) : fail("PROTOCOL_NOT_FOUND");
    }
    case "plan": {
      if (!plan) return fail("PLAN_NOT_FOUND", "Choose the plan to start from.");
      if (lastSigned) return from(repeated(lastSigned.chart.treatment));
      const library = plan.protocolId ? findProtocol(plan.protocolId) : null;
      if (library) return from(treatmentFromProtocol(library));
      const own = plan.protocolId ? await findClinicProtocol(q, actor.clinicId, plan.protocolId).catch(() => null) : null;
      if (own) return from(repeated(own.treatment));
      const blank = emptyTreatment(plan.modality);
      return from({ ...blank, style: plan.style ?? blank.style });
    }
  }
}
