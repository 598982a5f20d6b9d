import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { calendarDateOf } from "../../../domain/shared/calendarDate.ts";
import { followUpsDue } from "../../services/followUps.ts";
import { actorOf, requireSession } from "../authentication.ts";
import { problemResponses, sendOutcome, type RouteContext } from "../routeContext.ts";

export function followUpRoutes(app: FastifyInstance, { db }: RouteContext) {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/follow-ups",
    {
      preHandler: requireSession,
      schema: {
        tags: ["outcomes"],
        summary: "Patients with an outcome measurement due or overdue (milestones 4, 8, 12 weeks after intake, ±7 days)",
        response: {
          200: z.array(
            z.object({
              patientId: z.string(),
              name: z.string(),
              recordNumber: z.string(),
              startedOn: z.string(),
              milestones: z.array(z.object({ week: z.number(), dueOn: z.string(), status: z.enum(["done", "due", "overdue", "upcoming"]) })),
            }),
          ),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => sendOutcome(reply, await followUpsDue(db, actorOf(request), calendarDateOf(new Date()))),
  );
}
