import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { RESEARCH_FILE_NAMES, researchExportFile } from "../../services/researchExport.ts";
import { actorOf, requireSession } from "../authentication.ts";
import { sendFailure } from "../problem.ts";
import type { RouteContext } from "../routeContext.ts";

export function dataExportRoutes(app: FastifyInstance, { db }: RouteContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    "/api/v1/research-export/:file",
    {
      preHandler: requireSession,
      schema: {
        tags: ["export"],
        summary: "One CSV file of the clinic's de-identified research export (HIPAA Safe Harbor; owners only), made fresh and audited",
        params: z.object({ file: z.enum(RESEARCH_FILE_NAMES as [string, ...string[]], `One of ${RESEARCH_FILE_NAMES.join(", ")}.`) }),
      },
    },
    async (request, reply) => {
      const file = await researchExportFile(db, actorOf(request), request.params.file);
      if (!file.ok) return sendFailure(reply, file);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="acuback-research-${request.params.file}"`)
        .header("cache-control", "no-store")
        .send(file.value);
    },
  );
}
