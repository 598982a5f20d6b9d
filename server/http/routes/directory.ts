/**
 * The public directory: no sign-in, rate-limited per client address, and the
 * response schema lets nothing out but NPPES's public provider fields.
 */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ENTITY_TYPES } from "../../../domain/directory/provider.ts";
import { PAGE_SIZE, RADIUS_MILES, searchZip } from "../../../domain/directory/search.ts";
import { searchDirectory } from "../../services/directory.ts";
import { problemSchema } from "../problem.ts";
import type { RouteContext } from "../routeContext.ts";
import { sendOutcome } from "../routeContext.ts";

const licenseSchema = z.object({ number: z.string().nullable(), state: z.string().nullable(), primary: z.boolean() });

const addressSchema = z.object({ line1: z.string(), line2: z.string().nullable(), city: z.string(), state: z.string().nullable(), postalCode: z.string().nullable() });

const resultSchema = z.object({
  npi: z.string(),
  entity: z.enum(ENTITY_TYPES),
  name: z.string(),
  credential: z.string().nullable(),
  license: licenseSchema,
  licenses: z.array(licenseSchema),
  address: addressSchema,
  phone: z.string().nullable(),
  /** Distance of the location the provider was found by (matchedLocation). */
  miles: z.number(),
  matchedLocation: z.enum(["practice", "secondary"]),
  practiceMiles: z.number().nullable(),
  bearing: z.number(),
  secondaryLocations: z.array(
    z.object({ address: addressSchema, phone: z.string().nullable(), miles: z.number().nullable(), matched: z.boolean(), locationApproximate: z.boolean() }),
  ),
  locationApproximate: z.boolean(),
  lastUpdateDate: z.string().nullable(),
  registryUrl: z.string(),
  stateBoard: z.object({ state: z.string(), stateName: z.string().nullable(), lookupUrl: z.string().nullable(), source: z.string().nullable(), advice: z.string() }),
});

const answerSchema = z.object({
  centre: z.object({ latitude: z.number(), longitude: z.number(), zip: z.string().nullable() }),
  radiusMiles: z.number(),
  total: z.number().int(),
  results: z.array(resultSchema),
  directory: z.object({ providers: z.number().int(), lastImport: z.object({ fileName: z.string(), finishedAt: z.string() }).nullable() }),
});

const querySchema = z
  .object({
    zip: z.string().max(10).optional().refine((v) => v === undefined || searchZip(v) !== null, "A ZIP is five digits, e.g. 98101."),
    latitude: z.coerce.number().min(-90).max(90).optional(),
    longitude: z.coerce.number().min(-180).max(180).optional(),
    radius_miles: z.coerce
      .number()
      .min(RADIUS_MILES.min, `The radius is ${RADIUS_MILES.min} to ${RADIUS_MILES.max} miles.`)
      .max(RADIUS_MILES.max, `The radius is ${RADIUS_MILES.min} to ${RADIUS_MILES.max} miles.`)
      .default(RADIUS_MILES.default),
    entity: z.enum(ENTITY_TYPES).optional(),
    name: z.string().trim().max(80).optional(),
    limit: z.coerce.number().int().min(1).max(PAGE_SIZE.max).default(PAGE_SIZE.default),
    offset: z.coerce.number().int().min(0).max(10_000).default(0),
  })
  .refine((q) => q.zip !== undefined || (q.latitude !== undefined && q.longitude !== undefined), { message: "Give a ZIP, or a latitude and a longitude.", path: ["zip"] });

export function directoryRoutes(app: FastifyInstance, { db }: RouteContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    "/api/v1/directory/search",
    {
      config: { withoutSession: true, rateLimit: { max: 120, timeWindow: "1 minute" } },
      schema: {
        tags: ["directory"],
        summary:
          "Public: acupuncturists (NPPES taxonomy 171100000X) with a practice location (main address or a secondary location from the pl_pfile) within radius_miles (5–100) of a ZIP or a point, nearest first, with verification links",
        querystring: querySchema,
        response: { 200: answerSchema, 400: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      const { zip, latitude, longitude, radius_miles, entity, name, limit, offset } = request.query;
      return sendOutcome(
        reply,
        await searchDirectory(db, {
          ...(zip !== undefined ? { zip: searchZip(zip)! } : { near: { latitude: latitude!, longitude: longitude! } }),
          radiusMiles: radius_miles,
          limit,
          offset,
          ...(entity && { entity }),
          ...(name && { name }),
        }),
      );
    },
  );
}
