/**
 * What a form's fields are called in the clinic's words, by the key the API
 * uses, so a message can name the field ("Onset can't be …") on the server and
 * in the browser alike, and no request key ("onsetDate") reaches a person.
 */

const LABELS: Record<string, string> = {
  // patients
  givenName: "Given name",
  familyName: "Family name",
  birthDate: "Date of birth",
  sex: "Sex",
  recordNumber: "Record number",
  phone: "Phone",
  email: "E-mail",
  addressLine: "Address",
  city: "City",
  region: "State",
  postalCode: "ZIP code",
  // pain scores and questionnaires
  score: "Score",
  recordedOn: "Date recorded",
  note: "Note",
  answers: "Answers",
  instrument: "Questionnaire",
  instruments: "Questionnaires",
  milestoneInstruments: "Questionnaires at milestones",
  // intake
  intakeOn: "Intake date",
  onsetDate: "Onset",
  location: "Where the pain is",
  radiation: "How far the pain spreads",
  radiationSide: "Side the pain spreads to",
  pregnancyWeeks: "Weeks of pregnancy",
  workStatus: "Work",
  notes: "Notes",
  tcmPatterns: "TCM patterns",
  tongue: "Tongue",
  pulse: "Pulse",
  icd10Code: "Diagnosis code",
  // medications
  name: "Name",
  opioid: "Opioid",
  dailyDose: "Daily dose",
  startedOn: "Start date",
  stoppedOn: "Stop date",
  // corrections, visits, plans
  reason: "Reason",
  correction: "Correction",
  visitOn: "Visit date",
  description: "Description",
  rationale: "Rationale",
  schedule: "Frequency",
  subjective: "Subjective",
  objective: "Objective",
  assessment: "Assessment",
  plan: "Plan",
  coInterventions: "Co-interventions",
  advice: "Advice",
  separateEvaluation: "Separate evaluation",
  action: "Action taken",
  weeks: "Milestone weeks",
  windowDays: "Window",
  expiresInDays: "Days the link stays open",
  // staff and clinic
  displayName: "Name",
  background: "Background",
  password: "Password",
  currentPassword: "Current password",
  newPassword: "New password",
  confirmName: "Clinic name",
};

/** What one item of a list field is called, for "Choose at least one questionnaire." */
const ITEM_NOUNS: Record<string, string> = {
  instruments: "questionnaire",
  milestoneInstruments: "questionnaire",
  weeks: "milestone week",
  tcmPatterns: "TCM pattern",
  frequenciesHz: "frequency",
  sites: "needle site",
};

/** A path such as ["values", "onsetDate"] or "values.onsetDate": the last named part is the field. */
function keyOf(path: string | readonly PropertyKey[]): string | null {
  const parts = typeof path === "string" ? path.split(".") : path.map(String);
  for (let i = parts.length - 1; i >= 0; i--) if (!/^\d+$/.test(parts[i]!)) return parts[i]!;
  return null;
}

/** "frequenciesHz" → "Frequencies hz": a last resort, so even an unlisted key reads as words. */
function words(key: string): string {
  const spaced = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** The field's name in the clinic's words; "This value" for the body as a whole. */
export function fieldLabel(path: string | readonly PropertyKey[]): string {
  const key = keyOf(path);
  if (key === null || key === "" || key.startsWith("(")) return "This value";
  return LABELS[key] ?? words(key);
}

/** What one item of a list field is called, or null when unlisted. */
export function itemNoun(path: string | readonly PropertyKey[]): string | null {
  const key = keyOf(path);
  return key === null ? null : (ITEM_NOUNS[key] ?? null);
}

/** A field's message as it reads away from its field: prefixed with the field's name unless it already names it. */
export function fieldMessage(path: string | readonly PropertyKey[], message: string): string {
  const label = fieldLabel(path);
  const sentence = /[.!?)]$/.test(message) ? message : `${message}.`;
  return sentence.toLowerCase().startsWith(label.toLowerCase()) ? sentence : `${label}: ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}`;
}

/** A form's problems in one line, each naming its field: "Onset can't be … Notes is too long (…)." */
export function problemsInWords(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([key, message]) => fieldMessage(key, message))
    .join(" ");
}
