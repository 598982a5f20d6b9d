/**
 * The kinds of acupuncture Acuback charts, with the parameters each takes. One
 * source of truth: the chart, the safety engine, STRICTA, billing and the
 * patient guide all read these lists, so a new modality or muscle appears
 * everywhere at once. Parameter lists are descriptive vocabulary (what a
 * practitioner writes on a chart), not clinical cut-offs.
 */
import type { BodyRegion } from "../points/types.ts";

/** How needles are used in a visit. Electroacupuncture and dry needling are billed and regulated apart (clinical-facts §1, §2). */
export const MODALITIES = [
  { id: "manual", label: "Manual acupuncture", needles: true, electrical: false },
  { id: "electro", label: "Electroacupuncture", needles: true, electrical: true },
  { id: "dry-needling", label: "Dry needling", needles: true, electrical: false },
] as const;
export type ModalityId = (typeof MODALITIES)[number]["id"];

/** Traditions of body acupuncture (STRICTA 1a asks for the style). */
export const ACUPUNCTURE_STYLES = [
  { id: "tcm", label: "Traditional Chinese medicine (TCM)" },
  { id: "japanese", label: "Japanese / Meridian Therapy" },
  { id: "korean", label: "Korean" },
  { id: "five-element", label: "Five Element" },
  { id: "western-medical", label: "Western medical / trigger point" },
] as const;
export type AcupunctureStyle = (typeof ACUPUNCTURE_STYLES)[number]["id"];

export const MANIPULATIONS = [
  { id: "lifting-thrusting", label: "Lifting and thrusting" },
  { id: "twirling", label: "Twirling / rotating" },
  { id: "none", label: "No manipulation" },
] as const;
export type Manipulation = (typeof MANIPULATIONS)[number]["id"];

/** What the manipulation intends, in TCM terms. */
export const NEEDLING_INTENTS = [
  { id: "even", label: "Even" },
  { id: "reinforcing", label: "Reinforcing (tonifying)" },
  { id: "reducing", label: "Reducing (dispersing)" },
] as const;
export type NeedlingIntent = (typeof NEEDLING_INTENTS)[number]["id"];

export const NEEDLE_ANGLES = [
  { id: "perpendicular", label: "Perpendicular" },
  { id: "oblique", label: "Oblique" },
  { id: "transverse", label: "Transverse" },
] as const;

/** Waveforms offered by common electroacupuncture stimulators; dense-disperse alternates two frequencies. */
export const ESTIM_WAVEFORMS = [
  { id: "continuous", label: "Continuous", frequencies: 1 },
  { id: "dense-disperse", label: "Dense-disperse", frequencies: 2 },
  { id: "intermittent", label: "Intermittent", frequencies: 1 },
] as const;
export type EstimWaveform = (typeof ESTIM_WAVEFORMS)[number]["id"];

/**
 * Muscles of the low back, hip and leg that dry needling treats, each with the
 * atlas region it lies in (the safety engine reads the region, e.g. for
 * pregnancy). Anatomy, not a clinical rule.
 */
export const DRY_NEEDLING_MUSCLES = [
  { id: "quadratus-lumborum", label: "Quadratus lumborum", region: "lower back" },
  { id: "erector-spinae", label: "Erector spinae (lumbar)", region: "lower back" },
  { id: "multifidus", label: "Multifidus (lumbar)", region: "lower back" },
  { id: "iliopsoas", label: "Iliopsoas", region: "abdomen" },
  { id: "gluteus-maximus", label: "Gluteus maximus", region: "hips/buttocks" },
  { id: "gluteus-medius", label: "Gluteus medius", region: "hips/buttocks" },
  { id: "gluteus-minimus", label: "Gluteus minimus", region: "hips/buttocks" },
  { id: "piriformis", label: "Piriformis", region: "hips/buttocks" },
  { id: "tensor-fasciae-latae", label: "Tensor fasciae latae", region: "thigh" },
  { id: "hamstrings", label: "Hamstrings", region: "thigh" },
  { id: "adductors", label: "Hip adductors", region: "thigh" },
  { id: "quadriceps", label: "Quadriceps", region: "thigh" },
  { id: "gastrocnemius", label: "Gastrocnemius", region: "leg" },
  { id: "soleus", label: "Soleus", region: "leg" },
  { id: "tibialis-anterior", label: "Tibialis anterior", region: "leg" },
  { id: "peroneus-longus", label: "Fibularis (peroneus) longus", region: "leg" },
] as const satisfies readonly { id: string; label: string; region: BodyRegion }[];
export type DryNeedlingMuscle = (typeof DRY_NEEDLING_MUSCLES)[number]["id"];

export const DRY_NEEDLING_TECHNIQUES = [
  { id: "static", label: "Static (needle left in place)" },
  { id: "pistoning", label: "Pistoning (fast in and out)" },
] as const;
export type DryNeedlingTechnique = (typeof DRY_NEEDLING_TECHNIQUES)[number]["id"];

/** Treatments given beside the needles, each recorded with where and for how long. */
export const ADJUNCTS = [
  { id: "moxibustion", label: "Moxibustion", methods: ["direct", "indirect"], onPoints: true },
  { id: "cupping", label: "Cupping", methods: ["static", "moving"], onPoints: false },
  { id: "heat-lamp", label: "Heat lamp (TDP)", methods: [], onPoints: false },
  { id: "gua-sha", label: "Gua sha", methods: [], onPoints: false },
] as const;
export type AdjunctId = (typeof ADJUNCTS)[number]["id"];

export const PATIENT_POSITIONS = [
  { id: "prone", label: "Prone (face down)" },
  { id: "supine", label: "Supine (face up)" },
  { id: "side-lying-left", label: "Lying on the left side" },
  { id: "side-lying-right", label: "Lying on the right side" },
  { id: "seated", label: "Seated" },
] as const;
export type PatientPosition = (typeof PATIENT_POSITIONS)[number]["id"];

/** Adverse events to record after needling (the kinds Witt 2009 and the NPSA/NRLS reports count; clinical-facts §6). */
export const ADVERSE_EVENTS = [
  { id: "bruising-bleeding", label: "Bruising or bleeding" },
  { id: "needling-pain", label: "Pain at needling" },
  { id: "dizziness-fainting", label: "Dizziness or fainting" },
  { id: "nerve-irritation", label: "Nerve irritation" },
  { id: "pneumothorax", label: "Pneumothorax" },
  { id: "retained-needle", label: "Retained needle" },
  { id: "burn", label: "Burn" },
  { id: "other", label: "Other" },
] as const;
export type AdverseEventKind = (typeof ADVERSE_EVENTS)[number]["id"];
export const ADVERSE_EVENT_SEVERITIES = ["mild", "moderate", "severe"] as const;
export type AdverseEventSeverity = (typeof ADVERSE_EVENT_SEVERITIES)[number];

export function labelOf<T extends { id: string; label: string }>(list: readonly T[], id: string | null | undefined): string {
  return list.find((entry) => entry.id === id)?.label ?? (id ?? "");
}

export function idsOf<T extends { id: string }>(list: readonly T[]): T["id"][] {
  return list.map((entry) => entry.id);
}
