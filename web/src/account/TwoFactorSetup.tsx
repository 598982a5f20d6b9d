/**
 * Setting up two-factor sign-in: the server makes a secret and draws its QR
 * code; the person scans it (or types the key) into an authenticator app and
 * confirms with the code the app then shows. Only then is it on.
 */
import { useState, type FormEvent } from "react";
import { api } from "../api.ts";
import { FormError } from "../components/FormError.tsx";
import { useSubmit } from "../useSubmit.ts";
import { AuthenticatorCodeField } from "./CodeFields.tsx";

interface Enrolment {
  otpauthUri: string;
  secret: string;
  qrCode: string;
}

export function TwoFactorSetup({ startedEarlier, onConfirmed }: { startedEarlier: boolean; onConfirmed: (recoveryCodes: string[]) => void }) {
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const { submit: start, error: startError, busy: starting } = useSubmit(async () => {
    setEnrolment(await api<Enrolment>("POST", "/api/v1/users/me/two-factor"));
  });
  const { submit: confirm, error, busy } = useSubmit(async (form: FormData) => {
    const answer = await api<{ recoveryCodes: string[] }>("POST", "/api/v1/users/me/two-factor/confirm", { code: String(form.get("code")) });
    onConfirmed(answer.recoveryCodes);
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void confirm(new FormData(event.currentTarget));
  }

  if (!enrolment) {
    return (
      <div className="card">
        <h2>Set up two-factor sign-in</h2>
        <p>
          After your password, Acuback will ask for a 6-digit code from an authenticator app on your phone, so a stolen or guessed password alone
          does not open patients' records. Any app that scans "otpauth" QR codes works.
        </p>
        {startedEarlier && <p className="muted small">You started setting it up before without finishing; starting again shows a new QR code.</p>}
        <FormError error={startError} />
        <button type="button" className="primary" disabled={starting} onClick={() => void start()}>
          Set up two-factor sign-in
        </button>
      </div>
    );
  }
  return (
    <form className="card" onSubmit={submit}>
      <h2>Set up two-factor sign-in</h2>
      <ol className="setup-steps">
        <li>
          In your authenticator app, add an account and scan this QR code:
          <img className="qr-code" src={enrolment.qrCode} alt="QR code to scan with your authenticator app" width={200} height={200} />
        </li>
        <li>
          Cannot scan? Type this key into the app instead (time-based, 6 digits):
          <div className="secret-text" aria-label="Key to type into the app">
            {enrolment.secret.match(/.{1,4}/g)!.join(" ")}
          </div>
        </li>
        <li>
          Type the code the app now shows for Acuback:
          <FormError error={error} />
          <AuthenticatorCodeField error={error} label="Code from the app" />
        </li>
      </ol>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Turn on two-factor sign-in
        </button>
      </div>
    </form>
  );
}
