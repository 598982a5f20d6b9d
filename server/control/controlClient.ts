/** The other end of controlSocket.ts: commands the CLI hands to the server that holds the data directory. */
import { request, type IncomingMessage } from "node:http";
import { saveAtomically } from "../backup/backupFile.ts";
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

async function jsonOf(response: IncomingMessage): Promise<Record<string, string>> {
  let text = "";
  for await (const chunk of response) text += chunk;
  return JSON.parse(text) as Record<string, string>;
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
