/**
 * Licensed questionnaire wording. Item wording belongs to each instrument's
 * owner, so Acuback ships short labels of its own; a clinic holding a licence
 * loads the official wording as a FHIR R4 Questionnaire, and forms then show
 * it. Scoring never changes: the wording is mapped onto our items and option
 * values, and an import that cannot be mapped exactly is refused with the
 * reasons, item by item.
 */
import type { Instrument, InstrumentItem, ResponseOption } from "./instrument.ts";

export interface ItemWording {
  /** The question as the licence holder words it. */
  text: string;
  /** Answer texts keyed by our option value; options without text keep our labels. */
  options: Record<string, string>;
  /**
   * How the source Questionnaire names this question and its answers, so a
   * QuestionnaireResponse can point at that Questionnaire: identifiers and
   * codes only, never its wording. Absent on wording loaded before it was
   * kept, or when the question has no linkId or an answer has no code.
   */
  source?: SourceItem;
}

/** An answer as the source Questionnaire codes it (its display text left out), keyed elsewhere by our option value. */
export type SourceAnswer = { valueCoding: { system?: string; code: string } } | { valueInteger: number } | { valueBoolean: boolean };

export interface SourceItem {
  linkId: string;
  /** Our option value → the source's answer. */
  answers: Record<string, SourceAnswer>;
}

export interface InstrumentWording {
  title: string;
  copyright: string | null;
  /** The Questionnaire's canonical url and version, when it has them. */
  url: string | null;
  version: string | null;
  items: ItemWording[];
}

export type WordingImport =
  | { ok: true; wording: InstrumentWording; notes: string[] }
  | { ok: false; problems: WordingProblem[] };

/** Why an import was refused: `at` is our item id, or "questionnaire" for the whole resource. */
export interface WordingProblem {
  at: string;
  message: string;
}

/** An instrument as a form shows it: wording where loaded, our labels otherwise. */
export interface InstrumentForm {
  id: string;
  name: string;
  version: string;
  items: (InstrumentItem & { shortLabel: string })[];
  wording: { title: string; copyright: string | null } | null;
  /** Whether a patient at home can answer it: our own questions, or the clinic's licensed wording loaded. */
  patientReady: boolean;
}

const MAX_TEXT = 2000;
/** Extensions that carry an answer's score (R4 ordinalValue, its STU3 name, R5 itemWeight, the older ISO 21090 form). */
const SCORE_EXTENSIONS = /\/(ordinalValue|questionnaire-ordinalValue|itemWeight|iso21090-CO-value)$/;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);
const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value.trim() : null);

/** The questions in the order a person answers them: groups opened, display-only text left out. */
function questions(items: unknown): Json[] {
  return list(items).flatMap((item) => {
    const own = item.type === "group" || item.type === "display" ? [] : [item];
    return [...own, ...questions(item.item)];
  });
}

function scoreOf(option: Json): number | null {
  const coding = isObject(option.valueCoding) ? option.valueCoding : null;
  for (const extension of [...list(option.extension), ...list(coding?.extension)]) {
    if (typeof extension.url === "string" && SCORE_EXTENSIONS.test(extension.url)) {
      const value = extension.valueDecimal ?? extension.valueInteger;
      if (typeof value === "number") return value;
    }
  }
  if (typeof option.valueInteger === "number") return option.valueInteger;
  const code = coding?.code;
  return typeof code === "string" && /^-?\d+$/.test(code) ? Number(code) : null;
}

/** The source's own answer value without its wording, or null when only text identifies it. */
function sourceAnswer(option: Json): SourceAnswer | null {
  const coding = isObject(option.valueCoding) ? option.valueCoding : null;
  if (coding && typeof coding.code === "string" && coding.code.trim() !== "") {
    return { valueCoding: { ...(typeof coding.system === "string" && { system: coding.system }), code: coding.code } };
  }
  return typeof option.valueInteger === "number" ? { valueInteger: option.valueInteger } : null;
}

function optionText(option: Json): string | null {
  const coding = isObject(option.valueCoding) ? option.valueCoding : null;
  return text(coding?.display) ?? text(option.valueString) ?? null;
}

/** Maps one question's answer options onto our option values (each value → their option), or says why it cannot. */
function mapOptions(ours: readonly ResponseOption[], question: Json, name: string, notes: string[]): Record<string, Json> | string {
  const theirs = list(question.answerOption);
  if (theirs.length === 0) return {};
  if (theirs.length !== ours.length) {
    return `${name} has ${theirs.length} answer options; ours has ${ours.length} (${ours.map((o) => o.value).join(", ")}).`;
  }
  const scores = theirs.map(scoreOf);
  const picked: Record<string, Json> = {};
  if (scores.every((s) => s !== null)) {
    for (const option of ours) {
      const at = scores.indexOf(option.value);
      if (at < 0 || scores.lastIndexOf(option.value) !== at) {
        return `${name}: its answers score ${scores.join(", ")}; the instrument needs each of ${ours.map((o) => o.value).join(", ")} once.`;
      }
      picked[String(option.value)] = theirs[at]!;
    }
    return picked;
  }
  // No scores given: the options are taken in the order listed, and the importer is told.
  notes.push(`${name}: the answers carry no scores, so they were matched to ${ours.map((o) => o.value).join(", ")} in the order listed.`);
  ours.forEach((option, i) => (picked[String(option.value)] = theirs[i]!));
  return picked;
}

