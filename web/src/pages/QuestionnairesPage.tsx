/**
 * The clinic's follow-up schedule, and questionnaire wording (owners): Acuback's forms show our short labels until
 * the clinic loads the licensed wording, as a FHIR R4 Questionnaire file, for
 * each instrument it holds a licence for.
 */
import { useState } from "react";
import { api, ApiError } from "../api.ts";
import { FollowUpScheduleForm } from "../components/FollowUpScheduleForm.tsx";
import { FormError } from "../components/FormError.tsx";
import { useLoad } from "../useLoad.ts";
import { useSubmit } from "../useSubmit.ts";
import type { InstrumentForm } from "../../../domain/assessment/instruments/wording.ts";

interface Questionnaire extends InstrumentForm {
  owner: string;
  licence: string;
  importedAt: string | null;
}

export function QuestionnairesPage() {
  const { data, error, reload } = useLoad(() => api<Questionnaire[]>("GET", "/api/v1/questionnaires"), "questionnaires");
  return (
    <section>
      <h1>Questionnaires and follow-up</h1>
      <FollowUpScheduleForm />
      <h2>Questionnaire wording</h2>
      <p className="muted">
        Item wording belongs to each instrument&apos;s owner, so Acuback shows its own short labels. If your clinic holds a licence, load the
        official wording as a FHIR R4 Questionnaire (JSON); it must have the same questions and scored answers as the instrument, or nothing
        changes. Scores are calculated the same way either way.
      </p>
      <FormError error={error} />
      {data?.map((questionnaire) => <QuestionnaireCard key={questionnaire.id} questionnaire={questionnaire} onChange={reload} />)}
    </section>
  );
}

function QuestionnaireCard({ questionnaire, onChange }: { questionnaire: Questionnaire; onChange: () => void }) {
  const [notes, setNotes] = useState<string[]>([]);
  const load = useSubmit(async (file: File) => {
    let resource: unknown;
    try {
      resource = JSON.parse(await file.text());
    } catch {
      throw new ApiError(400, "BAD_REQUEST", `${file.name} is not a JSON file; nothing was changed.`);
    }
    const loaded = await api<{ notes: string[] }>("PUT", `/api/v1/questionnaires/${questionnaire.id}/wording`, resource);
    setNotes(loaded.notes);
    onChange();
  });
  const remove = useSubmit(async () => {
    await api("DELETE", `/api/v1/questionnaires/${questionnaire.id}/wording`);
    setNotes([]);
    onChange();
  });
  const problems = Object.values(load.error?.fields ?? {});
  return (
    <article className="card" aria-label={questionnaire.name}>
      <h2>
        {questionnaire.name} <span className="muted small">{questionnaire.version}</span>
      </h2>
      <p className="small muted">
        Owner: {questionnaire.owner}. {questionnaire.licence}
      </p>
      {questionnaire.wording ? (
        <p data-testid={`wording-${questionnaire.id}`}>
          Showing <strong>{questionnaire.wording.title}</strong>, loaded {questionnaire.importedAt?.slice(0, 10)}
          {questionnaire.wording.copyright && <span className="muted small"> · {questionnaire.wording.copyright}</span>}
        </p>
      ) : (
        <p data-testid={`wording-${questionnaire.id}`}>Showing Acuback&apos;s short labels.</p>
      )}
      <details>
        <summary>Items as your forms show them</summary>
        <ol className="small">
          {questionnaire.items.map((item) => (
            <li key={item.id}>
              {item.label}
              {item.label !== item.shortLabel && <span className="muted"> ({item.shortLabel})</span>}
            </li>
          ))}
        </ol>
      </details>
      {problems.length > 0 ? (
        <div className="form-error" role="alert">
          {load.error!.message}
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : (
        <FormError error={load.error ?? remove.error} />
      )}
      {notes.length > 0 && (
        <ul className="success small" role="status">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <div className="actions">
        <label className="button">
          Load wording (FHIR Questionnaire JSON)…
          <input
            type="file"
            accept=".json,application/json,application/fhir+json"
            className="visually-hidden"
            disabled={load.busy}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = "";
              if (file) void load.submit(file);
            }}
          />
        </label>
        {questionnaire.wording && (
          <button type="button" onClick={() => void remove.submit()} disabled={remove.busy}>
            Go back to short labels
          </button>
        )}
      </div>
    </article>
  );
}
