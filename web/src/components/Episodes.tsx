/**
 * The patient's back-pain episode: intake, the red-flag screen, and whether a
 * treatment plan may start. A positive screen stops the path with its reason,
 * the answers that raised it and the action, until a referral is recorded or a
 * lone weak flag is acknowledged (RedFlagResolution.tsx).
 */
import { useState, type FormEvent } from "react";
import { TCM_PATTERNS } from "../../../domain/assessment/tcmPatterns.ts";
import { calendarDateOf } from "../../../domain/shared/calendarDate.ts";
import { api } from "../api.ts";
import { EpisodeDiagnosis } from "../coverage/EpisodeDiagnosis.tsx";
import { useLoad } from "../useLoad.ts";
import { useSubmit } from "../useSubmit.ts";
import { FieldError, FormError } from "./FormError.tsx";
import { acknowledgementLabel, RaisedBy, RedFlagResolution, type ScreenToResolve } from "./RedFlagResolution.tsx";

interface Flag {
  id: string;
  category: string;
  label: string;
}
interface Screen extends ScreenToResolve {
  outcome: "clear" | "stop";
  positives: string[];
  emergency: boolean;
  actions: { category: string; urgency: string; action: string }[];
  resolution: "referred" | "justified" | "acknowledged" | null;
  resolutionNote: string | null;
  acknowledgement: { reasonId: string } | null;
  createdAt: string;
}
interface Episode {
  id: string;
  onsetDate: string;
  location: string;
  radiation: string;
  radiationSide: string | null;
  workStatus: string;
  tcmPatterns: string[];
  tongue: string | null;
  pulse: string | null;
  duration: { weeks: number; durationClass: string } | null;
  latestScreen: Screen | null;
  carePath: { canStartPlan: boolean; reason: string; emergency?: boolean; actions?: string[] };
}

const AGE_FLAG = "age-over-50-or-under-20";
const SPREAD: Record<string, string> = { buttock: "the buttock", thigh: "the thigh", "below-knee": "below the knee" };

export function Episodes({ patientId }: { patientId: string }) {
  const episodes = useLoad(() => api<Episode[]>("GET", `/api/v1/patients/${patientId}/episodes`), patientId);
  const flags = useLoad(() => api<{ flags: Flag[] }>("GET", "/api/v1/red-flags"), "flags");
  const current = episodes.data?.[0];
  return (
    <section className="card episode">
      <h2>Back-pain episode</h2>
      <FormError error={episodes.error ?? flags.error} />
      {episodes.data && !current && <Intake patientId={patientId} onDone={episodes.reload} />}
      {current && (
        <>
          <p className="episode-summary">
            Since <strong>{current.onsetDate}</strong>
            {current.duration && (
              <>
                {" "}· {current.duration.weeks} weeks · <span className={`badge ${current.duration.durationClass}`}>{current.duration.durationClass}</span>
              </>
            )}{" "}
            · {current.location} pain{current.radiation !== "none" && `, spreading to ${SPREAD[current.radiation]} (${current.radiationSide})`}
          </p>
          {(current.tcmPatterns.length > 0 || current.tongue || current.pulse) && (
            <p className="muted small" data-testid="tcm">
              TCM: {current.tcmPatterns.map((id) => TCM_PATTERNS.find((p) => p.id === id)?.label ?? id).join(", ")}
              {current.tongue && ` · tongue: ${current.tongue}`}
              {current.pulse && ` · pulse: ${current.pulse}`}
            </p>
          )}
          <PlanStatus episode={current} />
          <EpisodeDiagnosis episodeId={current.id} />
          {current.latestScreen?.outcome === "stop" && !current.latestScreen.resolution && (
            <RedFlagResolution screen={current.latestScreen} onDone={episodes.reload} />
          )}
          {flags.data && (!current.latestScreen || current.carePath.canStartPlan) && (
            <RedFlagScreenForm
              key={current.latestScreen?.id ?? "first"}
              episodeId={current.id}
              flags={flags.data.flags}
              again={current.latestScreen !== null}
              onDone={episodes.reload}
            />
          )}
        </>
      )}
    </section>
  );
}

