import { useState, type FormEvent } from "react";
import { useSubmit } from "../useSubmit.ts";
import { ROLE_LABELS } from "../../../domain/access/roles.ts";
import { PASSWORD_MIN_LENGTH } from "../../../domain/access/passwordPolicy.ts";
import { api } from "../api.ts";
import { FieldError, FormError } from "../components/FormError.tsx";
import { useSession } from "../session.tsx";

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
    </section>
  );
}
