/**
 * Zod schemas for treatments, visits and plans at the HTTP boundary, built
 * from the domain's lists (domain/treatment/modalities.ts) so a new modality or
 * muscle is accepted everywhere at once. The numeric bounds catch typing slips
 * (a depth of 300 mm, 500 Hz); they are input limits, not clinical rules: the
 * safety engine judges depth against each point's recorded range.
 */
import { z } from "zod";
import { BODY_REGIONS } from "../../domain/points/types.ts";
import {
  ACUPUNCTURE_STYLES,
  ADJUNCTS,
  ADVERSE_EVENT_SEVERITIES,
  ADVERSE_EVENTS,
  DRY_NEEDLING_MUSCLES,
  DRY_NEEDLING_TECHNIQUES,
  ESTIM_WAVEFORMS,
  idsOf,
  MANIPULATIONS,
  MODALITIES,
  NEEDLE_ANGLES,
  NEEDLING_INTENTS,
  PATIENT_POSITIONS,
} from "../../domain/treatment/modalities.ts";
import { SIDES } from "../../domain/treatment/treatment.ts";
import { TEXT_LIMITS } from "../../domain/plausibility/textLimits.ts";
import { pastOrPresentDate, plannedDate } from "./schemas.ts";

const oneOf = <T extends string>(values: readonly T[], what: string) => z.enum(values as [T, ...T[]], `Choose a ${what}.`);
/**
 * Requests trim text and read dates; responses are encoded through the same
 * shapes, which cannot run transforms, so each schema is built for one direction.
 */
type Direction = "in" | "out";
const textIn = (max: number) => z.string().trim().max(max).nullable().transform((v) => (v ? v : null));
const textOut = (_max: number) => z.string().nullable();
const point = z.string().trim().min(1).max(20);

const depth = z.object({
  value: z.number().positive("Depth must be above 0."),
  unit: z.enum(["mm", "cun"]),
}).refine((d) => d.value <= (d.unit === "mm" ? 150 : 6), "Depth above 150 mm or 6 cun: check the number and unit.");

export const needleSiteSchema = z.object({
  point: point.nullable(),
  ashiRegion: oneOf(BODY_REGIONS, "body region").nullable(),
  side: oneOf(SIDES, "side"),
  depth: depth.nullable(),
  angle: oneOf(idsOf(NEEDLE_ANGLES), "needle angle").nullable(),
  manipulation: oneOf(idsOf(MANIPULATIONS), "manipulation").nullable(),
  intent: oneOf(idsOf(NEEDLING_INTENTS), "intent").nullable(),
  deQi: z.boolean().nullable(),
  retentionMinutes: z.number().int().min(0).max(120, "Retention above 120 minutes: check the number.").nullable(),
  infectedSite: z.boolean(),
});

const siteRef = z.object({ point, side: z.enum(["left", "right", "midline"]) });

function treatmentShape(text: typeof textIn | typeof textOut) {
  return z.object({
  modality: oneOf(idsOf(MODALITIES), "modality"),
  style: oneOf(idsOf(ACUPUNCTURE_STYLES), "style").nullable(),
  sites: z.array(needleSiteSchema).max(80, "At most 80 sites in one visit."),
  electro: z
    .object({
      pairs: z.array(z.object({ a: siteRef, b: siteRef })).max(20),
      waveform: oneOf(idsOf(ESTIM_WAVEFORMS), "waveform"),
      frequenciesHz: z.array(z.number().positive().max(200, "Above 200 Hz: check the number.")).min(1).max(2),
      intensity: z.union([z.object({ mA: z.number().positive().max(50, "Above 50 mA: check the number.") }), z.literal("to-tolerance")]),
      minutes: z.number().int().min(1).max(120),
    })
    .nullable(),
  dryNeedling: z
    .object({
      muscles: z.array(z.object({ muscle: oneOf(idsOf(DRY_NEEDLING_MUSCLES), "muscle"), side: z.enum(["left", "right", "bilateral"]) })).max(40),
      technique: oneOf(idsOf(DRY_NEEDLING_TECHNIQUES), "technique"),
      localTwitchResponse: z.boolean().nullable(),
    })
    .nullable(),
  adjuncts: z
    .array(
      z.object({
        kind: oneOf(idsOf(ADJUNCTS), "adjunct"),
        method: z.string().max(20).nullable(),
        points: z.array(point).max(40),
        site: z.string().trim().max(200),
        minutes: z.number().int().min(0).max(120).nullable(),
      }),
    )
    .max(10),
  needles: z.object({
    gaugeMm: z.number().positive().max(1).nullable(),
    lengthMm: z.number().positive().max(200).nullable(),
    material: text(120),
  }),
  });
}
export const treatmentSchema = treatmentShape(textIn);
export const treatmentOutSchema = treatmentShape(textOut);

const count = z.number().int().min(0).max(200);

const faceToFaceMinutes = z.number().int().min(0).max(480).nullable();
const increments = z.array(z.object({ minutes: z.number().int().min(1).max(15), reinserted: z.boolean(), estim: z.boolean() })).max(32);

/** The parts of a signed chart an amendment may correct (domain/treatment/chartCorrection.ts). */
function chartCorrectionShape(direction: Direction) {
  const text = direction === "in" ? textIn : textOut;
  return z.object({
    treatment: treatmentShape(text).optional(),
    faceToFaceMinutes: faceToFaceMinutes.optional(),
    increments: increments.optional(),
    separateEvaluation: text(TEXT_LIMITS.separateEvaluation).optional(),
  });
}
export const chartCorrectionSchema = chartCorrectionShape("in");

