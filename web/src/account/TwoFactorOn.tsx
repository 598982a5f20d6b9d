/**
 * Two-factor sign-in that is on: how many recovery codes are left, new ones
 * (with the app's current code), and turning it off (with the app's code, or
 * a recovery code when the phone is gone).
 */
import { useState, type FormEvent } from "react";
import { api } from "../api.ts";
import { FormError } from "../components/FormError.tsx";
import { useSubmit } from "../useSubmit.ts";
import { AuthenticatorCodeField, proofOf, RecoveryCodeField } from "./CodeFields.tsx";

const formData = (event: FormEvent<HTMLFormElement>) => {
  event.preventDefault();
  return new FormData(event.currentTarget);
};

export function TwoFactorOn({
  recoveryCodesLeft,
  requiredByClinic,
  onNewCodes,
  onTurnedOff,
}: {
  recoveryCodesLeft: number;
  requiredByClinic: boolean;
  onNewCodes: (codes: string[]) => void;
  onTurnedOff: () => void;
}) {
  const [withRecoveryCode, setWithRecoveryCode] = useState(false);
  const renew = useSubmit(async (form: FormData) => {
    const answer = await api<{ recoveryCodes: string[] }>("POST", "/api/v1/users/me/two-factor/recovery-codes", { code: String(form.get("code")) });
    onNewCodes(answer.recoveryCodes);
  });
  const turnOff = useSubmit(async (form: FormData) => {
    await api("POST", "/api/v1/users/me/two-factor/turn-off", proofOf(form));
    onTurnedOff();
  });
  return (
    <>
      <div className="card">
        <p className="two-factor-state" role="status">
          Two-factor sign-in is on: every sign-in asks for the code from your authenticator app.
        </p>
        <p className={recoveryCodesLeft <= 3 ? "bad" : undefined}>
          {recoveryCodesLeft === 1 ? "1 recovery code is left." : `${recoveryCodesLeft} recovery codes are left.`}
          {recoveryCodesLeft <= 3 && " Make new ones before they run out."}
        </p>
      </div>
      <form className="card form-grid narrow" onSubmit={(event) => void renew.submit(formData(event))}>
        <h2>New recovery codes</h2>
        <p className="muted small">The codes you have now stop working, and ten new ones are shown once.</p>
        <FormError error={renew.error} />
        <AuthenticatorCodeField error={renew.error} label="Code from the app, to make new codes" />
        <div className="actions">
          <button type="submit" disabled={renew.busy}>
            Make new recovery codes
          </button>
        </div>
      </form>
      <form className="card form-grid narrow" onSubmit={(event) => void turnOff.submit(formData(event))}>
        <h2>Turn off two-factor sign-in</h2>
        {requiredByClinic && (
          <p className="bad small">Your clinic requires two-factor sign-in: after turning it off you must set it up again, with a new phone, before you can use Acuback.</p>
        )}
        <FormError error={turnOff.error} />
        {withRecoveryCode ? <RecoveryCodeField error={turnOff.error} /> : <AuthenticatorCodeField error={turnOff.error} label="Code from the app, to turn it off" />}
        <div className="actions">
          <button type="submit" disabled={turnOff.busy}>
            Turn off
          </button>
          <button type="button" className="link-button" onClick={() => setWithRecoveryCode(!withRecoveryCode)}>
            {withRecoveryCode ? "Use the code from the app instead" : "Phone lost? Use a recovery code"}
          </button>
        </div>
      </form>
    </>
  );
}
