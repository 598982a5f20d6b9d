import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { TEXT_LIMITS } from "../../../domain/plausibility/textLimits.ts";
import { RED_FLAG_ACTIONS, RED_FLAGS } from "../../../domain/assessment/redFlags.ts";
import { TCM_PATTERN_IDS } from "../../../domain/assessment/tcmPatterns.ts";
import { calendarDateOf } from "../../../domain/shared/calendarDate.ts";
import { correctEpisode, correctScreen, episodeRevisions, episodesOf, resolveScreen, screenEpisode, startEpisode } from "../../services/episodes.ts";
import { chooseEpisodeDiagnosis, episodeDiagnosis } from "../../services/episodeDiagnosis.ts";
import { actorOf, requireSession } from "../authentication.ts";
import { correctionBody, correctionReason, revisedSchema, revisionSchema } from "../correctionSchemas.ts";
import { problemResponses, sendOutcome, type RouteContext } from "../routeContext.ts";
import { pastOrPresentDate, patientIdParam } from "../schemas.ts";

const episodeInput = z
  .object({
    intakeOn: pastOrPresentDate.default(() => calendarDateOf(new Date())),
    onsetDate: pastOrPresentDate,
    location: z.enum(["central", "left", "right", "both"]),
    radiation: z.enum(["none", "buttock", "thigh", "below-knee"]),
    radiationSide: z.enum(["left", "right", "both"]).nullable().default(null),
    priorEpisodes: z.boolean().default(false),
    spinalSurgery: z.boolean().default(false),
    pregnant: z.boolean().default(false),
    pregnancyWeeks: z.number().int().min(0).max(45).nullable().default(null),
    workStatus: z.enum(["working", "modified-duties", "off-work", "not-employed", "retired", "unknown"]).default("unknown"),
    notes: z
      .string()
      .trim()
      .max(TEXT_LIMITS.episodeNotes)
      .nullish()
      .transform((v) => v || null),
    tcmPatterns: z.array(z.enum(TCM_PATTERN_IDS)).max(5).default([]),
    tongue: z.string().trim().max(TEXT_LIMITS.tcmObservation).nullish().transform((v) => v || null),
    pulse: z.string().trim().max(TEXT_LIMITS.tcmObservation).nullish().transform((v) => v || null),
  })
  .refine((e) => e.radiation === "none" || e.radiationSide !== null, { message: "Say which side the pain spreads to.", path: ["radiationSide"] })
  .refine((e) => e.pregnant || e.pregnancyWeeks === null, { message: "Weeks of pregnancy only when pregnant.", path: ["pregnancyWeeks"] })
  .refine((e) => e.onsetDate <= e.intakeOn, { message: "The pain began after the intake date.", path: ["onsetDate"] });

const screenSchema = z.object({
  id: z.string(),
  answers: z.record(z.string(), z.boolean()),
  outcome: z.enum(["clear", "stop"]),
  positives: z.array(z.string()),
  emergency: z.boolean(),
  actions: z.array(z.object({ category: z.string(), urgency: z.string(), action: z.string() })),
  raised: z.array(
    z.object({ id: z.string(), category: z.string(), label: z.string(), weakAlone: z.boolean(), raisedBy: z.string() }),
  ),
  acknowledgementReasons: z.array(z.object({ id: z.string(), label: z.string() })).nullable(),
  resolution: z.enum(["referred", "justified", "acknowledged"]).nullable(),
  resolutionNote: z.string().nullable(),
  acknowledgement: z.object({ reasonId: z.string(), safetyNetted: z.boolean() }).nullable(),
  ageYears: z.number().nullable(),
  resolvedAt: z.string().nullable(),
  createdAt: z.string(),
  correctsId: z.string().nullable(),
  correctionReason: z.string().nullable(),
});

const episodeSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  intakeOn: z.string(),
  onsetDate: z.string(),
  location: z.string(),
  radiation: z.string(),
  radiationSide: z.string().nullable(),
  priorEpisodes: z.boolean(),
  spinalSurgery: z.boolean(),
  pregnant: z.boolean(),
  pregnancyWeeks: z.number().nullable(),
  workStatus: z.string(),
  notes: z.string().nullable(),
  tcmPatterns: z.array(z.string()),
  tongue: z.string().nullable(),
  pulse: z.string().nullable(),
  systemicCause: z.boolean(),
  icd10Code: z.string().nullable(),
  createdAt: z.string(),
  enteredInError: z.boolean(),
  revisedAt: z.string().nullable(),
  duration: z.object({ weeks: z.number(), days: z.number(), durationClass: z.enum(["acute", "subacute", "chronic"]) }).nullable(),
  latestScreen: screenSchema.nullable(),
  carePath: z.object({
    canStartPlan: z.boolean(),
    reason: z.string(),
    emergency: z.boolean().optional(),
    actions: z.array(z.string()).optional(),
  }),
});

const today = () => calendarDateOf(new Date());

const icd10 = { code: z.string(), title: z.string() };
const diagnosisSchema = z.object({
  episodeId: z.string(),
  icd10Code: z.string().nullable(),
  systemicCause: z.boolean(),
  inForce: z.object({ ...icd10, rule: z.string() }),
  choices: z.array(z.object({ ...icd10, suggested: z.boolean(), contradiction: z.string().nullable() })),
});
const episodeIdParam = z.object({ episodeId: z.uuid("Not an episode id.") });

