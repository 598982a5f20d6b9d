/**
 * The patient's back-pain episode: intake, the red-flag screen, and whether a
 * treatment plan may start. A positive screen stops the path with its reason,
 * the answers that raised it and the action, until a referral is recorded or a
 * lone weak flag is acknowledged (RedFlagResolution.tsx).
 */
import { useState, type FormEvent } from "react";
import { TCM_PATTERNS } from "../../../domain/assessment/tcmPatterns.ts";
import { calendarDateOf } from "../../../domain/shared/calendarDate.ts";
import { api, type ApiError } from "../api.ts";
import { EpisodeDiagnosis } from "../coverage/EpisodeDiagnosis.tsx";
import { useLoad } from "../useLoad.ts";
import { useSubmit } from "../useSubmit.ts";
import { CorrectEntry, EntryBadge, entryClass, EntryTools, useShowInError, type EntryState } from "./Correction.tsx";
import { FieldError, FormError } from "./FormError.tsx";
import { acknowledgementLabel, RaisedBy, RedFlagResolution, type ScreenToResolve } from "./RedFlagResolution.tsx";
import { formatDate } from "../../../domain/shared/dateWords.ts";
import { TEXT_LIMITS } from "../../../domain/plausibility/textLimits.ts";
import { LimitedText } from "./LimitedText.tsx";
import { DateProblem, useDateCheck } from "./DateCheck.tsx";

interface Flag {
  id: string;
  category: string;
  label: string;
}
interface Screen extends ScreenToResolve {
  answers: Record<string, boolean>;
  correctsId: string | null;
  correctionReason: string | null;
  outcome: "clear" | "stop";
  positives: string[];
  emergency: boolean;
  actions: { category: string; urgency: string; action: string }[];
  resolution: "referred" | "justified" | "acknowledged" | null;
  resolutionNote: string | null;
  acknowledgement: { reasonId: string } | null;
  createdAt: string;
}
interface Episode extends EntryState {
  id: string;
  intakeOn: string;
  onsetDate: string;
  location: string;
  radiation: string;
  radiationSide: string | null;
  priorEpisodes: boolean;
  spinalSurgery: boolean;
  pregnant: boolean;
  pregnancyWeeks: number | null;
  workStatus: string;
  notes: string | null;
  tcmPatterns: string[];
  tongue: string | null;
  pulse: string | null;
  duration: { weeks: number; durationClass: string } | null;
  latestScreen: Screen | null;
  carePath: { canStartPlan: boolean; reason: string; emergency?: boolean; actions?: string[] };
}

const AGE_FLAG = "age-over-50-or-under-20";
const SPREAD: Record<string, string> = { buttock: "the buttock", thigh: "the thigh", "below-knee": "below the knee" };

