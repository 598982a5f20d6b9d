/**
 * Serves the built React app (vite build → dist/web) and answers unknown
 * non-API GETs with index.html so client-side routes survive a reload.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, sep } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { preloadTags, readManifest } from "./preloads.ts";

export async function serveWebApp(app: FastifyInstance, webDir: string): Promise<(request: FastifyRequest, reply: FastifyReply) => boolean> {
  const built = existsSync(join(webDir, "index.html"));
  if (built) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: false,
      cacheControl: false,
      // scripts/precompress-web.mjs writes .br and .gz beside each asset at build time.
      preCompressed: true,
      // The build keeps source maps for whoever debugs the server (vite's "hidden" maps: no link to them in the scripts); they are never served.
      allowedPath: (path) => !path.endsWith(".map"),
      // Vite names built assets by their content hash, so they never change under a name; anything else may.
      setHeaders: (res, path) => res.header("cache-control", path.includes(`${sep}assets${sep}`) ? "public, max-age=31536000, immutable" : "no-cache"),
    });
  }
  // The shell for a guide page names the guide's chunks, so they download beside the entry (./preloads.ts).
  const manifest = built ? readManifest(webDir) : null;
  const shell = built ? readFileSync(join(webDir, "index.html"), "utf8") : "";
  const shells = new Map<string, string>();
  const shellFor = (path: string): string | null => {
    const tags = manifest ? preloadTags(manifest, path) : "";
    if (!tags) return null;
    if (!shells.has(tags)) shells.set(tags, shell.replace("</head>", `${tags}\n  </head>`));
    return shells.get(tags)!;
  };
  /** Returns true when it answered the request with the app shell. */
  return (request, reply) => {
    // A missing asset (or a source map) is a 404, not the app's shell.
    const wantsPage = request.method === "GET" && !request.url.startsWith("/api/") && !request.url.startsWith("/fhir/") && !request.url.startsWith("/assets/");
    if (!wantsPage) return false;
    const withPreloads = built ? shellFor(request.url.split("?")[0]!) : null;
    if (withPreloads) {
      void reply.header("cache-control", "no-cache").type("text/html; charset=utf-8").send(withPreloads);
    } else if (built) {
      void reply.header("cache-control", "no-cache").sendFile("index.html");
    } else {
      void reply
        .code(503)
        .type("text/plain; charset=utf-8")
        .send("The web app is not built yet. Run `npm run build:web` (or `npm start`, which builds it), then reload.");
    }
    return true;
  };
}
