import { useState, type FormEvent } from "react";
import { useSubmit } from "../useSubmit.ts";
import { ROLE_LABELS } from "../../../domain/access/roles.ts";
import { PASSWORD_MIN_LENGTH } from "../../../domain/access/passwordPolicy.ts";
import { api } from "../api.ts";
import { FieldError, FormError } from "../components/FormError.tsx";
import { useSession } from "../session.tsx";
import { useLoad } from "../useLoad.ts";
import { TEXT_LIMITS } from "../../../domain/plausibility/textLimits.ts";
import { LimitedText } from "../components/LimitedText.tsx";
import { Link } from "react-router";
import type { TwoFactorStatus } from "../account/TwoFactorPage.tsx";

export function AccountPage() {
  const { session } = useSession();
  const [done, setDone] = useState(false);
  const { submit: change, error } = useSubmit(async (formElement: HTMLFormElement) => {
    setDone(false);
    const form = new FormData(formElement);
    await api("POST", "/api/v1/session/password", {
      currentPassword: String(form.get("currentPassword")),
      newPassword: String(form.get("newPassword")),
    });
    setDone(true);
    formElement.reset();
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void change(event.currentTarget);
  }

  return (
    <section>
      <h1>Your account</h1>
      <p>
        {session.user.displayName} · {session.user.email} · {ROLE_LABELS[session.user.role]} at {session.clinic.name}
      </p>
      <form className="card form-grid narrow" onSubmit={submit}>
        <h2>Change password</h2>
        <FormError error={error} />
        {done && (
          <p className="success" role="status">
            Password changed. Your other sessions were signed out.
          </p>
        )}
        <label>
          Current password
          <input name="currentPassword" type="password" autoComplete="current-password" required />
          <FieldError error={error} field="currentPassword" />
        </label>
        <label>
          New password (at least {PASSWORD_MIN_LENGTH} characters)
          <input name="newPassword" type="password" autoComplete="new-password" required minLength={PASSWORD_MIN_LENGTH} />
          <FieldError error={error} field="newPassword" />
        </label>
        <div className="actions">
          <button type="submit" className="primary">
            Change password
          </button>
        </div>
      </form>
      <TwoFactorSummary />
      <OwnBackground />
    </section>
  );
}

/** Whether two-factor sign-in is on, with the way to its page. */
function TwoFactorSummary() {
  const { data: status, error } = useLoad(() => api<TwoFactorStatus>("GET", "/api/v1/users/me/two-factor"), "two-factor");
  if (!status) return <FormError error={error} />;
  return (
    <div className="card form-grid narrow">
      <h2>Two-factor sign-in</h2>
      <p>
        {status.status === "on"
          ? `On: each sign-in asks for a code from your authenticator app. ${status.recoveryCodesLeft} recovery codes left.`
          : "Off: your password alone signs you in."}
        {status.requiredByClinic && " Your clinic requires it."}
      </p>
      <div className="actions">
        <Link className="button" to="/account/two-factor">
          {status.status === "on" ? "Manage two-factor sign-in" : "Set up two-factor sign-in"}
        </Link>
      </div>
    </div>
  );
}

/** The practitioner's own background (years in practice, training, licence), quoted in the STRICTA record (item 5). */
function OwnBackground() {
  const { data: me, error: loadError } = useLoad(() => api<{ background: string | null }>("GET", "/api/v1/users/me"), "me");
  const [saved, setSaved] = useState(false);
  const { submit: save, error, busy } = useSubmit(async (formElement: HTMLFormElement) => {
    setSaved(false);
    const text = String(new FormData(formElement).get("background") ?? "");
    await api("PATCH", "/api/v1/users/me", { background: text.trim() === "" ? null : text });
    setSaved(true);
  });
  if (!me) return <FormError error={loadError} />;
  return (
    <form
      className="card form-grid narrow"
      onSubmit={(event) => {
        event.preventDefault();
        void save(event.currentTarget);
      }}
    >
      <h2>Your background</h2>
      <FormError error={error} />
      {saved && (
        <p className="success" role="status">
          Saved. The STRICTA record of the patients you treat shows it.
        </p>
      )}
      <label>
        Years in practice, training, licence
        <LimitedText as="textarea" name="background" rows={4} max={TEXT_LIMITS.background} defaultValue={me.background ?? ""} />
        <FieldError error={error} field="background" />
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Save background
        </button>
      </div>
    </form>
  );
}