export function Episodes({ patientId, onChange }: { patientId: string; onChange?: () => void }) {
  const episodes = useLoad(() => api<Episode[]>("GET", `/api/v1/patients/${patientId}/episodes`), patientId);
  const flags = useLoad(() => api<{ flags: Flag[] }>("GET", "/api/v1/red-flags"), "flags");
  const [starting, setStarting] = useState(false);
  const [correctingScreen, setCorrectingScreen] = useState(false);
  // The current course of care is the newest intake not entered in error; the others are kept below.
  const current = episodes.data?.find((e) => !e.enteredInError);
  const earlier = episodes.data?.filter((e) => e !== current) ?? [];
  const reload = () => {
    episodes.reload();
    onChange?.();
  };
  return (
    <section className="card episode">
      <h2>Back-pain episode</h2>
      <FormError error={episodes.error ?? flags.error} />
      {episodes.data && (!current || starting) && (
        <Intake
          patientId={patientId}
          fresh={current !== undefined}
          onCancel={current ? () => setStarting(false) : undefined}
          onDone={() => {
            setStarting(false);
            reload();
          }}
        />
      )}
      {current && (
        <>
          <p className="episode-summary">
            Since <strong>{formatDate(current.onsetDate)}</strong>
            {current.duration && (
              <>
                {" "}· {current.duration.weeks} weeks · <span className={`badge ${current.duration.durationClass}`}>{current.duration.durationClass}</span>
              </>
            )}{" "}
            · {current.location} pain{current.radiation !== "none" && `, spreading to ${SPREAD[current.radiation]} (${current.radiationSide})`}{" "}
            <EntryBadge entry={current} />
          </p>
          <IntakeAnswers episode={current} onChanged={reload} />
          <PlanStatus episode={current} />
          <EpisodeDiagnosis episodeId={current.id} />
          {current.latestScreen?.outcome === "stop" && !current.latestScreen.resolution && !correctingScreen && (
            <RedFlagResolution screen={current.latestScreen} onDone={reload} />
          )}
          {flags.data && current.latestScreen && (
            <ScreenCorrection
              key={`fix-${current.latestScreen.id}`}
              screen={current.latestScreen}
              flags={flags.data.flags}
              open={correctingScreen}
              setOpen={setCorrectingScreen}
              onDone={reload}
            />
          )}
          {flags.data && !correctingScreen && (!current.latestScreen || current.carePath.canStartPlan) && (
            <RedFlagScreenForm
              key={current.latestScreen?.id ?? "first"}
              episodeId={current.id}
              flags={flags.data.flags}
              again={current.latestScreen !== null}
              onDone={reload}
            />
          )}
          {!starting && (
            <div className="actions">
              <button type="button" onClick={() => setStarting(true)}>
                Start a new episode (new course of care)
              </button>
            </div>
          )}
        </>
      )}
      {earlier.length > 0 && <EarlierEpisodes episodes={earlier} onChanged={reload} />}
    </section>
  );
}

const WORK: Record<string, string> = {
  working: "Working",
  "modified-duties": "Modified duties",
  "off-work": "Off work",
  "not-employed": "Not employed",
  retired: "Retired",
  unknown: "Not asked",
};
const yesNo = (value: boolean) => (value ? "Yes" : "No");

/** Everything the intake recorded, with the tools to correct it or mark the episode entered in error. */
function IntakeAnswers({ episode, onChanged }: { episode: Episode; onChanged: () => void }) {
  const what = `intake of ${formatDate(episode.intakeOn)}`;
  return (
    <div className="intake-answers">
      <dl className="answers" data-testid="intake-answers">
        <dt>Intake done on</dt>
        <dd>{formatDate(episode.intakeOn)}</dd>
        <dt>Pain began on</dt>
        <dd>{formatDate(episode.onsetDate)}</dd>
        <dt>Where</dt>
        <dd>
          {episode.location}
          {episode.radiation !== "none" ? `, spreading to ${SPREAD[episode.radiation]} (${episode.radiationSide})` : ", does not spread"}
        </dd>
        <dt>Work</dt>
        <dd>{WORK[episode.workStatus] ?? episode.workStatus}</dd>
        <dt>Earlier episodes</dt>
        <dd>{yesNo(episode.priorEpisodes)}</dd>
        <dt>Spinal surgery in the past</dt>
        <dd>{yesNo(episode.spinalSurgery)}</dd>
        <dt>Pregnant</dt>
        <dd>{episode.pregnant ? `Yes${episode.pregnancyWeeks !== null ? `, ${episode.pregnancyWeeks} weeks` : ""}` : "No"}</dd>
        <dt>Notes</dt>
        <dd>{episode.notes ?? "—"}</dd>
        {(episode.tcmPatterns.length > 0 || episode.tongue || episode.pulse) && (
          <>
            <dt>TCM</dt>
            <dd data-testid="tcm">
              {episode.tcmPatterns.map((id) => TCM_PATTERNS.find((p) => p.id === id)?.label ?? id).join(", ")}
              {episode.tongue && ` · tongue: ${episode.tongue}`}
              {episode.pulse && ` · pulse: ${episode.pulse}`}
            </dd>
          </>
        )}
      </dl>
      <EntryTools
        entry={episode}
        what={what}
        historyUrl={`/api/v1/episodes/${episode.id}/revisions`}
        onChanged={onChanged}
        correct={(close) => (
          <CorrectEntry
            url={`/api/v1/episodes/${episode.id}/corrections`}
            what={what}
            onDone={(notices) => close(notices)}
            onCancel={() => close()}
            readValues={intakeValues}
            fields={(error) => <IntakeFields initial={episode} error={error} prefix="values." />}
          />
        )}
      />
    </div>
  );
}

