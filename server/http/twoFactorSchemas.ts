/** What two-factor sign-in's routes take: the authenticator's code or a recovery code. */
import { z } from "zod";
import { TOTP_CODE_PATTERN } from "../../domain/access/twoFactor.ts";

/** Six digits; apps show them as "123 456", so spaces are dropped first. */
export const authenticatorCode = z
  .string()
  .max(20)
  .transform((typed) => typed.replace(/\s/g, ""))
  .pipe(z.string().regex(TOTP_CODE_PATTERN, "Enter the 6 digits your authenticator app shows now."))
  .describe("The 6 digits the authenticator app shows now (spaces are ignored).");

/** Either the authenticator's code or a recovery code ("7KQ2M-XR4TB"), never both. */
export const secondFactorProof = z
  .object({
    code: authenticatorCode.optional(),
    recoveryCode: z.string().trim().min(1).max(40).optional().describe("One of the account's unused recovery codes, dashes and spaces optional."),
  })
  .refine((body) => (body.code === undefined) !== (body.recoveryCode === undefined), "Give either the code from your authenticator app or a recovery code.")
  .transform((body) => (body.code !== undefined ? { code: body.code } : { recoveryCode: body.recoveryCode! }));
