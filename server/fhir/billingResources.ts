/**
 * A signed visit's claim lines as FHIR Claims (decision record 0013,
 * addendum: Claim rather than ChargeItem). Each stored computation of the
 * lines (visit_claims: at signing, and again after an amendment that corrects
 * what billing reads) is one Claim: the last is active and names the one
 * before it as its prior claim; earlier ones are cancelled, kept so a reader
 * sees what changed; all of a visit entered in error are entered-in-error.
 * Codes are as stored: CPT for the lines (system http://www.ama-assn.org/go/cpt),
 * ICD-10-CM for the diagnosis.
 */
import type { Claim, ClaimItem } from "@medplum/fhirtypes";
import type { PricedLine, VisitClaim } from "../db/repositories/coverage.ts";
import type { AmendmentRecord, VisitRecord } from "../db/repositories/visits.ts";
import { ICD10_CM } from "./codeSystems.ts";
import { reference } from "./demographicResources.ts";

export const CPT = "http://www.ama-assn.org/go/cpt";
const CLAIM_TYPE = "http://terminology.hl7.org/CodeSystem/claim-type";
const PROCESS_PRIORITY = "http://terminology.hl7.org/CodeSystem/processpriority";
const CARE_TEAM_ROLE = "http://terminology.hl7.org/CodeSystem/claimcareteamrole";
const RELATED_CLAIM = "http://terminology.hl7.org/CodeSystem/ex-relatedclaimrelationship";

/** A CPT code is five characters, digits with a final digit or letter (97810, 0278T); a line's "E/M" is a placeholder for a level still to be chosen. */
const CPT_CODE = /^\d{4}[0-9A-Z]$/;
/** CPT's own (Level I) modifiers are two digits (25); others (KX, GA) are HCPCS Level II and go as text, uncoded, rather than under a system we have not confirmed. */
const CPT_MODIFIER = /^\d{2}$/;

/** The payer as stored with the claim, in the words the superbill uses. */
const PAYER_NAMES: Record<string, string> = { medicare: "Medicare", plan: "Insurance plan", "self-pay": "Self-pay" };

// Fees are kept in US cents (the fee schedule, superbills): Acuback bills US payers.
const money = (cents: number) => ({ value: cents / 100, currency: "USD" as const });

function item(line: PricedLine, sequence: number, visitOn: string): ClaimItem {
  const product = CPT_CODE.test(line.code)
    ? { coding: [{ system: CPT, code: line.code }], ...(line.why && { text: line.why }) }
    : { text: line.why ? `${line.code}: ${line.why}` : line.code };
  return {
    sequence,
    careTeamSequence: [1],
    ...(line.diagnosisPointers.length > 0 && { diagnosisSequence: line.diagnosisPointers }),
    productOrService: product,
    ...(line.modifiers.length > 0 && {
      modifier: line.modifiers.map((m) => (CPT_MODIFIER.test(m) ? { coding: [{ system: CPT, code: m }], text: m } : { text: m })),
    }),
    servicedDate: visitOn,
    quantity: { value: line.units },
    ...(line.feeCents !== null && { unitPrice: money(line.feeCents), net: money(line.feeCents * line.units) }),
  };
}

/**
 * The Claims of one signed visit, oldest first. `claims` are the visit's
 * stored computations, oldest first; `amendments` its amendments (one marked
 * entered in error withdraws every claim of the visit).
 */
export function visitClaims(clinicId: string, visit: VisitRecord, claims: readonly VisitClaim[], amendments: readonly AmendmentRecord[]): Claim[] {
  const inError = amendments.find((a) => a.enteredInError);
  return claims.map((claim, i) => {
    const prior = claims[i - 1];
    const next = claims[i + 1];
    const status: Claim["status"] = inError ? "entered-in-error" : next ? "cancelled" : "active";
    // Cancelled when the next computation replaced it; withdrawn when the visit was marked in error.
    const updated = [claim.computedAt, ...(next ? [next.computedAt] : []), ...(inError ? [inError.at] : [])].sort().at(-1)!;
    const fees = claim.lines.map((l) => (l.feeCents === null ? null : l.feeCents * l.units));
    const payer = PAYER_NAMES[claim.payer] ?? claim.payer;
    return {
      resourceType: "Claim",
      id: claim.id,
      meta: { lastUpdated: updated },
      status,
      type: { coding: [{ system: CLAIM_TYPE, code: "professional", display: "Professional" }] },
      use: "claim",
      patient: reference("Patient", visit.patientId),
      billablePeriod: { start: visit.visitOn, end: visit.visitOn },
      created: claim.computedAt,
      // The clinic bills (its NPI and tax id head the superbill); the practitioner who treated is on the care team.
      provider: reference("Organization", clinicId),
      // Acuback asks for no particular urgency: "normal" is FHIR's "with best effort".
      priority: { coding: [{ system: PROCESS_PRIORITY, code: "normal", display: "Normal" }] },
      ...(prior && { related: [{ claim: reference("Claim", prior.id), relationship: { coding: [{ system: RELATED_CLAIM, code: "prior", display: "Prior Claim" }] } }] }),
      careTeam: [
        {
          sequence: 1,
          provider: { ...reference("Practitioner", visit.practitionerId), display: visit.practitionerName },
          role: { coding: [{ system: CARE_TEAM_ROLE, code: "primary", display: "Primary provider" }] },
        },
      ],
      diagnosis: claim.diagnoses.map((d, n) => ({ sequence: n + 1, diagnosisCodeableConcept: { coding: [{ system: ICD10_CM, code: d.code, display: d.title }] } })),
      procedure: [{ sequence: 1, procedureReference: reference("Procedure", visit.id) }],
      // Acuback keeps the payer each claim was computed for, not a Coverage record: the reference names it by display, as FHIR allows.
      insurance: [{ sequence: 1, focal: true, coverage: { display: payer } }],
      ...(claim.payer !== "self-pay" && { insurer: { display: payer } }),
      item: claim.lines.map((line, n) => item(line, n + 1, visit.visitOn)),
      ...(fees.every((f) => f !== null) && fees.length > 0 && { total: money(fees.reduce<number>((sum, f) => sum + (f ?? 0), 0)) }),
    };
  });
}
