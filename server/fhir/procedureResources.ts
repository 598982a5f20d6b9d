/**
 * Signed visits as Procedures, with their versions. A signed note never
 * changes; each amendment makes a new version: version 1 is the visit as
 * signed, version n + 1 the visit after its n-th amendment (the chart with the
 * corrections so far laid over it, each amendment's reason and correction as
 * a note, entered-in-error once an amendment says so). The current version is
 * the last; every earlier one stays readable through _history.
 * (meta.versionId counts these versions; the visits table's own version column
 * counts draft saves and is not used here.)
 */
import type { Annotation, Procedure } from "@medplum/fhirtypes";
import { chartAsAmended } from "../../domain/treatment/chartCorrection.ts";
import { MODALITIES } from "../../domain/treatment/modalities.ts";
import { siteLabel } from "../../domain/treatment/treatment.ts";
import type { VisitChart } from "../../domain/treatment/visit.ts";
import type { AmendmentRecord, VisitRecord } from "../db/repositories/visits.ts";
import {
  ACUBACK_ACUPOINT,
  ACUBACK_ESTIM_EXTENSION,
  ACUBACK_MODALITY,
  ACUBACK_NEEDLES_IN_EXTENSION,
  ACUBACK_NEEDLES_OUT_EXTENSION,
} from "./codeSystems.ts";
import { reference } from "./demographicResources.ts";

function amendmentNote(amendment: AmendmentRecord): Annotation {
  const what = amendment.enteredInError ? "Marked entered in error" : amendment.chartCorrection ? "Amended, correcting the chart" : "Amended";
  return {
    authorReference: { ...reference("Practitioner", amendment.authorId), display: amendment.authorName },
    time: amendment.at,
    text: `${what}: ${amendment.reason}${amendment.correction ? `\n${amendment.correction}` : ""}`,
  };
}

/** What was needled, where and on which side, by whom, with the needle count and any e-stim, as `chart` records it. */
function procedureOf(visit: VisitRecord, chart: VisitChart, version: { id: number; lastUpdated: string; amendments: readonly AmendmentRecord[] }): Procedure {
  const { treatment, needleCount } = chart;
  const modality = MODALITIES.find((m) => m.id === treatment.modality);
  const extension = [
    ...(needleCount.inserted !== null ? [{ url: ACUBACK_NEEDLES_IN_EXTENSION, valueInteger: needleCount.inserted }] : []),
    ...(needleCount.removed !== null ? [{ url: ACUBACK_NEEDLES_OUT_EXTENSION, valueInteger: needleCount.removed }] : []),
    ...(treatment.electro
      ? [
          {
            url: ACUBACK_ESTIM_EXTENSION,
            valueString: `${treatment.electro.waveform}, ${treatment.electro.frequenciesHz.join("/")} Hz, ${
              treatment.electro.intensity === "to-tolerance" ? "to tolerance" : `${treatment.electro.intensity.mA} mA`
            }, ${treatment.electro.minutes} min, ${treatment.electro.pairs.length} pair(s)`,
          },
        ]
      : []),
  ];
  return {
    resourceType: "Procedure",
    id: visit.id,
    meta: { versionId: String(version.id), lastUpdated: version.lastUpdated },
    status: version.amendments.some((a) => a.enteredInError) ? "entered-in-error" : "completed",
    code: {
      coding: [{ system: ACUBACK_MODALITY, code: treatment.modality, display: modality?.label ?? treatment.modality }],
      text: modality?.label ?? treatment.modality,
    },
    subject: reference("Patient", visit.patientId),
    performedDateTime: visit.visitOn,
    performer: [{ actor: { ...reference("Practitioner", visit.practitionerId), display: visit.practitionerName } }],
    reasonReference: [reference("Condition", visit.episodeId)],
    ...(treatment.sites.length > 0 && {
      bodySite: treatment.sites.map((site) => ({
        ...(site.point && { coding: [{ system: ACUBACK_ACUPOINT, code: site.point }] }),
        text: siteLabel(site),
      })),
    }),
    ...(version.amendments.length > 0 && { note: version.amendments.map(amendmentNote) }),
    ...(extension.length > 0 && { extension }),
  };
}

/** Every version of a signed visit, oldest (as signed) first; `amendments` are the visit's own, oldest first. */
export function procedureVersions(visit: VisitRecord, amendments: readonly AmendmentRecord[]): Procedure[] {
  const signed = procedureOf(visit, visit.chart, { id: 1, lastUpdated: visit.signedAt ?? visit.updatedAt, amendments: [] });
  return [
    signed,
    ...amendments.map((amendment, i) => {
      const sofar = amendments.slice(0, i + 1);
      const chart = chartAsAmended(visit.chart, sofar.map((a) => a.chartCorrection));
      return procedureOf(visit, chart, { id: i + 2, lastUpdated: amendment.at, amendments: sofar });
    }),
  ];
}

/** The visit as it stands now: its latest version. */
export const currentProcedure = (visit: VisitRecord, amendments: readonly AmendmentRecord[]): Procedure => procedureVersions(visit, amendments).at(-1)!;
