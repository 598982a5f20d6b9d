/**
 * The server's two-factor key, kept outside the database so that a copy of
 * the database (a dump, a backup, a read through a flaw, the clinic export)
 * cannot make anyone's codes: it seals each authenticator secret with
 * AES-256-GCM and keys the hash of recovery codes. From
 * ACUBACK_TWO_FACTOR_KEY, else from a file made on first start with only the
 * owner allowed to read it. With the key lost, no authenticator or recovery
 * code is accepted until owners or `acuback reset-two-factor` clear them; see
 * docs/decisions/0019-two-factor-sign-in.md.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Config } from "../config.ts";

export interface TwoFactorKeys {
  /** AES-256-GCM key for authenticator secrets. */
  sealing: Buffer;
  /** HMAC-SHA-256 key for recovery codes. */
  recoveryCodes: Buffer;
}

/** Separate keys for separate uses, derived from the one key (HKDF, RFC 5869). */
export function keysFrom(master: Buffer): TwoFactorKeys {
  const derive = (use: string) => Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), `acuback two-factor ${use}`, 32));
  return { sealing: derive("secret sealing"), recoveryCodes: derive("recovery codes") };
}

export function loadTwoFactorKeys(setting: Config["twoFactorKey"]): TwoFactorKeys {
  if (setting.key) return keysFrom(setting.key);
  let text: string | null = null;
  try {
    text = readFileSync(setting.file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  if (text === null) {
    text = randomBytes(32).toString("hex");
    mkdirSync(dirname(setting.file), { recursive: true });
    // "wx": two servers starting at once must not each write a different key.
    try {
      writeFileSync(setting.file, `${text}\n`, { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      text = readFileSync(setting.file, "utf8").trim();
    }
  }
  if (!/^[0-9a-f]{64}$/i.test(text)) throw new Error(`The two-factor key file ${setting.file} is not 64 hex digits; restore it from a backup.`);
  return keysFrom(Buffer.from(text, "hex"));
}

const VERSION = "v1";

/**
 * Seals a secret for one account. The account's id is authenticated with it,
 * so a sealed secret copied onto another account's row does not open there.
 */
export function sealSecret(keys: TwoFactorKeys, accountId: string, secret: Uint8Array): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keys.sealing, iv);
  cipher.setAAD(Buffer.from(accountId));
  const sealed = Buffer.concat([cipher.update(secret), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url")}`;
}

/** The secret, or null when it does not open under this key (another key, or tampered with). */
export function openSecret(keys: TwoFactorKeys, accountId: string, sealed: string): Uint8Array | null {
  const [version, body] = sealed.split(".");
  if (version !== VERSION || !body) return null;
  const bytes = Buffer.from(body, "base64url");
  try {
    const decipher = createDecipheriv("aes-256-gcm", keys.sealing, bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(accountId));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return new Uint8Array(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]));
  } catch {
    return null;
  }
}

/** What is stored of a recovery code: an HMAC under the server's key, bound to the account. */
export function recoveryCodeHash(keys: TwoFactorKeys, accountId: string, normalisedCode: string): string {
  return createHmac("sha256", keys.recoveryCodes).update(`${accountId}:${normalisedCode}`).digest("hex");
}
