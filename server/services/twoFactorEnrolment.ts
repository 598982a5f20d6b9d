/**
 * A staff member's own two-factor sign-in: start enrolment (a new secret,
 * shown once as a QR code and in base32), confirm it with a current code
 * (only then is it on, and the recovery codes are made), make new recovery
 * codes, or turn it off with a current code. Every step is audited; the
 * secret and the codes never are, nor logged.
 */
import type { Database, Queryable } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { isTwoFactorRequired } from "../db/repositories/clinicTwoFactorRequirement.ts";
import { countUnusedRecoveryCodes } from "../db/repositories/recoveryCodes.ts";
import { findTwoFactorCredential, saveUnconfirmedCredential, takeTimeStep } from "../db/repositories/twoFactorCredentials.ts";
import { findUser } from "../db/repositories/users.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import type { Actor } from "./actor.ts";
import { enrolmentOf, newAuthenticatorSecret } from "./authenticatorCodes.ts";
import { qrCodeDataUrl } from "./qrCodeImage.ts";
import { issueRecoveryCodes } from "./recoveryCodeIssue.ts";
import { authenticatorStep, checkSecondFactor, type SecondFactorProof } from "./secondFactorCheck.ts";
import { clearTwoFactor } from "./twoFactorAdministration.ts";
import { sealSecret, type TwoFactorKeys } from "./twoFactorKey.ts";

export interface TwoFactorStatus {
  /** off: none; pending: started, not confirmed (not in use); on: asked at every sign-in. */
  status: "off" | "pending" | "on";
  /** Unused recovery codes, when it is on. */
  recoveryCodesLeft: number | null;
  /** The clinic requires two-factor sign-in of everyone. */
  requiredByClinic: boolean;
}

const accountOf = (actor: Actor) => ({ clinicId: actor.clinicId, userId: actor.userId });

export async function ownTwoFactorStatus(db: Database, actor: Actor): Promise<Outcome<TwoFactorStatus>> {
  const credential = await findTwoFactorCredential(db, actor.clinicId, actor.userId);
  const on = credential?.confirmedAt != null;
  return ok({
    status: on ? "on" : credential ? "pending" : "off",
    recoveryCodesLeft: on ? await countUnusedRecoveryCodes(db, actor.clinicId, actor.userId) : null,
    requiredByClinic: await isTwoFactorRequired(db, actor.clinicId),
  });
}

export interface EnrolmentStart {
  /** otpauth://totp/… : what the QR code holds. */
  otpauthUri: string;
  /** The same secret in base32, for an app that cannot scan. */
  secret: string;
  /** The QR code, drawn on this server, as an SVG data: URL. */
  qrCode: string;
}

/** A new secret awaiting confirmation (starting again replaces an unconfirmed one). Shown in this answer only. */
export async function startEnrolment(db: Database, keys: TwoFactorKeys, actor: Actor): Promise<Outcome<EnrolmentStart>> {
  const user = await findUser(db, actor.clinicId, actor.userId);
  if (!user) return fail("USER_NOT_FOUND");
  const secret = newAuthenticatorSecret();
  const saved = await db.transaction(async (tx) => {
    if (!(await saveUnconfirmedCredential(tx, actor.clinicId, actor.userId, sealSecret(keys, actor.userId, secret)))) return false;
    await appendAuditEvent(tx, { ...audited(actor), action: "create", detail: { confirmed: false } });
    return true;
  });
  if (!saved) return fail("TWO_FACTOR_ALREADY_ON");
  const enrolment = enrolmentOf(secret, user.email);
  return ok({ otpauthUri: enrolment.uri, secret: enrolment.base32, qrCode: await qrCodeDataUrl(enrolment.uri) });
}

/** Turns the started enrolment on with a current code, and makes the recovery codes (shown in this answer only). */
export async function confirmEnrolment(db: Database, keys: TwoFactorKeys, actor: Actor, code: string): Promise<Outcome<{ recoveryCodes: string[] }>> {
  const credential = await findTwoFactorCredential(db, actor.clinicId, actor.userId);
  if (!credential) return fail("TWO_FACTOR_NOT_STARTED");
  if (credential.confirmedAt) return fail("TWO_FACTOR_ALREADY_ON");
  return db.transaction(async (tx) => {
    const step = await authenticatorStep(tx, keys, accountOf(actor), code, { confirmed: false });
    // The confirming code is used up like any other, so it cannot also sign in.
    if (step === null || !(await takeTimeStep(tx, actor.clinicId, actor.userId, step, true))) return wrongCode();
    await appendAuditEvent(tx, { ...audited(actor), action: "confirm" });
    return ok({ recoveryCodes: await issueRecoveryCodes(tx, keys, { ...accountOf(actor), ip: actor.ip }) });
  });
}

/** New recovery codes in place of the old, with a current authenticator code. */
export async function renewRecoveryCodes(db: Database, keys: TwoFactorKeys, actor: Actor, code: string): Promise<Outcome<{ recoveryCodes: string[] }>> {
  return db.transaction(async (tx) => {
    const refused = await proofRefused(tx, keys, actor, { code });
    if (refused) return refused;
    return ok({ recoveryCodes: await issueRecoveryCodes(tx, keys, { ...accountOf(actor), ip: actor.ip }) });
  });
}

/** Turns one's own two-factor sign-in off with a current code (or a recovery code, when the phone is gone). */
export async function turnOffOwnTwoFactor(db: Database, keys: TwoFactorKeys, actor: Actor, proof: SecondFactorProof): Promise<Outcome<null>> {
  return db.transaction(async (tx) => {
    const refused = await proofRefused(tx, keys, actor, proof);
    if (refused) return refused;
    await clearTwoFactor(tx, actor.clinicId, actor.userId);
    await appendAuditEvent(tx, { ...audited(actor), action: "delete", detail: { by: "self", with: "recoveryCode" in proof ? "recovery_code" : "authenticator" } });
    return ok(null);
  });
}

async function proofRefused(tx: Queryable, keys: TwoFactorKeys, actor: Actor, proof: SecondFactorProof) {
  const credential = await findTwoFactorCredential(tx, actor.clinicId, actor.userId);
  if (!credential?.confirmedAt) return fail("TWO_FACTOR_NOT_ON");
  const check = await checkSecondFactor(tx, keys, accountOf(actor), proof);
  if (!check.ok) return wrongCode(check.reason === "used" ? "That code was already used; wait for the next one." : undefined, "recoveryCode" in proof ? "recoveryCode" : "code");
  if (check.by === "recovery_code") {
    await appendAuditEvent(tx, { ...audited(actor), entity: "recovery_codes", action: "use", detail: { left: check.recoveryCodesLeft } });
  }
  return null;
}

const wrongCode = (detail?: string, field: "code" | "recoveryCode" = "code") =>
  fail("CURRENT_CODE_WRONG", detail, { [field]: field === "code" ? "Not the current code." : "Not an unused recovery code of this account." });

/** The audit row's who and what: the actor's own two-factor sign-in. */
const audited = (actor: Actor) => ({
  clinicId: actor.clinicId,
  userId: actor.userId,
  entity: "two_factor" as const,
  entityId: actor.userId,
  ip: actor.ip,
});