/** The answer texts of the mapped options (options without text keep our labels). */
function optionTexts(picked: Record<string, Json>): Record<string, string> {
  return Object.fromEntries(Object.entries(picked).flatMap(([value, option]) => (optionText(option) ? [[value, optionText(option)!]] : [])));
}

/**
 * The question's linkId and each of our values as its answer, when every one
 * has a code: a listed option's coding or integer; with no options, the number
 * itself (an integer question) or yes/no for our 0/1 (a boolean question).
 */
function sourceItem(ours: readonly ResponseOption[], question: Json, picked: Record<string, Json>): SourceItem | null {
  if (typeof question.linkId !== "string" || question.linkId.trim() === "") return null;
  const answers: Record<string, SourceAnswer> = {};
  if (Object.keys(picked).length === 0) {
    const values = ours.map((o) => o.value);
    if (question.type === "integer") values.forEach((v) => (answers[String(v)] = { valueInteger: v }));
    else if (question.type === "boolean" && values.length === 2 && values.includes(0) && values.includes(1)) Object.assign(answers, { "0": { valueBoolean: false }, "1": { valueBoolean: true } });
    else return null;
    return { linkId: question.linkId, answers };
  }
  for (const [value, option] of Object.entries(picked)) {
    const answer = sourceAnswer(option);
    if (!answer) return null;
    answers[value] = answer;
  }
  return { linkId: question.linkId, answers };
}

export function wordingFromQuestionnaire(instrument: Instrument, resource: unknown): WordingImport {
  if (!isObject(resource) || resource.resourceType !== "Questionnaire") {
    return { ok: false, problems: [{ at: "questionnaire", message: 'This is not a FHIR Questionnaire (resourceType must be "Questionnaire").' }] };
  }
  const found = questions(resource.item);
  const expected = instrument.items.length;
  if (found.length !== expected) {
    return { ok: false, problems: [{ at: "questionnaire", message: `The questionnaire has ${found.length} questions; ${instrument.name} has ${expected}.` }] };
  }
  // Items whose linkIds are our item ids are matched by id; otherwise by order.
  const byId = instrument.items.every((item) => found.some((q) => q.linkId === item.id));
  const notes = [byId ? "Questions were matched to items by linkId." : "Questions were matched to items in the order they appear."];
  const problems: WordingProblem[] = [];
  const items = instrument.items.map((item, i) => {
    const question = byId ? found.find((q) => q.linkId === item.id)! : found[i]!;
    const name = `Question ${i + 1} (${typeof question.linkId === "string" ? `linkId ${question.linkId}` : "no linkId"}, our "${item.label}")`;
    const wording = text(question.text);
    if (!wording) problems.push({ at: item.id, message: `${name} has no text.` });
    else if (wording.length > MAX_TEXT) problems.push({ at: item.id, message: `${name} is longer than ${MAX_TEXT} characters.` });
    const picked = mapOptions(item.options, question, name, notes);
    if (typeof picked === "string") {
      problems.push({ at: item.id, message: picked });
      return { text: wording ?? "", options: {} };
    }
    const source = sourceItem(item.options, question, picked);
    return { text: wording ?? "", options: optionTexts(picked), ...(source && { source }) };
  });
  const title = text(resource.title) ?? text(resource.name) ?? instrument.name;
  const copyright = text(resource.copyright);
  if (title.length > 300) problems.push({ at: "questionnaire", message: "The title is longer than 300 characters." });
  if (copyright && copyright.length > MAX_TEXT) problems.push({ at: "questionnaire", message: `The copyright statement is longer than ${MAX_TEXT} characters.` });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    wording: {
      title,
      copyright,
      url: text(resource.url),
      version: text(resource.version),
      items,
    },
    notes,
  };
}

/** The form for an instrument, with the clinic's wording applied when it fits the items. */
export function formOf(instrument: Instrument, wording: InstrumentWording | null): InstrumentForm {
  const fits = wording !== null && wording.items.length === instrument.items.length;
  return {
    id: instrument.id,
    name: instrument.name,
    version: instrument.version,
    items: instrument.items.map((item, i) => {
      const loaded = fits ? wording.items[i]! : null;
      return {
        id: item.id,
        shortLabel: item.label,
        label: loaded?.text ?? item.question ?? item.label,
        options: item.options.map((o) => ({ value: o.value, label: loaded?.options[String(o.value)] ?? o.label })),
      };
    }),
    wording: fits ? { title: wording.title, copyright: wording.copyright } : null,
    patientReady: fits || instrument.patientWording === "ours",
  };
}
