/**
 * The two ways to type a second factor. The app's code: six digits, a number
 * pad on phones (inputmode), and offered by the phone's keyboard or password
 * manager where it can (autocomplete="one-time-code"). A recovery code:
 * letters and digits, never corrected or capitalised by the keyboard.
 */
import type { ApiError } from "../api.ts";
import { FieldError } from "../components/FormError.tsx";

export function AuthenticatorCodeField({ error, autoFocus = false, label = "Code from your authenticator app" }: { error: ApiError | null; autoFocus?: boolean; label?: string }) {
  return (
    <label>
      {label}
      <input
        name="code"
        className="one-time-code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]{3} ?[0-9]{3}"
        title="The 6 digits the app shows now"
        maxLength={7}
        required
        autoFocus={autoFocus}
      />
      <FieldError error={error} field="code" />
    </label>
  );
}

export function RecoveryCodeField({ error, autoFocus = false }: { error: ApiError | null; autoFocus?: boolean }) {
  return (
    <label>
      Recovery code
      <input
        name="recoveryCode"
        className="one-time-code"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        placeholder="XXXXX-XXXXX"
        maxLength={40}
        required
        autoFocus={autoFocus}
      />
      <FieldError error={error} field="recoveryCode" />
    </label>
  );
}

/** What the form holds: the app's code, or a recovery code, as the API takes it. */
export function proofOf(form: FormData): { code: string } | { recoveryCode: string } {
  const recoveryCode = form.get("recoveryCode");
  return typeof recoveryCode === "string" ? { recoveryCode } : { code: String(form.get("code") ?? "") };
}
