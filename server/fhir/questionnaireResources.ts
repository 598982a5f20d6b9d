/**
 * Each scored instrument response as a QuestionnaireResponse: the answers
 * item by item, against the Questionnaire the clinic's forms use for the
 * instrument. Where the clinic loaded licensed wording whose Questionnaire
 * has a canonical url and whose questions and answers carry codes, the
 * response points at that Questionnaire with its linkIds and answer codes;
 * otherwise at Acuback's own Questionnaire for the instrument (our item ids,
 * our option values). Item text is always our short label: the owner's
 * wording never leaves in a response.
 */
import type { Questionnaire, QuestionnaireResponse, QuestionnaireResponseItem } from "@medplum/fhirtypes";
import type { Instrument } from "../../domain/assessment/instruments/instrument.ts";
import { INSTRUMENTS, instrumentById } from "../../domain/assessment/instruments/registry.ts";
import type { SourceAnswer } from "../../domain/assessment/instruments/wording.ts";
import type { InstrumentResponseRecord } from "../db/repositories/instrumentResponses.ts";
import type { InstrumentWordingRecord } from "../db/repositories/instrumentWordings.ts";
import { ACUBACK_FHIR_BASE } from "./codeSystems.ts";
import { reference } from "./demographicResources.ts";

/** Acuback's own Questionnaire for an instrument: our item ids as linkIds, our option values as integer answers. */
export const acubackQuestionnaireUrl = (instrument: string) => `${ACUBACK_FHIR_BASE}/Questionnaire/${instrument}`;

/**
 * Acuback's own Questionnaire for each instrument, so the canonical our
 * responses name resolves: our item ids and short labels, our option values as
 * integer answers (the labels of the ends in the item text where we have
 * them), and who owns the instrument. Never the owner's wording.
 */
export function acubackQuestionnaires(): Questionnaire[] {
  return Object.values(INSTRUMENTS).map((instrument) => ({
    resourceType: "Questionnaire",
    id: instrument.id,
    url: acubackQuestionnaireUrl(instrument.id),
    version: instrument.version,
    name: instrument.shortName.replace(/[^A-Za-z0-9]/g, ""),
    title: `${instrument.name} (Acuback's item labels)`,
    status: "active",
    publisher: "Acuback",
    description: `Acuback's own short labels for the items of the ${instrument.name} (${instrument.owner}), with the values each answer is scored by. ${
      instrument.patientWording === "licensed" ? "Not the owner's wording, which a clinic loads under its licence." : "The questions are Acuback's own wording."
    }`,
    subjectType: ["Patient"],
    item: instrument.items.map((item) => ({
      linkId: item.id,
      text: item.question ?? item.label,
      type: "integer" as const,
      answerOption: item.options.map((option) => ({ valueInteger: option.value })),
    })),
  }));
}

const canonical = (url: string, version: string | null) => (version ? `${url}|${version}` : url);

/** The clinic's loaded Questionnaire, when every question and answer of it can be named by linkId and code. */
function usableWording(instrument: Instrument, wording: InstrumentWordingRecord | undefined): InstrumentWordingRecord | null {
  if (!wording?.url || wording.items.length !== instrument.items.length) return null;
  const complete = instrument.items.every((item, i) => {
    const source = wording.items[i]!.source;
    return source !== undefined && item.options.every((o) => source.answers[String(o.value)] !== undefined);
  });
  return complete ? wording : null;
}

export function questionnaireResponseResource(response: InstrumentResponseRecord, wording: InstrumentWordingRecord | undefined): QuestionnaireResponse {
  const instrument = instrumentById(response.instrument);
  const licensed = instrument ? usableWording(instrument, wording) : null;
  const items: QuestionnaireResponseItem[] = (instrument?.items ?? []).flatMap((item, i) => {
    const value = response.answers[i];
    // An item left unanswered is left out, as FHIR asks of items with no answer.
    if (value === null || value === undefined) return [];
    const source = licensed?.items[i]!.source;
    const answer: SourceAnswer = source ? source.answers[String(value)]! : { valueInteger: value };
    return [{ linkId: source?.linkId ?? item.id, text: item.label, answer: [answer] }];
  });
  // A response points at the clinic's Questionnaire as loaded now: it is as recent as the later of the two.
  const updated = [response.revisedAt ?? response.createdAt, ...(licensed ? [licensed.importedAt] : [])].sort().at(-1)!;
  return {
    resourceType: "QuestionnaireResponse",
    id: response.id,
    meta: { lastUpdated: updated },
    questionnaire: licensed ? canonical(licensed.url!, licensed.version) : canonical(acubackQuestionnaireUrl(response.instrument), response.version),
    status: response.enteredInError ? "entered-in-error" : response.revisedAt ? "amended" : "completed",
    subject: reference("Patient", response.patientId),
    authored: response.recordedOn,
    // Answered by the patient through a self-report link; otherwise entered by the clinic's staff.
    ...(response.source === "patient-link" && { source: reference("Patient", response.patientId) }),
    ...(items.length > 0 && { item: items }),
  };
}
