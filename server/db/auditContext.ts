/**
 * Who else stands behind a request than the user named in each audit event:
 * the API token it came with, if any. Set once per request (server/http/
 * apiTokenAuth.ts) and read by appendAuditEvent, so every event a token's
 * request makes names the token without each service passing it along.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export interface AuditContext {
  apiTokenId: string | null;
}

export const auditContext = new AsyncLocalStorage<AuditContext>();
