import { FIRST_OWNER_COMMAND } from "../../../domain/access/firstOwner.ts";
import type { FormEvent } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { api, rememberCsrfToken, type SecondStepNeeded, type Session } from "../api.ts";
import { FormError } from "../components/FormError.tsx";
import { useSubmit } from "../useSubmit.ts";

export function LoginPage({
  onSignedIn,
  onAwaitingCode,
  demoClinic,
  accounts,
}: {
  onSignedIn: (session: Session) => void;
  /** The password was right and the account uses two-factor sign-in: the code page comes next. */
  onAwaitingCode: () => void;
  demoClinic: boolean;
  /** Whether any staff account exists; without one, say how to make the first owner. */
  accounts: boolean;
}) {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { submit: signIn, error, busy } = useSubmit(async (form: FormData) => {
    const answer = await api<Session | SecondStepNeeded>("POST", "/api/v1/session", {
      email: String(form.get("email")),
      password: String(form.get("password")),
    });
    const next = params.get("next");
    if ("secondFactorRequired" in answer) {
      // The code is asked on its own page; its request needs this sign-in's CSRF token.
      rememberCsrfToken(answer.csrfToken);
      onAwaitingCode();
      void navigate(`/login/code${next ? `?next=${encodeURIComponent(next)}` : ""}`);
      return;
    }
    onSignedIn(answer);
    void navigate(next?.startsWith("/") && !next.startsWith("//") ? next : "/patients", { replace: true });
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void signIn(new FormData(event.currentTarget));
  }

  return (
    <main className="login">
      <form className="card login-card" onSubmit={submit}>
        <h1>
          <img src="/favicon.svg" alt="" width={32} height={32} /> Acuback
        </h1>
        <p className="muted">Acupuncture care for back pain. Sign in to your clinic.</p>
        <FormError error={error} />
        <label>
          E-mail
          <input name="email" type="email" autoComplete="username" required autoFocus />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
        {demoClinic && (
          <p className="muted small">
            The demo clinic is loaded: its accounts and their password were printed in the terminal that started Acuback.
          </p>
        )}
        {!accounts && (
          <div className="notice small" data-testid="first-owner">
            No account exists yet. On the machine that runs Acuback, create the clinic's first owner, then sign in here:
            <pre className="mono">{FIRST_OWNER_COMMAND}</pre>
          </div>
        )}
      </form>
    </main>
  );
}
