/** The other end of controlSocket.ts: commands the CLI hands to the server that holds the data directory. */
import { request, type IncomingMessage } from "node:http";
import { saveAtomically } from "../backup/backupFile.ts";
import type { ClinicChainCheck } from "../services/auditChainCheck.ts";
import { controlSocketPath, controlSocketUsable } from "./controlSocket.ts";

export class ServerUnreachable extends Error {
  override name = "ServerUnreachable";
}

function post(dataDir: string, path: string, body?: object): Promise<IncomingMessage> {
  if (!controlSocketUsable(dataDir)) {
    throw new ServerUnreachable(`The data directory's path is too long for the server's control socket; stop the server (or use a shorter ACUBACK_DATA_DIR) and run this again.`);
  }
  return new Promise((resolve, reject) => {
    const sent = request({ socketPath: controlSocketPath(dataDir), method: "POST", path, headers: { "content-type": "application/json" } }, resolve);
    sent.on("error", (error) =>
      reject(new ServerUnreachable(`The server holding ${dataDir} did not answer on its control socket (${(error as NodeJS.ErrnoException).code ?? error.message}). Is it an older Acuback? Stop it and run this again.`)),
    );
    sent.end(body ? JSON.stringify(body) : undefined);
  });
}

async function jsonOf<T = Record<string, string>>(response: IncomingMessage): Promise<T & { error?: string }> {
  let text = "";
  for await (const chunk of response) text += chunk;
  return JSON.parse(text) as T & { error?: string };
}

/** Has the running server write a backup, saved to `path` the same way a direct backup is; returns its size. */
export async function backupThroughServer(dataDir: string, path: string): Promise<number> {
  const response = await post(dataDir, "/backup");
  if (response.statusCode !== 200) throw new Error((await jsonOf(response)).error ?? `the server answered ${response.statusCode}`);
  return saveAtomically(path, response);
}

export async function setPasswordThroughServer(dataDir: string, email: string, password: string): Promise<string> {
  const response = await post(dataDir, "/set-password", { email, password });
  const body = await jsonOf(response);
  if (response.statusCode !== 200) throw new Error(body.error ?? `the server answered ${response.statusCode}`);
  return body.email!;
}

export async function resetTwoFactorThroughServer(dataDir: string, email: string): Promise<{ email: string; cleared: boolean }> {
  const response = await post(dataDir, "/reset-two-factor", { email });
  const body = await jsonOf<{ email: string; cleared: boolean }>(response);
  if (response.statusCode !== 200) throw new Error(body.error ?? `the server answered ${response.statusCode}`);
  return body;
}

/** Has the running server check the audit chains (every clinic's, or the one named); null when it knows no such clinic. */
export async function auditVerifyThroughServer(dataDir: string, clinic: string | null): Promise<ClinicChainCheck[] | null> {
  const response = await post(dataDir, "/audit-verify", clinic === null ? {} : { clinic });
  if (response.statusCode === 422) return null;
  const body = await jsonOf<{ clinics?: ClinicChainCheck[] }>(response);
  if (response.statusCode !== 200 || !body.clinics) throw new Error(body.error ?? `the server answered ${response.statusCode}`);
  return body.clinics;
}
