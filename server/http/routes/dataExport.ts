import type { FastifyInstance } from "fastify";
import { clinicExportZip } from "../../services/clinicExport.ts";
import { researchExportZip } from "../../services/researchExport.ts";
import { actorOf, requireSession } from "../authentication.ts";
import { sendFailure } from "../problem.ts";
import type { RouteContext } from "../routeContext.ts";

export function dataExportRoutes(app: FastifyInstance, { db }: RouteContext) {
  app.get(
    "/api/v1/research-export.zip",
    {
      preHandler: requireSession,
      schema: {
        tags: ["export"],
        summary: "The clinic's de-identified research export (HIPAA Safe Harbor; owners only): one zip of CSV files and their data dictionary, made fresh and audited",
      },
    },
    async (request, reply) => {
      const zip = await researchExportZip(db, actorOf(request));
      if (!zip.ok) return sendFailure(reply, zip);
      return reply
        .type("application/zip")
        .header("content-disposition", `attachment; filename="acuback-research-export.zip"`)
        .header("cache-control", "no-store")
        .send(zip.value);
    },
  );

  app.get(
    "/api/v1/clinic-export.zip",
    {
      preHandler: requireSession,
      schema: {
        tags: ["export"],
        summary: "All of the clinic's own records, identified (owners only): one zip with a CSV file per table and a data dictionary, streamed and audited",
      },
    },
    async (request, reply) => {
      const zip = await clinicExportZip(db, actorOf(request));
      if (!zip.ok) return sendFailure(reply, zip);
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .type("application/zip")
        .header("content-disposition", `attachment; filename="acuback-clinic-export-${day}.zip"`)
        .header("cache-control", "no-store")
        .send(zip.value);
    },
  );
}
