/**
 * The owner's two-factor controls on the Staff page: whether the clinic
 * requires it, and, per staff member, whether it is on, with a reset for a
 * lost phone (audited on the server).
 */
import { useState } from "react";
import { api } from "../api.ts";
import { FormError } from "../components/FormError.tsx";
import { useSubmit } from "../useSubmit.ts";

export interface ClinicTwoFactor {
  required: boolean;
  enrolledUserIds: string[];
}

export function ClinicTwoFactorSetting({ state, onChanged }: { state: ClinicTwoFactor; onChanged: () => void }) {
  const { submit: save, error, busy } = useSubmit(async (required: boolean) => {
    await api("PUT", "/api/v1/clinic/two-factor", { required });
    onChanged();
  });
  return (
    <div className="card form-grid narrow">
      <h2>Two-factor sign-in</h2>
      <p>
        {state.required
          ? "Required: everyone signs in with a code from an authenticator app. Anyone who has not set it up is asked to, before anything else."
          : "Not required: each staff member may turn it on under Account."}
      </p>
      <FormError error={error} />
      <div className="actions">
        <button type="button" className={state.required ? undefined : "primary"} disabled={busy} onClick={() => void save(!state.required)}>
          {state.required ? "Stop requiring two-factor sign-in" : "Require two-factor sign-in"}
        </button>
      </div>
      {!state.required && <p className="muted small">Set it up for your own account first (Account, Two-factor sign-in).</p>}
    </div>
  );
}

/** A staff row's cell content: "On" with a Reset… that asks once more, or "Off". One's own is managed on one's account page. */
export function StaffTwoFactorState({ user, on, isMe, onReset }: { user: { id: string; displayName: string }; on: boolean; isMe: boolean; onReset: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const { submit: reset, error, busy } = useSubmit(async () => {
    await api("DELETE", `/api/v1/users/${user.id}/two-factor`);
    setConfirming(false);
    onReset();
  });
  if (!on) return <>Off</>;
  if (isMe) return <>On</>;
  return (
    <>
      <FormError error={error} />
      {confirming ? (
        <span className="confirm">
          Clear {user.displayName}'s authenticator and recovery codes?{" "}
          <button type="button" onClick={() => void reset()} disabled={busy}>
            Reset
          </button>{" "}
          <button type="button" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </span>
      ) : (
        <>
          On{" "}
          <button type="button" className="small" onClick={() => setConfirming(true)} aria-label={`Reset two-factor sign-in of ${user.displayName}`}>
            Reset…
          </button>
        </>
      )}
    </>
  );
}
