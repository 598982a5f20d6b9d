import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { removeOwnDemoClinic } from "../../services/demoClinicRemoval.ts";
import { actorOf, requireSession, SESSION_COOKIE } from "../authentication.ts";
import { sendFailure } from "../problem.ts";
import { problemResponses, type RouteContext } from "../routeContext.ts";

export function clinicRoutes(app: FastifyInstance, { db }: RouteContext) {
  app.withTypeProvider<ZodTypeProvider>().delete(
    "/api/v1/clinic",
    {
      preHandler: requireSession,
      schema: {
        tags: ["clinic"],
        summary: "Remove the demo clinic with all its synthetic staff, patients and records (the demo clinic's owner only)",
        description:
          "Only the clinic marked as the demo can be removed; any other answers 409 NOT_THE_DEMO_CLINIC and nothing changes. " +
          "`confirmName` must be the clinic's name exactly. The removal is recorded outside the clinic (clinic_removals) and signs everyone out of it.",
        body: z.object({ confirmName: z.string().max(200) }),
        response: { 200: z.object({ clinicName: z.string(), rowsRemoved: z.record(z.string(), z.number()) }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const session = request.session!;
      const removal = await removeOwnDemoClinic(db, actorOf(request), request.body.confirmName, `${session.email} (owner, from the app)`);
      if (!removal.ok) return sendFailure(reply, removal);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      request.log.info({ rows: Object.values(removal.value.rowsRemoved).reduce((a, b) => a + b, 0) }, "demo clinic removed");
      return reply.send(removal.value);
    },
  );
}
