/**
 * The second step of signing in, for an account with two-factor sign-in on:
 * the session that awaits it (made when the password was right) is replaced
 * by a full session with new tokens, so nothing learnt before the code was
 * given (its cookie or CSRF token) carries over. A wrong code is audited as a
 * failed sign-in; the route also counts it toward the sign-in limits.
 */
import type { Database } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { deleteSession, type SessionRecord } from "../db/repositories/signInSessions.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import { checkSecondFactor, type SecondFactorProof } from "./secondFactorCheck.ts";
import { startSession, tokenHash, type NewSession, type SessionPolicy } from "./signInSessions.ts";
import type { TwoFactorKeys } from "./twoFactorKey.ts";

export async function completeSignIn(
  db: Database,
  keys: TwoFactorKeys,
  awaiting: { token: string; session: SessionRecord },
  proof: SecondFactorProof,
  policy: SessionPolicy,
  ip: string | null,
): Promise<Outcome<NewSession & { recoveryCodesLeft: number | null }>> {
  const { clinicId, userId } = awaiting.session;
  return db.transaction(async (tx) => {
    const check = await checkSecondFactor(tx, keys, { clinicId, userId }, proof);
    if (!check.ok) {
      await appendAuditEvent(tx, { clinicId, userId, action: "login_failed", entity: "session", ip, detail: { reason: check.reason === "used" ? "code_reused" : "second_factor" } });
      return fail(check.reason === "used" ? "SECOND_FACTOR_CODE_USED" : "SECOND_FACTOR_WRONG");
    }
    await deleteSession(tx, tokenHash(awaiting.token));
    if (check.by === "recovery_code") {
      await appendAuditEvent(tx, { clinicId, userId, action: "use", entity: "recovery_codes", entityId: userId, ip, detail: { left: check.recoveryCodesLeft } });
    }
    const started = await startSession(tx, { id: userId, clinicId }, policy, { ip, detail: { secondFactor: check.by } });
    return ok({ ...started, recoveryCodesLeft: check.by === "recovery_code" ? check.recoveryCodesLeft : null });
  });
}
