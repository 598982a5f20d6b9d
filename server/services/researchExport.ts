/**
 * A clinic's outcomes for research, de-identified by HIPAA Safe Harbor
 * (domain/deidentification/safeHarbor.ts): CSV files of patients, episodes,
 * visits with their points, outcomes and adverse events, and a data
 * dictionary. Patients get a code made for this export only (random, derived
 * from nothing about them); every date becomes days since the episode's
 * intake; ages over 89 are one group; ZIP codes keep three digits (000 for
 * small areas); free text (notes, SOAP, tongue and pulse, reasons, actions
 * taken) is dropped, never scrubbed. Entries in error and drafts are left out.
 */
import { randomBytes } from "node:crypto";
import { dayOf, safeHarborAge, zip3 } from "../../domain/deidentification/safeHarbor.ts";
import type { ClinicId } from "../../domain/shared/brand.ts";
import type { CalendarDate } from "../../domain/shared/calendarDate.ts";
import { siteLabel } from "../../domain/treatment/treatment.ts";
import type { Database } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { listEpisodes, type EpisodeRecord } from "../db/repositories/episodes.ts";
import { listInstrumentResponses } from "../db/repositories/instrumentResponses.ts";
import { listPainScores } from "../db/repositories/painScores.ts";
import { allPatientsOfClinic } from "../db/repositories/patients.ts";
import { listVisits } from "../db/repositories/visits.ts";
import { ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";
import { csvOf as csv, zipBuffer, type CsvValue } from "./csvZip.ts";

type Row = CsvValue[];

/** Every file and column, with what it means: written out as data_dictionary.csv. */
export const RESEARCH_FILES = {
  "patients.csv": {
    patient: "Code for the patient, made at random for this export; the same patient has another code in another export",
    sex: "Administrative sex (female, male, other, unknown)",
    age_at_first_intake: "Age in whole years at the first episode's intake; every age over 89 is 90+ (HIPAA Safe Harbor)",
    zip3: "First three digits of the ZIP code; 000 where that area has 20,000 people or fewer (HHS list); empty when none",
    state: "Two-letter state, when recorded as one",
  },
  "episodes.csv": {
    patient: "Patient code (patients.csv)",
    episode: "Episode code: the patient's code and the episode's number in order of intake",
    onset_day: "Days from the intake to when the pain began (zero or negative)",
    location: "Where the back pain is (central, left, right, both)",
    radiation: "How far it spreads (none, buttock, thigh, below-knee)",
    radiation_side: "Side of the spread (left, right, both), when it spreads",
    prior_episodes: "Earlier episodes of back pain (true/false)",
    spinal_surgery: "Earlier spinal surgery (true/false)",
    pregnant: "Pregnant at intake (true/false)",
    pregnancy_weeks: "Weeks of pregnancy at intake, when pregnant",
    work_status: "Work status at intake",
    icd10_code: "ICD-10-CM diagnosis chosen for billing, when chosen",
    tcm_patterns: "TCM patterns recorded, separated by ;",
  },
  "visits.csv": {
    patient: "Patient code",
    episode: "Episode code",
    visit: "Visit code: the episode's code and the visit's number in date order",
    day: "Days from the episode's intake to the visit",
    modality: "Manual acupuncture, electroacupuncture or dry needling",
    style: "Style of acupuncture (e.g. tcm, japanese), empty for dry needling",
    points: "Needled sites with their side, WHO point codes or ashi regions, separated by ;",
    sites: "Number of needled sites",
    needles_in: "Needles inserted",
    needles_out: "Needles removed",
    max_retention_minutes: "Longest needle retention recorded, in minutes",
    estim: "Electrical stimulation: waveform, Hz, mA or to tolerance, minutes; empty when none",
    pain_before: "Pain 0–10 before treatment",
    pain_after: "Pain 0–10 after treatment",
    face_to_face_minutes: "Personal one-on-one contact, in minutes",
  },
  "outcomes.csv": {
    patient: "Patient code",
    episode: "Episode code of the episode in course on that day (the first episode for scores before it)",
    day: "Days from that episode's intake",
    instrument: "nrs, odi, rmdq, peg or start-back",
    score: "The instrument's score",
    unit: "What the score counts (points, percent)",
    band: "The instrument's band, where it has one",
    source: "clinic (recorded by staff, including pain before and after visits) or patient-link (answered at home)",
  },
  "adverse_events.csv": {
    patient: "Patient code",
    episode: "Episode code",
    visit: "Visit code",
    day: "Days from the episode's intake to the visit",
    kind: "Kind of adverse event",
    severity: "mild, moderate or severe",
  },
} as const satisfies Record<string, Record<string, string>>;

export type ResearchFile = keyof typeof RESEARCH_FILES | "data_dictionary.csv";
export const RESEARCH_FILE_NAMES = [...Object.keys(RESEARCH_FILES), "data_dictionary.csv"] as ResearchFile[];

/** The episode in course on a day: the latest whose intake is on or before it, else the first. */
function episodeOn(episodes: readonly { record: EpisodeRecord; code: string }[], date: CalendarDate) {
  const started = episodes.filter((e) => e.record.intakeOn <= date);
  return started.at(-1) ?? episodes[0]!;
}

export async function researchExport(db: Database, clinicId: ClinicId): Promise<Record<ResearchFile, string> & { counts: Record<string, number> }> {
  const rows: Record<keyof typeof RESEARCH_FILES, Row[]> = {
    "patients.csv": [],
    "episodes.csv": [],
    "visits.csv": [],
    "outcomes.csv": [],
    "adverse_events.csv": [],
  };
  const patients = (await allPatientsOfClinic(db, clinicId)).filter((p) => p.status === "active");
  const taken = new Set<string>();
  for (const patient of patients) {
    let code: string;
    do code = `P${randomBytes(5).toString("hex").toUpperCase()}`;
    while (taken.has(code));
    taken.add(code);
    const episodes = (await listEpisodes(db, clinicId, patient.id))
      .filter((e) => !e.enteredInError)
      .sort((a, b) => (a.intakeOn < b.intakeOn ? -1 : 1))
      .map((record, i) => ({ record, code: `${code}-E${i + 1}` }));
    const state = /^[A-Z]{2}$/.test(patient.region ?? "") ? patient.region : "";
    rows["patients.csv"].push([code, patient.sex, episodes[0] ? safeHarborAge(patient.birthDate, episodes[0].record.intakeOn) : "", zip3(patient.postalCode), state]);
    if (episodes.length === 0) continue;
    for (const { record: e, code: episode } of episodes) {
      rows["episodes.csv"].push([
        code, episode, dayOf(e.intakeOn, e.onsetDate), e.location, e.radiation, e.radiationSide, e.priorEpisodes, e.spinalSurgery, e.pregnant, e.pregnancyWeeks,
        e.workStatus, e.icd10Code, e.tcmPatterns.join(";"),
      ]);
    }
    const visits = (await listVisits(db, clinicId, patient.id)).filter((v) => v.status === "signed").sort((a, b) => (a.visitOn < b.visitOn ? -1 : 1));
    const visitNumber = new Map<string, number>();
    for (const visit of visits) {
      const episode = episodes.find((e) => e.record.id === visit.episodeId) ?? episodeOn(episodes, visit.visitOn);
      const n = (visitNumber.get(episode.code) ?? 0) + 1;
      visitNumber.set(episode.code, n);
      const visitCode = `${episode.code}-V${n}`;
      const day = dayOf(episode.record.intakeOn, visit.visitOn);
      const { treatment, needleCount } = visit.chart;
      const retention = Math.max(0, ...treatment.sites.map((s) => s.retentionMinutes ?? 0));
      const estim = treatment.electro
        ? `${treatment.electro.waveform} ${treatment.electro.frequenciesHz.join("/")} Hz ${treatment.electro.intensity === "to-tolerance" ? "to tolerance" : `${treatment.electro.intensity.mA} mA`} ${treatment.electro.minutes} min`
        : "";
      rows["visits.csv"].push([
        code, episode.code, visitCode, day, treatment.modality, treatment.style, treatment.sites.map(siteLabel).join("; "), treatment.sites.length,
        needleCount.inserted, needleCount.removed, retention || null, estim, visit.chart.painBefore, visit.chart.painAfter, visit.chart.faceToFaceMinutes,
      ]);
      for (const event of visit.chart.adverseEvents) rows["adverse_events.csv"].push([code, episode.code, visitCode, day, event.kind, event.severity]);
    }
    for (const score of await listPainScores(db, clinicId, patient.id)) {
      if (score.enteredInError) continue;
      const episode = episodeOn(episodes, score.recordedOn);
      rows["outcomes.csv"].push([code, episode.code, dayOf(episode.record.intakeOn, score.recordedOn), "nrs", score.score, "points", null, "clinic"]);
    }
    for (const response of await listInstrumentResponses(db, clinicId, patient.id)) {
      if (response.enteredInError) continue;
      const episode = episodeOn(episodes, response.recordedOn);
      rows["outcomes.csv"].push([code, episode.code, dayOf(episode.record.intakeOn, response.recordedOn), response.instrument, response.score, response.unit, response.band, response.source]);
    }
  }
  // Rows in order of the random codes, so no file's order tells when a patient registered.
  const byCode = (a: Row, b: Row) => (String(a[0]) < String(b[0]) ? -1 : String(a[0]) > String(b[0]) ? 1 : 0);
  const files = Object.fromEntries(
    Object.entries(RESEARCH_FILES).map(([file, columns]) => [file, csv(Object.keys(columns), [...rows[file as keyof typeof RESEARCH_FILES]].sort(byCode))]),
  ) as Record<keyof typeof RESEARCH_FILES, string>;
  const dictionary = csv(
    ["file", "column", "meaning"],
    Object.entries(RESEARCH_FILES).flatMap(([file, columns]) => Object.entries(columns).map(([column, meaning]) => [file, column, meaning])),
  );
  const counts = Object.fromEntries(Object.entries(rows).map(([file, list]) => [file, list.length]));
  return { ...files, "data_dictionary.csv": dictionary, counts };
}

/**
 * The whole export as one zip, for an owner. One download, so every file
 * carries the same patient codes and can be joined (the codes are new each
 * time). Audited with the row counts; no patient is named, since none is.
 */
export async function researchExportZip(db: Database, actor: Actor): Promise<Outcome<Buffer>> {
  const refused = denied(actor, "data.export");
  if (refused) return refused;
  const exported = await researchExport(db, actor.clinicId);
  const zip = await zipBuffer(Object.fromEntries(RESEARCH_FILE_NAMES.map((file) => [file, exported[file]])));
  await appendAuditEvent(db, {
    clinicId: actor.clinicId,
    userId: actor.userId,
    action: "read",
    entity: "research_export",
    ip: actor.ip,
    detail: exported.counts,
  });
  return ok(zip);
}
