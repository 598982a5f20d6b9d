/**
 * The embedded database belongs to one process: while `acuback serve` runs,
 * no other command may open its data directory (dataDirLock.ts). So that an
 * administrator can still take a backup, reset a password, clear a second
 * factor or check the audit chain (`acuback audit verify`, e.g. from cron)
 * then, the server
 * answers a few commands on a Unix socket inside the data directory. Only
 * someone who can already read the data directory can reach it (the socket
 * is the owner's alone), and it never listens on the network.
 */
import { chmodSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import type { Database } from "../db/database.ts";
import { backupBytes } from "../backup/backupFile.ts";
import { findClinicByNameOrId, listClinics } from "../db/repositories/clinics.ts";
import { AccountChangeRefused, resetAccountTwoFactor, setAccountPassword } from "../services/accountAdministration.ts";
import { checkClinicChains } from "../services/auditChainCheck.ts";

const SOCKET_NAME = "acuback.sock";
/** sun_path holds 108 bytes on Linux, with the terminating NUL. */
const SOCKET_PATH_MAX = 107;

export function controlSocketPath(dataDir: string): string {
  return join(dataDir, SOCKET_NAME);
}

export function controlSocketUsable(dataDir: string): boolean {
  return Buffer.byteLength(controlSocketPath(dataDir)) <= SOCKET_PATH_MAX;
}

/** Starts answering on the socket; resolves to a function that stops it. Null when the path is too long for a socket. */
export async function startControlSocket(dataDir: string, db: Database): Promise<(() => Promise<void>) | null> {
  if (!controlSocketUsable(dataDir)) return null;
  const path = controlSocketPath(dataDir);
  // This process holds the directory's lock, so a socket file left there is from a process that died.
  rmSync(path, { force: true });
  const server = createServer((request, response) => {
    answer(db, request, response).catch(() => response.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(path, () => resolve());
  });
  chmodSync(path, 0o600);
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
}

async function answer(db: Database, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method === "POST" && request.url === "/backup") {
    response.writeHead(200, { "content-type": "application/gzip" });
    // A failure part-way destroys the response, and the client then discards its partial file.
    await pipeline(backupBytes(db), response);
    return;
  }
  if (request.method === "POST" && request.url === "/set-password") {
    const body = JSON.parse(await readBody(request)) as { email?: unknown; password?: unknown };
    if (typeof body.email !== "string" || typeof body.password !== "string") return reply(response, 400, { error: "email and password are required" });
    try {
      return reply(response, 200, { email: await setAccountPassword(db, body.email, body.password) });
    } catch (error) {
      if (error instanceof AccountChangeRefused) return reply(response, 400, { error: error.message });
      throw error;
    }
  }
  if (request.method === "POST" && request.url === "/audit-verify") {
    const body = JSON.parse((await readBody(request)) || "{}") as { clinic?: unknown };
    const named = typeof body.clinic === "string" ? body.clinic : null;
    const clinic = named === null ? null : await findClinicByNameOrId(db, named);
    if (named !== null && !clinic) return reply(response, 422, { error: `no clinic is named or numbered "${named}".` });
    return reply(response, 200, { clinics: await checkClinicChains(db, clinic ? [clinic] : await listClinics(db)) });
  }
  if (request.method === "POST" && request.url === "/reset-two-factor") {
    const body = JSON.parse(await readBody(request)) as { email?: unknown };
    if (typeof body.email !== "string") return reply(response, 400, { error: "email is required" });
    try {
      return reply(response, 200, await resetAccountTwoFactor(db, body.email));
    } catch (error) {
      if (error instanceof AccountChangeRefused) return reply(response, 400, { error: error.message });
      throw error;
    }
  }
  reply(response, 404, { error: `no command ${request.method} ${request.url}` });
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of request) {
    body += chunk;
    if (body.length > 64 * 1024) throw new Error("request too large");
  }
  return body;
}

function reply(response: ServerResponse, status: number, body: object): void {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}
