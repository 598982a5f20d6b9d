/**
 * Sign-in sessions (in this code a "session" is always a sign-in; the clinical
 * encounter is a visit) and server-side session state. The browser holds only a random token in an
 * HttpOnly cookie; the database holds its SHA-256, the user, and the CSRF token
 * that unsafe requests must echo in a header.
 */
import { createHash, randomBytes } from "node:crypto";
import type { ClinicId, UserId } from "../../domain/shared/brand.ts";
import type { Database, Queryable } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { findTwoFactorCredential } from "../db/repositories/twoFactorCredentials.ts";
import { findUserByEmail } from "../db/repositories/users.ts";
import {
  deleteSession,
  findLiveSession,
  insertSession,
  touchSession,
  type SessionRecord,
} from "../db/repositories/signInSessions.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import { decoyPasswordHash, verifyPassword } from "./passwords.ts";

export interface SessionPolicy {
  /** Hard limit from sign-in. */
  absoluteHours: number;
  /** Signed out after this long without a request (a shared clinic workstation left open). */
  idleMinutes: number;
}

export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface NewSession {
  token: string;
  session: SessionRecord;
}

/**
 * Checks the password. An account with two-factor sign-in on gets a session
 * that only awaits its second step (`awaitingSecondFactor`, a few minutes
 * long: services/secondFactorSignIn.ts); any other gets a full session.
 */
export async function signIn(
  db: Database,
  credentials: { email: string; password: string },
  policy: SessionPolicy,
  ip: string | null,
): Promise<Outcome<NewSession>> {
  const user = await findUserByEmail(db, credentials.email);
  const matches = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), credentials.password);
  if (!user || !matches || !user.active) {
    if (user) {
      await appendAuditEvent(db, {
        clinicId: user.clinicId,
        userId: user.id,
        action: "login_failed",
        entity: "session",
        ip,
        detail: { reason: user.active ? "password" : "inactive" },
      });
    }
    return fail("INVALID_CREDENTIALS");
  }
  const credential = await findTwoFactorCredential(db, user.clinicId, user.id);
  if (credential?.confirmedAt) {
    return ok(await startSession(db, user, { ...policy, absoluteHours: SECOND_STEP_MINUTES / 60 }, { awaitingSecondFactor: true }));
  }
  return ok(await db.transaction((tx) => startSession(tx, user, policy, { ip })));
}

/** How long a right password waits for its second step before the sign-in starts again. */
export const SECOND_STEP_MINUTES = 5;

/**
 * A new session with its own random token and CSRF token. A full one is
 * audited as the sign-in (with `detail`, e.g. which second factor); one
 * awaiting its second step is not, since its sign-in is not yet done.
 */
export async function startSession(
  q: Queryable,
  user: { id: UserId; clinicId: ClinicId },
  policy: SessionPolicy,
  options: { awaitingSecondFactor: true } | { ip: string | null; detail?: Record<string, string | number> },
): Promise<NewSession> {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + policy.absoluteHours * 3_600_000);
  const awaitingSecondFactor = "awaitingSecondFactor" in options;
  await insertSession(q, { tokenHash: tokenHash(token), userId: user.id, clinicId: user.clinicId, csrfToken, expiresAt, awaitingSecondFactor });
  if (!("awaitingSecondFactor" in options)) {
    await appendAuditEvent(q, { clinicId: user.clinicId, userId: user.id, action: "login", entity: "session", ip: options.ip, ...(options.detail && { detail: options.detail }) });
  }
  const session = await findLiveSession(q, tokenHash(token), policy.idleMinutes);
  return { token, session: session! };
}

/**
 * How stale the idle timer may get before a request slides it: a quarter of
 * the idle window, at most a minute. Sliding on every request would write on
 * every request; sliding once a minute would end a 1-minute idle setting's
 * sessions while they are in use. With a quarter, someone active at least
 * every three quarters of the window is never signed out.
 */
export const slideAfterMs = (idleMinutes: number) => Math.min(60_000, (idleMinutes * 60_000) / 4);

/** The session behind a cookie token, sliding its idle timer (see slideAfterMs). */
export async function resumeSession(db: Database, token: string, policy: SessionPolicy): Promise<SessionRecord | null> {
  const hash = tokenHash(token);
  const session = await findLiveSession(db, hash, policy.idleMinutes);
  if (session && Date.now() - session.lastSeenAt.getTime() > slideAfterMs(policy.idleMinutes)) await touchSession(db, hash);
  return session;
}

export async function signOut(db: Database, token: string, session: SessionRecord, ip: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    await deleteSession(tx, tokenHash(token));
    await appendAuditEvent(tx, {
      clinicId: session.clinicId,
      userId: session.userId,
      action: "logout",
      entity: "session",
      ip,
    });
  });
}