function visitChartShape(direction: Direction) {
  const text = direction === "in" ? textIn : textOut;
  return z.object({
  visitOn: direction === "in" ? pastOrPresentDate : z.string(),
  treatment: treatmentShape(text),
  needleCount: z.object({
    inserted: count.nullable(),
    removed: count.nullable(),
    incident: z.object({ description: z.string().trim().min(1).max(TEXT_LIMITS.incidentDescription), found: z.boolean() }).nullable(),
  }),
  painBefore: z.number().int().min(0).max(10).nullable(),
  painAfter: z.number().int().min(0).max(10).nullable(),
  position: oneOf(idsOf(PATIENT_POSITIONS), "position").nullable(),
  faceToFaceMinutes,
  increments,
  coInterventions: text(TEXT_LIMITS.visitText),
  advice: text(TEXT_LIMITS.visitText),
  soap: z.object({ subjective: text(TEXT_LIMITS.soapPart), objective: text(TEXT_LIMITS.soapPart), assessment: text(TEXT_LIMITS.soapPart), plan: text(TEXT_LIMITS.soapPart) }),
  // Older clients and charts have no such field: none recorded.
  separateEvaluation: direction === "in" ? text(TEXT_LIMITS.separateEvaluation).default(null) : text(TEXT_LIMITS.separateEvaluation),
  adverseEvents: z
    .array(z.object({ kind: oneOf(idsOf(ADVERSE_EVENTS), "adverse event"), severity: oneOf(ADVERSE_EVENT_SEVERITIES, "severity"), action: z.string().trim().max(TEXT_LIMITS.adverseEventAction) }))
    .max(20),
  overrides: z.array(z.object({ rule: z.string().max(60), points: z.array(z.string().max(60)).max(80), reason: z.string().trim().max(TEXT_LIMITS.overrideReason) })).max(30),
  cunMm: z.number().positive().max(60).nullable(),
  });
}
export const visitChartSchema = visitChartShape("in");

export const findingSchema = z.object({
  severity: z.enum(["block", "caution"]),
  rule: z.string(),
  points: z.array(z.string()),
  message: z.string(),
  source: z.string(),
});

export const amendmentSchema = z.object({
  id: z.string(),
  visitId: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  at: z.string(),
  reason: z.string(),
  correction: z.string().nullable(),
  chartCorrection: chartCorrectionShape("out").nullable(),
  enteredInError: z.boolean(),
});

export const visitSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  episodeId: z.string(),
  planId: z.string().nullable(),
  practitionerId: z.string(),
  practitionerName: z.string(),
  visitOn: z.string(),
  status: z.enum(["draft", "signed"]),
  chart: visitChartShape("out"),
  findings: z.array(findingSchema),
  problems: z.array(z.object({ code: z.string(), message: z.string() })),
  amendments: z.array(amendmentSchema),
  signedAt: z.string().nullable(),
  signedBy: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const visitSummarySchema = z.object({ id: z.string(), visitOn: z.string(), status: z.enum(["draft", "signed"]), practitionerName: z.string() });

export const visitStartSchema = z.object({
  visitOn: pastOrPresentDate,
  planId: z.uuid().nullable().default(null),
  start: z.discriminatedUnion("from", [
    z.object({ from: z.literal("blank"), modality: oneOf(idsOf(MODALITIES), "modality") }),
    z.object({ from: z.literal("last-visit") }),
    z.object({ from: z.literal("protocol"), protocolId: z.string().max(80) }),
    z.object({ from: z.literal("clinic-protocol"), protocolId: z.uuid() }),
    z.object({ from: z.literal("plan") }),
  ]),
});

export const planInputSchema = z.object({
  episodeId: z.uuid(),
  startOn: plannedDate,
  modality: oneOf(idsOf(MODALITIES), "modality"),
  style: oneOf(idsOf(ACUPUNCTURE_STYLES), "style").nullable(),
  protocolId: z.string().max(80).nullable(),
  schedule: z.string().trim().min(1, "Write the frequency, e.g. 2/week × 3 then 1/week × 4.").max(200),
  reEvaluations: z.array(plannedDate).max(20),
  goals: z.array(z.object({ instrument: z.enum(["nrs", "odi", "rmdq"]), change: z.number().min(-100).max(0) })).max(6),
  rationale: textIn(TEXT_LIMITS.planRationale),
});

export const planSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  episodeId: z.string(),
  startOn: z.string(),
  modality: z.string(),
  style: z.string().nullable(),
  protocolId: z.string().nullable(),
  protocolName: z.string().nullable(),
  schedule: z.string(),
  phases: z.array(z.object({ perWeek: z.number(), weeks: z.number() })),
  plannedVisits: z.number().int(),
  reEvaluations: z.array(z.string()),
  goals: z.array(z.object({ instrument: z.string(), change: z.number() })),
  rationale: z.string().nullable(),
  endedOn: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  progress: z.object({
    planned: z.number(),
    done: z.number(),
    dueByNow: z.number(),
    nextReEvaluation: z.string().nullable(),
    outcome: z.string().nullable(),
    summary: z.string(),
  }),
});
