/**
 * What is done in a visit: the treatment. A value the chart edits, the safety
 * engine checks, the server stores as it was signed and STRICTA reads back.
 */
import type { BodyRegion, NeedleAngle } from "../points/types.ts";
import type {
  AcupunctureStyle,
  AdjunctId,
  DryNeedlingMuscle,
  DryNeedlingTechnique,
  EstimWaveform,
  Manipulation,
  ModalityId,
  NeedlingIntent,
} from "./modalities.ts";

/** Which side a site was needled on. Midline points (GV, CV) are "midline". */
export type Side = "left" | "right" | "bilateral" | "midline";
export const SIDES: readonly Side[] = ["left", "right", "bilateral", "midline"];

/** Depth as charted, with its unit: the cun is proportional to the patient, so mm and cun are never mixed. */
export interface Depth {
  value: number;
  unit: "mm" | "cun";
}

/** One needled site: an atlas point (by WHO code) or an ashi (tender) point by region. */
export interface NeedleSite {
  /** WHO code of the point; null for an ashi point. */
  point: string | null;
  /** For ashi points: where the tender point is. */
  ashiRegion: BodyRegion | null;
  side: Side;
  depth: Depth | null;
  angle: NeedleAngle | null;
  manipulation: Manipulation | null;
  intent: NeedlingIntent | null;
  /** De qi obtained (null: not recorded). */
  deQi: boolean | null;
  retentionMinutes: number | null;
  /** The practitioner marked the skin at this site as infected, ulcerated or broken. */
  infectedSite: boolean;
}

/** One end of an e-stim lead: a needled site on one side. */
export interface SiteRef {
  point: string;
  side: "left" | "right" | "midline";
}

export interface ElectroStimulation {
  /** Electrode pairs, each between two needled sites. */
  pairs: { a: SiteRef; b: SiteRef }[];
  waveform: EstimWaveform;
  /** One frequency, or two for dense-disperse (low, high). */
  frequenciesHz: number[];
  /** Current in mA, or raised to the patient's tolerance. */
  intensity: { mA: number } | "to-tolerance";
  minutes: number;
}

export interface DryNeedling {
  muscles: { muscle: DryNeedlingMuscle; side: "left" | "right" | "bilateral" }[];
  technique: DryNeedlingTechnique;
  localTwitchResponse: boolean | null;
}

export interface Adjunct {
  kind: AdjunctId;
  /** direct/indirect for moxibustion, static/moving for cupping; null where the adjunct has no method. */
  method: string | null;
  /** Points, for moxibustion on points. */
  points: string[];
  /** Where, in words ("lumbar region, both sides"). */
  site: string;
  minutes: number | null;
}

export interface NeedlesUsed {
  /** Diameter in mm (e.g. 0.25) as the packet states it. */
  gaugeMm: number | null;
  lengthMm: number | null;
  /** Material or maker (e.g. "stainless steel, Seirin J-type"). */
  material: string | null;
}

export interface Treatment {
  modality: ModalityId;
  /** Style of body acupuncture; null for dry needling. */
  style: AcupunctureStyle | null;
  sites: NeedleSite[];
  electro: ElectroStimulation | null;
  dryNeedling: DryNeedling | null;
  adjuncts: Adjunct[];
  needles: NeedlesUsed;
}

export function emptyTreatment(modality: ModalityId = "manual"): Treatment {
  return {
    modality,
    style: modality === "dry-needling" ? "western-medical" : "tcm",
    sites: [],
    electro: null,
    dryNeedling: null,
    adjuncts: [],
    needles: { gaugeMm: null, lengthMm: null, material: null },
  };
}

export function newSite(point: string | null, side: Side, ashiRegion: BodyRegion | null = null): NeedleSite {
  return {
    point,
    ashiRegion,
    side,
    depth: null,
    angle: null,
    manipulation: null,
    intent: null,
    deQi: null,
    retentionMinutes: null,
    infectedSite: false,
  };
}

/** Needles a site takes: two for a bilateral point, one otherwise. */
export function needlesAt(site: NeedleSite): number {
  return site.side === "bilateral" ? 2 : 1;
}

/** Needles the treatment plans to insert: one per site and side. */
export function plannedNeedleCount(treatment: Treatment): number {
  return treatment.sites.reduce((sum, site) => sum + needlesAt(site), 0);
}

/** Whether the site is on the given side (bilateral sites are on both). */
export function siteCovers(site: NeedleSite, side: SiteRef["side"]): boolean {
  return site.side === side || (site.side === "bilateral" && side !== "midline");
}

/** A short label for a site ("BL23 both sides", "ashi, lower back, left"). */
export function siteLabel(site: NeedleSite): string {
  const where = site.point ?? `ashi, ${site.ashiRegion ?? "region not recorded"}`;
  const side = { left: "left", right: "right", bilateral: "both sides", midline: "midline" }[site.side];
  return `${where} ${side}`;
}
