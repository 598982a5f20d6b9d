/**
 * Sign-in's second step, after a right password for an account with
 * two-factor sign-in on: the app's current code, or a recovery code. The
 * code field has focus, so a person types the digits and presses Enter.
 */
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { api, ApiError, type Session } from "../api.ts";
import { AuthenticatorCodeField, proofOf, RecoveryCodeField } from "../account/CodeFields.tsx";
import { FormError } from "../components/FormError.tsx";
import { useSubmit } from "../useSubmit.ts";
import "../account/twoFactor.css";

/** `onSignedIn` is told the session and where to go: the app, once signed in, answers this page's address by going there. */
export function SecondStepPage({ awaiting, onSignedIn }: { awaiting: boolean; onSignedIn: (session: Session, to: string) => void }) {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [withRecoveryCode, setWithRecoveryCode] = useState(false);
  const [expired, setExpired] = useState(!awaiting);
  const { submit: send, error, busy } = useSubmit(async (form: FormData) => {
    try {
      const answer = await api<Session & { recoveryCodesLeft: number | null }>("POST", "/api/v1/session/second-factor", proofOf(form));
      // A recovery code usually means the phone is gone: go where new codes, or a new phone, are set up.
      const next = params.get("next");
      onSignedIn(answer, answer.recoveryCodesLeft !== null ? "/account/two-factor" : next?.startsWith("/") && !next.startsWith("//") ? next : "/patients");
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === "UNAUTHENTICATED") setExpired(true);
      throw caught;
    }
  });

  async function startAgain() {
    await api("DELETE", "/api/v1/session/second-factor").catch(() => undefined);
    void navigate("/login", { replace: true });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void send(new FormData(event.currentTarget));
  }

  if (expired) {
    return (
      <main className="login">
        <div className="card login-card">
          <h1>Sign in again</h1>
          <p>This sign-in has ended (the code must follow the password within five minutes). Enter your e-mail and password again.</p>
          <Link className="button primary" to="/login">
            Go to sign-in
          </Link>
        </div>
      </main>
    );
  }
  return (
    <main className="login">
      <form className="card login-card" onSubmit={submit}>
        <h1>Two-factor sign-in</h1>
        <p className="muted">
          {withRecoveryCode
            ? "Type one of the recovery codes you saved when you set up two-factor sign-in. Each works once."
            : "Open the authenticator app on your phone and type the 6-digit code it shows for Acuback."}
        </p>
        <FormError error={error} />
        {withRecoveryCode ? <RecoveryCodeField error={error} autoFocus /> : <AuthenticatorCodeField error={error} autoFocus />}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Checking…" : "Sign in"}
        </button>
        <div className="actions small">
          <button type="button" className="link-button" onClick={() => setWithRecoveryCode(!withRecoveryCode)}>
            {withRecoveryCode ? "Use the code from the app instead" : "Use a recovery code instead"}
          </button>
          <button type="button" className="link-button" onClick={() => void startAgain()}>
            Start again
          </button>
        </div>
      </form>
    </main>
  );
}