export function episodeRoutes(app: FastifyInstance, { db }: RouteContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["intake"];

  api.get(
    "/api/v1/red-flags",
    {
      schema: {
        tags,
        summary: "The red-flag questions and what each category calls for (AHCPR 1994; NICE/CKS)",
        response: {
          200: z.object({
            flags: z.array(z.object({ id: z.string(), category: z.string(), label: z.string() })),
            actions: z.record(z.string(), z.object({ urgency: z.string(), action: z.string() })),
          }),
        },
      },
    },
    async () => ({ flags: [...RED_FLAGS], actions: RED_FLAG_ACTIONS }),
  );

  api.get(
    "/api/v1/patients/:patientId/episodes",
    {
      preHandler: requireSession,
      schema: { tags, summary: "A patient's back-pain episodes with duration, latest red-flag screen and whether a plan may start", params: patientIdParam, response: { 200: z.array(episodeSchema), ...problemResponses } },
    },
    async (request, reply) => sendOutcome(reply, await episodesOf(db, actorOf(request), request.params.patientId, today())),
  );

  api.post(
    "/api/v1/patients/:patientId/episodes",
    {
      preHandler: requireSession,
      schema: { tags, summary: "Start a back-pain episode (intake): a new course of care; earlier episodes are kept and the newest intake is the current one", params: patientIdParam, body: episodeInput, response: { 201: episodeSchema, ...problemResponses } },
    },
    async (request, reply) => sendOutcome(reply, await startEpisode(db, actorOf(request), request.params.patientId, request.body, today()), 201),
  );

  api.get(
    "/api/v1/episodes/:episodeId/diagnosis",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "The episode's billing diagnosis: the ICD-10 code in force with its rule, and the picker's codes (the suggestion marked, those the record contradicts with the reason)",
        params: episodeIdParam,
        response: { 200: diagnosisSchema, ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, await episodeDiagnosis(db, actorOf(request), request.params.episodeId)),
  );

  api.put(
    "/api/v1/episodes/:episodeId/diagnosis",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Choose the ICD-10 code (null: use the suggestion) and record whether the pain has a systemic cause; changing an earlier choice needs a reason",
        params: episodeIdParam,
        body: z.object({
          icd10Code: z.string().trim().max(10).nullable(),
          systemicCause: z.boolean(),
          reason: z.string().trim().max(TEXT_LIMITS.diagnosisReason).nullish().transform((v) => v || null),
        }),
        response: { 200: diagnosisSchema, ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, await chooseEpisodeDiagnosis(db, actorOf(request), request.params.episodeId, request.body)),
  );

  api.post(
    "/api/v1/episodes/:episodeId/red-flag-screens",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Record a red-flag screen: every question answered true or false (the age question is derived)",
        params: episodeIdParam,
        body: z.object({ answers: z.record(z.string(), z.boolean()) }),
        response: { 201: episodeSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      sendOutcome(reply, await screenEpisode(db, actorOf(request), request.params.episodeId, request.body.answers, today()), 201),
  );

  api.post(
    "/api/v1/red-flag-screens/:screenId/resolution",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Record the referral after a positive screen, or acknowledge a lone weak flag with a listed reason",
        description:
          "A referral (kind `referred`) resolves any positive screen; its note says where and when the patient was referred, or who already assessed the finding. " +
          "Only a screen whose single positive flag is weak alone (age, night pain, no improvement after a month) may be acknowledged (kind `acknowledged`) with one of the screen's `acknowledgementReasons` and the safety-net confirmed; anything else answers 409 RED_FLAG_NOT_ACKNOWLEDGEABLE. See decision record 0011.",
        params: z.object({ screenId: z.uuid() }),
        body: z.discriminatedUnion("kind", [
          z.object({
            kind: z.literal("referred"),
            note: z.string().trim().min(10, "Say where and when the patient was referred, or who assessed them, in at least a sentence.").max(TEXT_LIMITS.redFlagNote),
          }),
          z.object({
            kind: z.literal("acknowledged"),
            reasonId: z.string().min(1, "Choose a reason."),
            safetyNetted: z.boolean(),
            note: z.string().trim().max(TEXT_LIMITS.redFlagNote).nullish().transform((v) => v || null),
          }),
        ]),
        response: { 200: episodeSchema, ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, await resolveScreen(db, actorOf(request), request.params.screenId, request.body, today())),
  );

  api.post(
    "/api/v1/episodes/:episodeId/corrections",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Correct the intake answers with a reason (the whole intake as it should stand), or mark the episode entered in error; the intake as first entered is kept",
        params: episodeIdParam,
        body: correctionBody(episodeInput),
        response: { 201: revisedSchema, ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, await correctEpisode(db, actorOf(request), request.params.episodeId, request.body), 201),
  );

  api.get(
    "/api/v1/episodes/:episodeId/revisions",
    {
      preHandler: requireSession,
      schema: { tags, summary: "An episode's intake corrections, with the values before and after each", params: episodeIdParam, response: { 200: z.array(revisionSchema), ...problemResponses } },
    },
    async (request, reply) => sendOutcome(reply, await episodeRevisions(db, actorOf(request), request.params.episodeId)),
  );

  api.post(
    "/api/v1/red-flag-screens/:screenId/corrections",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Correct the answers of the latest red-flag screen with a reason: recorded as a new screen naming the one it corrects, so the gate runs again",
        params: z.object({ screenId: z.uuid("Not a red-flag screen id.") }),
        body: z.object({ answers: z.record(z.string(), z.boolean()), reason: correctionReason }),
        response: { 201: episodeSchema, ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, await correctScreen(db, actorOf(request), request.params.screenId, request.body, today()), 201),
  );
}
