/** The clinic's referral contacts: saved directory entries with a note and how the directory stands on them now. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { TEXT_LIMITS } from "../../../domain/plausibility/textLimits.ts";
import { ENTITY_TYPES } from "../../../domain/directory/provider.ts";
import { SNAPSHOT_FIELDS } from "../../../domain/directory/referralSnapshot.ts";
import { changeReferralContact, referralContactsOf, removeReferralContact, saveReferralContact } from "../../services/referralContacts.ts";
import { actorOf, requireSession } from "../authentication.ts";
import { problemResponses, sendOutcome, type RouteContext } from "../routeContext.ts";

const note = z
  .string()
  .trim()
  .max(TEXT_LIMITS.referralNote)
  .nullish()
  .transform((v) => v || null);

const snapshotSchema = z.object({
  npi: z.string(),
  entity: z.enum(ENTITY_TYPES),
  name: z.string(),
  credential: z.string().nullable(),
  license: z.object({ number: z.string().nullable(), state: z.string().nullable() }),
  address: z.object({ line1: z.string(), line2: z.string().nullable(), city: z.string(), state: z.string().nullable(), postalCode: z.string().nullable() }),
  phone: z.string().nullable(),
  lastUpdateDate: z.string().nullable(),
});

const contactSchema = z.object({
  id: z.string(),
  snapshot: snapshotSchema,
  note: z.string().nullable(),
  savedBy: z.string().nullable(),
  savedByName: z.string().nullable(),
  savedAt: z.string(),
  directory: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("unchanged") }),
    z.object({ kind: z.literal("gone") }),
    z.object({
      kind: z.literal("changed"),
      changes: z.array(z.object({ field: z.enum(SNAPSHOT_FIELDS), saved: z.string().nullable(), now: z.string().nullable() })),
      current: snapshotSchema,
    }),
  ]),
});

const idParam = z.object({ contactId: z.uuid() });

export function referralContactRoutes(app: FastifyInstance, { db }: RouteContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["referrals"];

  api.get(
    "/api/v1/referral-contacts",
    {
      preHandler: requireSession,
      schema: { tags, summary: "The clinic's referral contacts, each with how its directory entry stands now (unchanged, changed or gone)", response: { 200: z.array(contactSchema), ...problemResponses } },
    },
    async (request, reply) => sendOutcome(reply, await referralContactsOf(db, actorOf(request))),
  );

  api.post(
    "/api/v1/referral-contacts",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Save a directory entry (by NPI) as a referral contact, with an optional note; its name, address and phone are kept as they are now (owners, practitioners)",
        body: z.object({ npi: z.string().trim().regex(/^\d{10}$/, "An NPI is 10 digits."), note }),
        response: { 201: contactSchema, ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, await saveReferralContact(db, actorOf(request), request.body), 201),
  );

  api.patch(
    "/api/v1/referral-contacts/:contactId",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Change a contact's note, or take the directory's current details after a change (owners, practitioners)",
        params: idParam,
        body: z
          .object({ note: note.optional(), takeCurrentDetails: z.boolean().optional() })
          .refine((b) => b.note !== undefined || b.takeCurrentDetails === true, "Give a note or takeCurrentDetails: true."),
        response: { 200: contactSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      sendOutcome(reply, await changeReferralContact(db, actorOf(request), request.params.contactId, { note: request.body.note, takeCurrent: request.body.takeCurrentDetails })),
  );

  api.delete(
    "/api/v1/referral-contacts/:contactId",
    { preHandler: requireSession, schema: { tags, summary: "Remove a referral contact (audited; owners, practitioners)", params: idParam, response: { 204: z.null(), ...problemResponses } } },
    async (request, reply) => {
      const outcome = await removeReferralContact(db, actorOf(request), request.params.contactId);
      return outcome.ok ? reply.code(204).send(null) : sendOutcome(reply, outcome);
    },
  );
}
