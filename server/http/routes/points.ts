/**
 * The acupoint atlas, public: no sign-in, no patient data. Points resolve by
 * any alias ("UB 23", "bl-23", "Bladder 23"); search is the same function the
 * browser runs.
 */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ATLAS } from "../../../domain/points/atlas.ts";
import { createPointSearch } from "../../../domain/points/search.ts";
import { BODY_REGIONS, MERIDIAN_CODES, NEEDLING_NOTES, NEEDLING_RESTRICTIONS } from "../../../domain/points/types.ts";
import { problemSchema, sendProblem } from "../problem.ts";

const ROLE_KINDS = [
  "back-shu",
  "front-mu",
  "five-shu",
  "yuan-source",
  "luo-connecting",
  "xi-cleft",
  "influential",
  "confluent",
  "lower he-sea",
  "crossing",
] as const;

const roleSchema = z.object({ kind: z.enum(ROLE_KINDS) }).catchall(z.unknown());

export const pointSchema = z.object({
  code: z.string(),
  meridian: z.enum(MERIDIAN_CODES).nullable(),
  number: z.number().int().nullable(),
  pinyin: z.string(),
  pinyinPlain: z.string(),
  hanzi: z.object({ traditional: z.string(), simplified: z.string() }),
  english: z.string(),
  aliases: z.array(z.string()),
  formerCodes: z.array(z.string()),
  region: z.enum(BODY_REGIONS),
  location: z.string(),
  needling: z.object({
    angle: z.enum(["perpendicular", "oblique", "transverse"]).nullable(),
    depthCun: z.object({ min: z.number(), max: z.number() }).nullable(),
    notes: z.array(z.enum(NEEDLING_NOTES)),
    /** Set when the source does not needle the point; the safety check treats needling it as a finding. */
    restriction: z.enum(NEEDLING_RESTRICTIONS).nullable(),
    source: z.object({
      from: z.enum(["TARA", "supplement"]),
      citation: z.string(),
      checked: z.enum(["CAM", "second-source"]).nullable(),
      secondSource: z.string().optional(),
    }),
  }),
  cautions: z.array(z.object({ kind: z.string(), text: z.string(), source: z.string() })),
  roles: z.array(roleSchema),
  nerves: z.array(z.string()),
  vessels: z.array(z.string()),
  indications: z.array(z.string()),
  lowBackPain: z.boolean(),
  commonForLowBackPain: z.boolean(),
  sciatica: z.boolean(),
  group: z.object({ code: z.string(), level: z.string() }).optional(),
  sources: z.array(z.string()),
});

const pointSummarySchema = pointSchema.pick({
  code: true,
  meridian: true,
  pinyin: true,
  hanzi: true,
  english: true,
  region: true,
  lowBackPain: true,
  sciatica: true,
});

const meridianSchema = z.object({
  code: z.enum(MERIDIAN_CODES),
  name: z.string(),
  fullName: z.string(),
  hanzi: z.object({ traditional: z.string(), simplified: z.string() }),
  organ: z.string().nullable(),
  paired: z.enum(MERIDIAN_CODES).nullable(),
  yinYang: z.enum(["yin", "yang"]).nullable(),
  limb: z.enum(["hand", "foot"]).nullable(),
  flow: z.string(),
  points: z.array(z.string()),
});

const search = createPointSearch(ATLAS);

export function pointRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["atlas"];

  api.get(
    "/api/v1/points",
    {
      schema: {
        tags,
        summary: "List or search acupoints (ranked when q is given)",
        querystring: z.object({
          q: z.string().max(100).optional(),
          meridian: z.enum(MERIDIAN_CODES).optional(),
          region: z.enum(BODY_REGIONS).optional(),
          role: z.enum(ROLE_KINDS).optional(),
          lowBackPain: z.enum(["true", "false"]).optional().transform((v) => (v === undefined ? undefined : v === "true")),
          limit: z.coerce.number().int().min(1).max(500).default(500),
        }),
        response: {
          200: z.object({ points: z.array(pointSummarySchema.extend({ matched: z.string().optional() })), total: z.number().int() }),
          400: problemSchema,
        },
      },
    },
    async (request) => {
      const { q, limit, ...filter } = request.query;
      if (q && q.trim()) {
        const hits = search.search(q, { limit, filter });
        return { points: hits.map((hit) => ({ ...hit.point, matched: hit.matched })), total: hits.length };
      }
      const points = search.filter(filter);
      return { points: points.slice(0, limit), total: points.length };
    },
  );

  api.get(
    "/api/v1/points/:code",
    {
      schema: {
        tags,
        summary: "One acupoint by code or any alias (UB 23, bl-23, Bladder 23, EX-HN3…)",
        params: z.object({ code: z.string().min(1).max(40) }),
        response: { 200: pointSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const point = ATLAS.resolve(request.params.code);
      if (!point) return sendProblem(reply, "POINT_NOT_FOUND", `Nothing answers to "${request.params.code.slice(0, 40)}".`);
      return point;
    },
  );

  api.get(
    "/api/v1/meridians",
    { schema: { tags, summary: "The 14 channels with their points in order", response: { 200: z.array(meridianSchema) } } },
    async () => [...ATLAS.meridians],
  );
}
