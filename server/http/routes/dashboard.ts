import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { calendarDateOf } from "../../../domain/shared/calendarDate.ts";
import { dashboardOf } from "../../services/dashboard.ts";
import { actorOf, requireSession } from "../authentication.ts";
import { problemResponses, sendOutcome, type RouteContext } from "../routeContext.ts";

export function dashboardRoutes(app: FastifyInstance, { db }: RouteContext) {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/dashboard",
    {
      preHandler: requireSession,
      schema: {
        tags: ["outcomes"],
        summary: "Share of measured patients responding at 4, 8 and 12 weeks after intake, and overdue follow-ups",
        response: {
          200: z.object({
            patients: z.number().int(),
            milestones: z.array(z.object({ week: z.number(), measured: z.number().int(), responding: z.number().int(), share: z.number().nullable() })),
            overdue: z.number().int(),
          }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => sendOutcome(reply, await dashboardOf(db, actorOf(request), calendarDateOf(new Date()))),
  );
}
