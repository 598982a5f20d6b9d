import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { calendarFeedsOf, createCalendarFeed, readCalendarFeed, revokeCalendarFeed } from "../../services/calendarFeeds.ts";
import { actorOf, requireSession } from "../authentication.ts";
import { problemSchema } from "../problem.ts";
import { problemResponses, sendOutcome, type RouteContext } from "../routeContext.ts";

const feedSchema = z.object({
  id: z.string(),
  practitionerId: z.string(),
  practitionerName: z.string(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  lastFetchedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export function calendarFeedRoutes(app: FastifyInstance, { db, config }: RouteContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["scheduling"];

  api.get(
    "/api/v1/calendar-feeds",
    { preHandler: requireSession, schema: { tags, summary: "Calendar feeds, live first: all of the clinic's for owners, one's own for practitioners; never their addresses", response: { 200: z.array(feedSchema), ...problemResponses } } },
    async (request, reply) => sendOutcome(reply, await calendarFeedsOf(db, actorOf(request))),
  );

  api.post(
    "/api/v1/practitioners/:practitionerId/calendar-feed",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Make a practitioner's calendar feed (practitioners for themselves, owners for anyone); its secret address is in this answer only",
        params: z.object({ practitionerId: z.uuid("Not a practitioner id.") }),
        response: { 201: z.object({ feed: feedSchema, path: z.string(), url: z.string() }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const outcome = await createCalendarFeed(db, actorOf(request), request.params.practitionerId);
      if (!outcome.ok) return sendOutcome(reply, outcome);
      const path = `/ical/${outcome.value.token}.ics`;
      // The calendar app fetches it from elsewhere: the configured public address, else the one this request came to.
      const url = new URL(path, config.publicUrl ?? `${request.protocol}://${request.host}`).href;
      return sendOutcome(reply, { ok: true, value: { feed: outcome.value.feed, path, url } }, 201);
    },
  );

  api.post(
    "/api/v1/calendar-feeds/:feedId/revoke",
    {
      preHandler: requireSession,
      schema: { tags, summary: "Revoke a calendar feed at once: its address answers 410 from now on", params: z.object({ feedId: z.uuid("Not a feed id.") }), response: { 200: feedSchema, ...problemResponses } },
    },
    async (request, reply) => sendOutcome(reply, await revokeCalendarFeed(db, actorOf(request), request.params.feedId)),
  );

  api.get(
    "/ical/:file",
    {
      // A calendar app has no session: the secret in the address is the key, and a guesser is slowed like at the report links.
      config: { withoutSession: true, rateLimit: { max: 60, timeWindow: "1 minute" } },
      schema: {
        tags,
        summary: "A practitioner's appointments as iCalendar (RFC 5545), 30 days back to 180 ahead, for their calendar app",
        description: "Each event shows the appointment type, the patient's initials and record number, and the room: never a full name or clinical detail.",
        params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{43}\.ics$/, "Not a calendar feed.") }),
        response: { 200: z.string().describe("text/calendar"), 400: problemSchema, 404: problemSchema, 410: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      const outcome = await readCalendarFeed(db, request.params.file.slice(0, -".ics".length), request.ip, new Date());
      if (!outcome.ok) return sendOutcome(reply, outcome);
      // Initials and record numbers: no shared cache may keep a copy. The text goes out as it is, not as a JSON string.
      return reply
        .code(200)
        .type("text/calendar; charset=utf-8")
        .header("cache-control", "private, no-store")
        .header("content-disposition", 'inline; filename="acuback.ics"')
        .serializer((text: unknown) => String(text))
        .send(outcome.value.text);
    },
  );
}
