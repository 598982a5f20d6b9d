/**
 * The page a patient opens from a report link, on a phone, without an account:
 * the questionnaires the practitioner chose, big tap targets, one submit.
 */
import { useState } from "react";
import { useParams } from "react-router";
import { api, ApiError } from "../api.ts";
import { FormError } from "../components/FormError.tsx";
import { useLoad } from "../useLoad.ts";
import { useSubmit } from "../useSubmit.ts";
import type { InstrumentForm } from "../../../domain/assessment/instruments/wording.ts";

interface Form {
  clinicName: string;
  givenName: string;
  forms: InstrumentForm[];
}

export function ReportPage() {
  const { token = "" } = useParams();
  const form = useLoad(() => api<Form>("GET", `/api/v1/report/${token}`), token);
  const [answers, setAnswers] = useState<Record<string, (number | null)[]>>({});
  const [done, setDone] = useState(false);
  // Unanswered questions found before sending: marked, named in plain words, the first one focused.
  const [unanswered, setUnanswered] = useState<string[]>([]);
  const { submit, error, busy } = useSubmit(async () => {
    await api("POST", `/api/v1/report/${token}`, { answers });
    setDone(true);
  });

  if (form.error) {
    return (
      <main className="report">
        <p className="form-error" role="alert">
          {form.error instanceof ApiError ? form.error.message : "This link cannot be opened."}
        </p>
      </main>
    );
  }
  if (!form.data) return <p className="loading">Loading…</p>;
  if (done) {
    return (
      <main className="report">
        <h1>Thank you, {form.data.givenName}</h1>
        <p className="success" role="status">
          Your answers are with {form.data.clinicName}. You can close this page.
        </p>
      </main>
    );
  }
  const chosen = form.data.forms;
  const answer = (instrument: InstrumentForm, index: number, value: number) => {
    const current = answers[instrument.id] ?? instrument.items.map(() => null);
    setAnswers({ ...answers, [instrument.id]: current.map((a, i) => (i === index ? value : a)) });
  };
  return (
    <main className="report">
      <h1>Hello {form.data.givenName}</h1>
      <p>{form.data.clinicName} asks how your back has been. It takes a few minutes; answer every question.</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const missing = chosen.flatMap((instrument) =>
            instrument.items.filter((_, index) => answers[instrument.id]?.[index] == null).map((item) => `${instrument.id}.${item.id}`),
          );
          setUnanswered(missing);
          if (missing.length > 0) {
            event.currentTarget.querySelector<HTMLInputElement>(`input[name="${missing[0]}"]`)?.focus();
            return;
          }
          void submit();
        }}
      >
        {chosen.map((instrument) => (
          <fieldset key={instrument.id} className="card">
            <legend>{instrument.name}</legend>
            {instrument.items.map((item, index) => (
              <div
                key={item.id}
                className={`report-item ${unanswered.includes(`${instrument.id}.${item.id}`) || error?.fields[`${instrument.id}.${item.id}`] ? "invalid" : ""}`}
                role="radiogroup"
                aria-label={item.label}
              >
                <p>{item.label}</p>
                {unanswered.includes(`${instrument.id}.${item.id}`) && (
                  <p className="field-error">Please answer this question.</p>
                )}
                <div className="report-options">
                  {item.options.map((option) => (
                    <label key={option.value} className={answers[instrument.id]?.[index] === option.value ? "chosen" : undefined}>
                      <input
                        type="radio"
                        name={`${instrument.id}.${item.id}`}
                        onChange={() => {
                          answer(instrument, index, option.value);
                          setUnanswered(unanswered.filter((key) => key !== `${instrument.id}.${item.id}`));
                        }}
                      />
                      {option.label}
                    </label>
                  ))}
                </div>
              </div>
            ))}
            {instrument.wording?.copyright && <p className="muted small">{instrument.wording.copyright}</p>}
          </fieldset>
        ))}
        {unanswered.length > 0 && (
          <p className="form-error" role="alert">
            {unanswered.length === 1 ? "One question is" : `${unanswered.length} questions are`} not answered yet; {unanswered.length === 1 ? "it is" : "they are"} marked above.
          </p>
        )}
        <FormError error={error} />
        <button type="submit" className="primary big" disabled={busy}>
          Send my answers
        </button>
      </form>
    </main>
  );
}
