/**
 * API tokens an owner gives other systems (issue 14): named, scoped, shown
 * once, stored only as a SHA-256, revocable. Creating and revoking are
 * audited; so is every use, through the audit events of what the token did.
 */
import { randomBytes } from "node:crypto";
import type { ApiTokenScope } from "../../domain/access/apiTokens.ts";
import type { Database } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { findApiToken, insertApiToken, listApiTokens, revokeApiToken, useApiToken, type ApiToken, type TokenHolder } from "../db/repositories/apiTokens.ts";
import { isUniqueViolation } from "../db/repositories/rows.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";
import { tokenHash } from "./signInSessions.ts";

/** Tokens start with this, so a leaked one is recognisable (and secret scanners can look for it). */
export const TOKEN_PREFIX = "acb_";

export async function createApiToken(
  db: Database,
  actor: Actor,
  request: { name: string; scope: ApiTokenScope },
): Promise<Outcome<{ token: string; apiToken: ApiToken }>> {
  const refused = denied(actor, "apiTokens.manage");
  if (refused) return refused;
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  try {
    return await db.transaction(async (tx) => {
      const id = await insertApiToken(tx, actor.clinicId, {
        name: request.name,
        scope: request.scope,
        tokenHash: tokenHash(token),
        tokenPrefix: token.slice(0, TOKEN_PREFIX.length + 6),
        createdBy: actor.userId,
      });
      await appendAuditEvent(tx, { clinicId: actor.clinicId, userId: actor.userId, action: "create", entity: "api_token", entityId: id, ip: actor.ip, detail: { scope: request.scope } });
      return ok({ token, apiToken: (await findApiToken(tx, actor.clinicId, id))! });
    });
  } catch (error) {
    if (isUniqueViolation(error, "api_tokens_clinic_id_name_key")) return fail("API_TOKEN_NAME_TAKEN", undefined, { name: "Another token has this name." });
    throw error;
  }
}

export async function apiTokensOf(db: Database, actor: Actor): Promise<Outcome<ApiToken[]>> {
  const refused = denied(actor, "apiTokens.manage");
  if (refused) return refused;
  return ok(await listApiTokens(db, actor.clinicId));
}

export async function revokeToken(db: Database, actor: Actor, id: string): Promise<Outcome<ApiToken>> {
  const refused = denied(actor, "apiTokens.manage");
  if (refused) return refused;
  return db.transaction(async (tx) => {
    const token = await findApiToken(tx, actor.clinicId, id);
    if (!token) return fail("API_TOKEN_NOT_FOUND");
    if (!(await revokeApiToken(tx, actor.clinicId, id, actor.userId))) return fail("API_TOKEN_NOT_FOUND", "This token is already revoked.");
    await appendAuditEvent(tx, { clinicId: actor.clinicId, userId: actor.userId, action: "delete", entity: "api_token", entityId: id, ip: actor.ip });
    return ok((await findApiToken(tx, actor.clinicId, id))!);
  });
}

/** The token's holder when the bearer token is live; null for anything else (the caller answers 401 either way). */
export async function holderOfBearer(db: Database, bearer: string): Promise<TokenHolder | null> {
  if (!bearer.startsWith(TOKEN_PREFIX) || bearer.length > 200) return null;
  return useApiToken(db, tokenHash(bearer));
}
