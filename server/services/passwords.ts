/**
 * Password hashing with argon2id (the @node-rs/argon2 default; RFC 9106 names
 * it the recommended variant). Parameters are the library's defaults
 * (19 MiB, 2 passes), which match OWASP's password storage guidance.
 */
import { hash, verify } from "@node-rs/argon2";

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a random password, verified against when the e-mail is unknown, so
 * a wrong e-mail takes as long as a wrong password and does not reveal which
 * accounts exist.
 */
let decoyHash: Promise<string> | null = null;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hash(crypto.randomUUID());
  return decoyHash;
}