/** Earlier courses of care, kept and viewable; entries in error on request. */
function EarlierEpisodes({ episodes, onChanged }: { episodes: Episode[]; onChanged: () => void }) {
  const { toggle, visible } = useShowInError(episodes, "episodes");
  const shown = visible(episodes);
  return (
    <details className="entries earlier-episodes">
      <summary>Earlier episodes ({episodes.filter((e) => !e.enteredInError).length})</summary>
      {toggle}
      {shown.map((e) => (
        <div key={e.id} className={entryClass(e, "earlier-episode")}>
          <h3>
            Intake {formatDate(e.intakeOn)} · pain since {formatDate(e.onsetDate)} <EntryBadge entry={e} />
          </h3>
          <IntakeAnswers episode={e} onChanged={onChanged} />
        </div>
      ))}
    </details>
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

/** The intake answers as the API takes them, read from the intake fields. */
function intakeValues(form: FormData) {
  const radiation = String(form.get("radiation"));
  const pregnant = form.get("pregnant") === "on";
  return {
    intakeOn: String(form.get("intakeOn")),
    onsetDate: String(form.get("onsetDate")),
    location: String(form.get("location")),
    radiation,
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
  };
}

function Intake({ patientId, fresh, onDone, onCancel }: { patientId: string; fresh: boolean; onDone: () => void; onCancel?: (() => void) | undefined }) {
  const { submit, error, busy } = useSubmit(async (form: FormData) => {
    await api("POST", `/api/v1/patients/${patientId}/episodes`, intakeValues(form));
    onDone();
  });
  return (
    <form
      className="form-grid intake"
      aria-label={fresh ? "New episode" : "Intake"}
      onSubmit={(event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        void submit(new FormData(event.currentTarget));
      }}
    >
      {fresh && <p className="muted small">A new course of care: the current episode and its visits are kept under Earlier episodes.</p>}
      <FormError error={error} />
      <IntakeFields initial={null} error={error} prefix="" />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Start episode
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

/** The intake's fields, empty for a new intake or filled with an episode's answers to correct them. */
function IntakeFields({ initial, error, prefix }: { initial: Episode | null; error: ApiError | null; prefix: string }) {
  const [radiation, setRadiation] = useState(initial?.radiation ?? "none");
  const [pregnant, setPregnant] = useState(initial?.pregnant ?? false);
  const today = calendarDateOf(new Date());
  const onset = useDateCheck("Onset");
  const intake = useDateCheck("Intake date");
  return (
    <>
      <fieldset>
        <legend>{initial ? "Intake answers" : "Start intake"}</legend>
        <label>
          Pain began on
          <input type="date" name="onsetDate" required defaultValue={initial?.onsetDate} {...onset.input} />
          <FieldError error={error} field={`${prefix}onsetDate`} />
          <DateProblem problem={onset.problem} field={`${prefix}onsetDate`} shadowedBy={error?.fields[`${prefix}onsetDate`]} />
        </label>
        <label>
          Intake done on
          <input type="date" name="intakeOn" required defaultValue={initial?.intakeOn ?? today} {...intake.input} />
          <FieldError error={error} field={`${prefix}intakeOn`} />
          <DateProblem problem={intake.problem} field={`${prefix}intakeOn`} shadowedBy={error?.fields[`${prefix}intakeOn`]} />
        </label>
        <label>
          Where
          <select name="location" defaultValue={initial?.location ?? "central"}>
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
            <select name="radiationSide" defaultValue={initial?.radiationSide ?? ""}>
              <option value="" disabled>
                Choose…
              </option>
              <option value="left">Left</option>
              <option value="right">Right</option>
              <option value="both">Both</option>
            </select>
            <FieldError error={error} field={`${prefix}radiationSide`} />
          </label>
        )}
        <label>
          Work
          <select name="workStatus" defaultValue={initial?.workStatus ?? "unknown"}>
            {Object.entries(WORK).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" name="priorEpisodes" defaultChecked={initial?.priorEpisodes} /> Earlier episodes
        </label>
        <label className="check">
          <input type="checkbox" name="spinalSurgery" defaultChecked={initial?.spinalSurgery} /> Spinal surgery in the past
        </label>
        <label className="check">
          <input type="checkbox" name="pregnant" checked={pregnant} onChange={(e) => setPregnant(e.target.checked)} /> Pregnant
        </label>
        {pregnant && (
          <label>
            Weeks of pregnancy
            <input type="number" name="pregnancyWeeks" min={0} max={45} inputMode="numeric" defaultValue={initial?.pregnancyWeeks ?? ""} />
            <FieldError error={error} field={`${prefix}pregnancyWeeks`} />
          </label>
        )}
        <label className="wide-field">
          Notes
          <LimitedText name="notes" max={TEXT_LIMITS.episodeNotes} defaultValue={initial?.notes ?? ""} />
          <FieldError error={error} field={`${prefix}notes`} />
        </label>
      </fieldset>
      <fieldset>
        <legend>TCM assessment (optional)</legend>
        {TCM_PATTERNS.map((pattern) => (
          <label key={pattern.id} className="check">
            <input type="checkbox" name="tcmPatterns" value={pattern.id} defaultChecked={initial?.tcmPatterns.includes(pattern.id)} /> {pattern.label}
          </label>
        ))}
        <label>
          Tongue
          <LimitedText name="tongue" max={TEXT_LIMITS.tcmObservation} defaultValue={initial?.tongue ?? ""} />
          <FieldError error={error} field={`${prefix}tongue`} />
        </label>
        <label>
          Pulse
          <LimitedText name="pulse" max={TEXT_LIMITS.tcmObservation} defaultValue={initial?.pulse ?? ""} />
          <FieldError error={error} field={`${prefix}pulse`} />
        </label>
      </fieldset>
    </>
  );
}

/**
 * Correcting the answers of the latest red-flag screen (a wrong click): the
 * server records a new screen naming this one, with the reason, and the gate
 * runs again on the corrected answers.
 */
function ScreenCorrection(props: { screen: Screen; flags: Flag[]; open: boolean; setOpen: (open: boolean) => void; onDone: () => void }) {
  const asked = props.flags.filter((flag) => flag.id !== AGE_FLAG);
  const [answers, setAnswers] = useState<Record<string, boolean>>(() => Object.fromEntries(asked.map((f) => [f.id, props.screen.answers[f.id] ?? false])));
  const [reason, setReason] = useState("");
  const { submit, error, busy } = useSubmit(async () => {
    await api("POST", `/api/v1/red-flag-screens/${props.screen.id}/corrections`, { answers, reason });
    props.setOpen(false);
    props.onDone();
  });
  if (!props.open) {
    return (
      <p className="screen-correction">
        {props.screen.correctionReason && <span className="muted small">Screen corrected: “{props.screen.correctionReason}”. </span>}
        <button type="button" onClick={() => props.setOpen(true)}>
          Correct the answers of this screen
        </button>
      </p>
    );
  }
  return (
    <form
      className="red-flags"
      aria-label="Correct the red-flag screen"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3>Correct the red-flag screen</h3>
      <p className="muted small">The screen as recorded is kept; the corrected answers are checked again and decide whether care may go on.</p>
      <FormError error={error} />
      {asked.map((flag) => (
        <div key={flag.id} className="flag-row" role="radiogroup" aria-label={flag.label}>
          <span>{flag.label}</span>
          <label>
            <input type="radio" name={`fix-${flag.id}`} checked={answers[flag.id] === true} onChange={() => setAnswers({ ...answers, [flag.id]: true })} /> Yes
          </label>
          <label>
            <input type="radio" name={`fix-${flag.id}`} checked={answers[flag.id] === false} onChange={() => setAnswers({ ...answers, [flag.id]: false })} /> No
          </label>
        </div>
      ))}
      <label className="wide-field">
        Reason (required; kept with the record)
        <LimitedText as="textarea" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} required max={TEXT_LIMITS.correctionReason} />
        <FieldError error={error} field="reason" />
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Save corrected screen
        </button>
        <button type="button" onClick={() => props.setOpen(false)}>
          Cancel
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