function PlanStatus({ episode }: { episode: Episode }) {
  const path = episode.carePath;
  const screen = episode.latestScreen;
  if (path.canStartPlan) {
    return (
      <p className="plan-status ok" data-testid="plan-status">
        Treatment plan may start. {path.reason}
        {screen?.acknowledgement && <> {screen.raised.map((flag) => flag.raisedBy).join(" ")} Reason: {acknowledgementLabel(screen.acknowledgement.reasonId)}.</>}
        {screen?.resolutionNote && <span className="muted"> Recorded: “{screen.resolutionNote}”</span>}
      </p>
    );
  }
  return (
    <div className={`plan-status blocked ${path.emergency ? "emergency" : ""}`} role="alert" data-testid="plan-status">
      <strong>Treatment plan blocked.</strong> {path.reason}
      {screen && screen.actions.length > 0 && (
        <ul>
          {screen.actions.map((action) => (
            <li key={action.category}>
              {action.action}
              <RaisedBy raised={screen.raised} category={action.category} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Intake({ patientId, onDone }: { patientId: string; onDone: () => void }) {
  const [radiation, setRadiation] = useState("none");
  const [pregnant, setPregnant] = useState(false);
  const { submit, error, busy } = useSubmit(async (form: FormData) => {
    await api("POST", `/api/v1/patients/${patientId}/episodes`, {
      intakeOn: String(form.get("intakeOn")),
      onsetDate: String(form.get("onsetDate")),
      location: String(form.get("location")),
      radiation: String(form.get("radiation")),
      radiationSide: radiation === "none" ? null : String(form.get("radiationSide") ?? "") || null,
      priorEpisodes: form.get("priorEpisodes") === "on",
      spinalSurgery: form.get("spinalSurgery") === "on",
      pregnant,
      pregnancyWeeks: pregnant && form.get("pregnancyWeeks") ? Number(form.get("pregnancyWeeks")) : null,
      workStatus: String(form.get("workStatus")),
      notes: String(form.get("notes") ?? ""),
      tcmPatterns: form.getAll("tcmPatterns").map(String),
      tongue: String(form.get("tongue") ?? ""),
      pulse: String(form.get("pulse") ?? ""),
    });
    onDone();
  });
  return (
    <form
      className="form-grid intake"
      onSubmit={(event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        void submit(new FormData(event.currentTarget));
      }}
    >
      <FormError error={error} />
      <fieldset>
        <legend>Start intake</legend>
        <label>
          Pain began on
          <input type="date" name="onsetDate" required max={calendarDateOf(new Date())} />
          <FieldError error={error} field="onsetDate" />
        </label>
        <label>
          Intake done on
          <input type="date" name="intakeOn" required defaultValue={calendarDateOf(new Date())} max={calendarDateOf(new Date())} />
          <FieldError error={error} field="intakeOn" />
        </label>
        <label>
          Where
          <select name="location" defaultValue="central">
            <option value="central">Central</option>
            <option value="left">Left side</option>
            <option value="right">Right side</option>
            <option value="both">Both sides</option>
          </select>
        </label>
        <label>
          Spreads to
          <select name="radiation" value={radiation} onChange={(e) => setRadiation(e.target.value)}>
            <option value="none">Does not spread</option>
            <option value="buttock">Buttock</option>
            <option value="thigh">Thigh</option>
            <option value="below-knee">Below the knee</option>
          </select>
        </label>
        {radiation !== "none" && (
          <label>
            Side
            <select name="radiationSide" defaultValue="">
              <option value="" disabled>
                Choose…
              </option>
              <option value="left">Left</option>
              <option value="right">Right</option>
              <option value="both">Both</option>
            </select>
            <FieldError error={error} field="radiationSide" />
          </label>
        )}
        <label>
          Work
          <select name="workStatus" defaultValue="unknown">
            <option value="working">Working</option>
            <option value="modified-duties">Modified duties</option>
            <option value="off-work">Off work</option>
            <option value="not-employed">Not employed</option>
            <option value="retired">Retired</option>
            <option value="unknown">Not asked</option>
          </select>
        </label>
        <label className="check">
          <input type="checkbox" name="priorEpisodes" /> Earlier episodes
        </label>
        <label className="check">
          <input type="checkbox" name="spinalSurgery" /> Spinal surgery in the past
        </label>
        <label className="check">
          <input type="checkbox" checked={pregnant} onChange={(e) => setPregnant(e.target.checked)} /> Pregnant
        </label>
        {pregnant && (
          <label>
            Weeks of pregnancy
            <input type="number" name="pregnancyWeeks" min={0} max={45} inputMode="numeric" />
            <FieldError error={error} field="pregnancyWeeks" />
          </label>
        )}
        <label className="wide-field">
          Notes
          <input name="notes" maxLength={4000} />
        </label>
      </fieldset>
      <fieldset>
        <legend>TCM assessment (optional)</legend>
        {TCM_PATTERNS.map((pattern) => (
          <label key={pattern.id} className="check">
            <input type="checkbox" name="tcmPatterns" value={pattern.id} /> {pattern.label}
          </label>
        ))}
        <label>
          Tongue
          <input name="tongue" maxLength={500} />
        </label>
        <label>
          Pulse
          <input name="pulse" maxLength={500} />
        </label>
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Start episode
        </button>
      </div>
    </form>
  );
}

function RedFlagScreenForm(props: { episodeId: string; flags: Flag[]; again: boolean; onDone: () => void }) {
  const asked = props.flags.filter((flag) => flag.id !== AGE_FLAG);
  const [answers, setAnswers] = useState<Record<string, boolean>>({});
  const [open, setOpen] = useState(!props.again);
  const { submit, error, busy } = useSubmit(async () => {
    await api("POST", `/api/v1/episodes/${props.episodeId}/red-flag-screens`, { answers });
    props.onDone();
  });
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Screen red flags again (new symptoms)
      </button>
    );
  }
  const categories = [...new Set(asked.map((flag) => flag.category))];
  return (
    <form
      className="red-flags"
      aria-label="Red-flag screen"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3>Red-flag screen</h3>
      <p className="muted small">
        Ask each question (AHCPR 1994, NICE/CKS). Age over 50 or under 20 is taken from the date of birth. An unanswered question
        is not a no.
      </p>
      <FormError error={error} />
      {categories.map((category) => (
        <fieldset key={category}>
          <legend>{category}</legend>
          {asked
            .filter((flag) => flag.category === category)
            .map((flag) => (
              <div key={flag.id} className={`flag-row ${error?.fields[flag.id] ? "invalid" : ""}`} role="radiogroup" aria-label={flag.label}>
                <span>{flag.label}</span>
                <label>
                  <input type="radio" name={flag.id} checked={answers[flag.id] === true} onChange={() => setAnswers({ ...answers, [flag.id]: true })} /> Yes
                </label>
                <label>
                  <input type="radio" name={flag.id} checked={answers[flag.id] === false} onChange={() => setAnswers({ ...answers, [flag.id]: false })} /> No
                </label>
              </div>
            ))}
        </fieldset>
      ))}
      <div className="actions">
        <button
          type="button"
          onClick={() => setAnswers(Object.fromEntries(asked.map((flag) => [flag.id, answers[flag.id] ?? false])))}
        >
          Mark the unanswered ones No
        </button>
        <button type="submit" className="primary" disabled={busy}>
          Record screen
        </button>
      </div>
    </form>
  );
}
