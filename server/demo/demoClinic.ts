/**
 * The demo clinic: synthetic staff and patients that show what Acuback can do
 * on first start. Every person here is invented; names are common US names,
 * dates and scores are made up to draw plausible courses of care.
 */
import { loadDemoDirectory } from "./demoDirectory.ts";
import { loadDemoReferrals } from "./demoReferrals.ts";
import { randomBytes } from "node:crypto";
import type { PatientId, UserId } from "../../domain/shared/brand.ts";
import type { CalendarDate } from "../../domain/shared/calendarDate.ts";
import type { Sex } from "../../domain/patients/patient.ts";
import type { Database } from "../db/database.ts";
import { insertClinic } from "../db/repositories/clinics.ts";
import type { User } from "../db/repositories/users.ts";
import type { Actor } from "../services/actor.ts";
import { AGE_FLAG_ID, RED_FLAGS } from "../../domain/assessment/redFlags.ts";
import { resolveScreen, screenEpisode, startEpisode } from "../services/episodes.ts";
import { recordPainScore } from "../services/painScores.ts";
import { updateSafetyFlags } from "../services/safetyFlags.ts";
import { addMedication, endMedication } from "../services/medications.ts";
import type { MedicationFields } from "../db/repositories/medications.ts";
import { registerPatient } from "../services/patients.ts";
import { createAccount } from "../services/staff.ts";
import { importWording } from "../services/instrumentWordings.ts";
import { updateFollowUpSchedule } from "../services/followUps.ts";
import { recordInstrumentResponse } from "../services/outcomes.ts";
import { loadDemoTreatment, type DemoTreatmentPatients } from "./demoTreatment.ts";
import { loadDemoBilling, loadDemoMedicare } from "./demoCoverage.ts";
import { loadDemoCorrections } from "./demoCorrections.ts";
import exampleNrsQuestionnaire from "./example-nrs-questionnaire.json" with { type: "json" };
import { SAFETY_FLAGS } from "../../domain/assessment/safetyFlags.ts";
import { FINISHED_COURSES, finishedCourseOdi, loadDemoFinishedCourses } from "./demoFinishedCourses.ts";
import { loadDemoSchedule } from "./demoSchedule.ts";

export const DEMO_CLINIC_NAME = "Riverside Acupuncture (demo)";

export interface DemoAccounts {
  clinicName: string;
  password: string;
  accounts: Pick<User, "email" | "displayName" | "role">[];
}

const STAFF = [
  { email: "owner@demo.acuback.org", displayName: "Dana Whitfield, L.Ac.", role: "owner" },
  { email: "practitioner@demo.acuback.org", displayName: "Sam Okafor, L.Ac.", role: "practitioner" },
  { email: "frontdesk@demo.acuback.org", displayName: "Riley Chen", role: "front_desk" },
] as const;

interface DemoPatient {
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: Sex;
  city: string;
  /** Fictional: 555-0100 to 555-0199 are reserved for fiction in every US area code. One each, so a search by phone finds one person. */
  phone: string;
  /** NRS scores at weekly visits: improving, flat and worsening courses. */
  weeklyPain: number[];
  /** Weeks since the pain began, for the intake; none when no intake yet. */
  episodeWeeks?: number;
  /** Days since the intake was done (default today). */
  intakeDaysAgo?: number;
  /** At intake (default working). */
  workStatus?: "working" | "retired";
  /** Flags found at intake; every other flag is recorded as checked and absent (patients with an intake only). */
  safety?: Record<string, { active: boolean; note: string | null }>;
  /** Start and stop in weeks before today; no start = taken since before the first visit. */
  medications?: (Omit<MedicationFields, "startedOn"> & { startedWeeksAgo?: number; stoppedWeeksAgo?: number })[];
  /** ODI questionnaires: days before today and the ten section answers (0–5). */
  odi?: { daysAgo: number; answers: number[] }[];
}

const PEOPLE: DemoPatient[] = [
  // Intake at her first score; the Cherkin course began three weeks ago (demoTreatment.ts). ODI 44% at intake, 40% at week 4.
  // Needle anxiety recorded at intake (she fainted having blood taken): treated lying down, as every visit charts.
  { givenName: "Maria", familyName: "Alvarez", phone: "503-555-0101", birthDate: "1968-04-12", sex: "female", city: "Portland", weeklyPain: [7, 6, 6, 5, 4, 4, 3, 3], episodeWeeks: 30, intakeDaysAgo: 49,
    safety: { "needle-anxiety": { active: true, note: "Fainted once having blood taken; says she is nervous of needles." } },
    odi: [
      { daysAgo: 49, answers: [3, 1, 3, 2, 3, 2, 2, 2, 2, 2] },
      { daysAgo: 21, answers: [3, 1, 2, 2, 2, 2, 2, 2, 2, 2] },
    ],
    // An opioid taper during care: 40 → 30 → 20 MME/day, drawn beside her pain.
    medications: [
      { name: "Tramadol 50 mg four times daily", opioid: "tramadol", dailyDose: 200, stoppedWeeksAgo: 5, note: null },
      { name: "Tramadol 50 mg three times daily", opioid: "tramadol", dailyDose: 150, startedWeeksAgo: 5, stoppedWeeksAgo: 2, note: "Taper agreed with her GP." },
      { name: "Tramadol 50 mg twice daily", opioid: "tramadol", dailyDose: 100, startedWeeksAgo: 2, note: null },
      { name: "Naproxen 500 mg twice daily", opioid: null, dailyDose: null, note: null },
    ] },
  // Intake at his first score; weekly visits since, on the clinic's own protocol. ODI 36% at intake, 34% at week 4.
  { givenName: "James", familyName: "Carter", phone: "503-555-0102", birthDate: "1955-09-30", sex: "male", city: "Portland", weeklyPain: [6, 6, 5, 6, 6, 5], episodeWeeks: 20, intakeDaysAgo: 35,
    odi: [
      { daysAgo: 35, answers: [2, 1, 3, 2, 2, 2, 2, 1, 2, 1] },
      { daysAgo: 6, answers: [2, 1, 3, 2, 2, 2, 1, 1, 2, 1] },
    ],
    safety: { anticoagulants: { active: true, note: "Warfarin, INR checked monthly" }, "implanted-device": { active: true, note: "Pacemaker since 2019" } } },
  { givenName: "Aiko", familyName: "Tanaka", phone: "503-555-0103", birthDate: "1979-01-22", sex: "female", city: "Beaverton", weeklyPain: [8, 7, 5, 4, 3] },
  // Intake 90 days ago, scores only in the last month: the 4- and 8-week follow-ups were missed.
  { givenName: "Robert", familyName: "Nguyen", phone: "503-555-0104", birthDate: "1962-11-03", sex: "male", city: "Gresham", weeklyPain: [5, 6, 7, 7], episodeWeeks: 16, intakeDaysAgo: 90 },
  // Intake 26 days ago, pain recorded only today: the 4-week milestone still lacks the ODI, and three weekly check-ins were missed
  // (two visits in her first week, then three weeks away; today's visit is a chart in progress).
  { givenName: "Linda", familyName: "Okonkwo", phone: "503-555-0105", birthDate: "1949-06-18", sex: "female", city: "Portland", weeklyPain: [6], episodeWeeks: 9, intakeDaysAgo: 26,
    safety: { "bleeding-disorder": { active: true, note: "Mild type 1 von Willebrand disease; haematology letter on file allows fine, shallow needling." } } },
  // Intake 8 days ago, dry needling then and 3 days later, nothing since: the first weekly check-in is due.
  { givenName: "Chris", familyName: "Miller", phone: "503-555-0106", birthDate: "1990-02-27", sex: "other", city: "Tigard", weeklyPain: [], episodeWeeks: 3, intakeDaysAgo: 8 },
  // Medicare patients (demoCoverage.ts), pain recorded at their visits. Twice-weekly visits and the ODI at week 4 keep every
  // follow-up done so far, and neither has reached week 12, so the follow-up list and the dashboard stay as the browser tests expect.
  // Improving over 14 visits in 45 days: ODI 40% at intake, 28% at week 4.
  { givenName: "Patricia", familyName: "Walsh", phone: "503-555-0107", birthDate: "1953-05-21", sex: "female", city: "Milwaukie", weeklyPain: [], episodeWeeks: 156, intakeDaysAgo: 45, workStatus: "retired",
    odi: [
      { daysAgo: 45, answers: [3, 1, 3, 2, 3, 2, 2, 1, 2, 1] },
      { daysAgo: 17, answers: [2, 1, 2, 1, 2, 2, 1, 1, 1, 1] },
    ] },
  // Better at first, then back to his starting pain by visit 9: ODI 38% at intake, 36% at week 4.
  { givenName: "Frank", familyName: "Delgado", phone: "503-555-0108", birthDate: "1951-08-09", sex: "male", city: "Lake Oswego", weeklyPain: [], episodeWeeks: 104, intakeDaysAgo: 31, workStatus: "retired",
    odi: [
      { daysAgo: 31, answers: [2, 1, 2, 2, 2, 2, 2, 1, 2, 3] },
      { daysAgo: 3, answers: [2, 1, 2, 2, 2, 2, 2, 1, 2, 2] },
    ] },
  // Twelve-week courses finished (demoFinishedCourses.ts): measured at 4, 8 and 12 weeks for the dashboard.
  { givenName: "Angela", familyName: "Brooks", phone: "503-555-0109", birthDate: "1981-03-14", sex: "female", city: "Hillsboro", weeklyPain: [], episodeWeeks: 49, intakeDaysAgo: 98 },
  { givenName: "Kevin", familyName: "Brennan", phone: "503-555-0110", birthDate: "1974-07-02", sex: "male", city: "Beaverton", weeklyPain: [], episodeWeeks: 65, intakeDaysAgo: 91 },
  { givenName: "Denise", familyName: "Howard", phone: "503-555-0111", birthDate: "1966-10-21", sex: "female", city: "Oregon City", weeklyPain: [], episodeWeeks: 116, intakeDaysAgo: 84 },
];

/** The finished courses' ODI questionnaires come with the course (demoFinishedCourses.ts). */
const PATIENTS: DemoPatient[] = PEOPLE.map((person) => {
  const finished = FINISHED_COURSES.find((course) => course.family === person.familyName);
  return finished ? { ...person, odi: finishedCourseOdi(finished) } : person;
});

/**
 * The flags as checked at intake: those found, with their notes, and every
 * other flag recorded as absent, so the patient page says "checked" rather
 * than "not recorded yet" for anyone already in care.
 */
function flagsCheckedAtIntake(found: DemoPatient["safety"] = {}): Record<string, { active: boolean; note: string | null }> {
  return Object.fromEntries(SAFETY_FLAGS.map((flag) => [flag.id, found[flag.id] ?? { active: false, note: null }]));
}

/** A password people can type from the screen: four random groups of letters and digits. */
export function generatePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join("");
  return chars.match(/.{4}/g)!.join("-");
}

/**
 * An intake with a red-flag screen. Patients over 50 screen positive on age
 * alone (AHCPR 1994), so the demo records the practitioner's justification,
 * showing how a positive screen is resolved and kept.
 */
async function loadDemoEpisode(
  db: Database,
  practitioner: Actor,
  patientId: PatientId,
  weeksAgo: number,
  intakeDaysAgo: number,
  today: Date,
  workStatus: NonNullable<DemoPatient["workStatus"]> = "working",
): Promise<string> {
  const day = (date: Date) => date.toISOString().slice(0, 10) as CalendarDate;
  const started = await startEpisode(
    db,
    practitioner,
    patientId,
    {
      intakeOn: day(new Date(today.getTime() - intakeDaysAgo * 86_400_000)),
      onsetDate: day(new Date(today.getTime() - weeksAgo * 7 * 86_400_000)),
      location: "central",
      radiation: "buttock",
      radiationSide: "right",
      priorEpisodes: true,
      spinalSurgery: false,
      pregnant: false,
      pregnancyWeeks: null,
      workStatus,
      notes: "Synthetic demo intake.",
      tcmPatterns: ["cold-damp"],
      tongue: "Pale, thick white coating",
      pulse: "Deep, slow",
    },
    day(today),
  );
  if (!started.ok) throw new Error(`Demo episode: ${started.code}`);
  const answers = Object.fromEntries(RED_FLAGS.map((flag) => [flag.id, false]));
  delete answers[AGE_FLAG_ID];
  const screened = await screenEpisode(db, practitioner, started.value.id, answers, day(today));
  if (!screened.ok) throw new Error(`Demo screen: ${screened.code}`);
  const screen = screened.value.latestScreen;
  if (screen?.outcome === "stop") {
    await resolveScreen(
      db,
      practitioner,
      screen.id,
      { kind: "acknowledged", reasonId: "age-only", safetyNetted: true, note: "Normal neurological examination; GP reviewed last month." },
      day(today),
    );
  }
  return started.value.id;
}

/**
 * Loads the demo clinic. `today` anchors the synthetic visit dates so the
 * charts end near the day the demo is loaded.
 */
export async function loadDemoClinic(db: Database, options: { password?: string; today: Date }): Promise<DemoAccounts> {
  const password = options.password ?? generatePassword();
  const clinic = await insertClinic(db, DEMO_CLINIC_NAME, { demo: true });
  const accounts: User[] = [];
  for (const staff of STAFF) {
    const created = await createAccount(db, { clinicId: clinic.id, password, ...staff });
    if (!created.ok) throw new Error(`Demo account ${staff.email}: ${created.code} ${created.detail ?? ""}`);
    accounts.push(created.value);
  }
  const practitioner: Actor = { userId: accounts[1]!.id as UserId, clinicId: clinic.id, role: "practitioner", ip: null };
  const owner: Actor = { ...practitioner, userId: accounts[0]!.id as UserId, role: "owner" };
  const frontDesk: Actor = { ...practitioner, userId: accounts[2]!.id as UserId, role: "front_desk" };
  // Shows questionnaire wording loaded as FHIR: our own sentence for the NRS, since no licence is involved.
  const wording = await importWording(db, owner, "nrs", exampleNrsQuestionnaire);
  if (!wording.ok) throw new Error(`Demo wording: ${wording.code} ${wording.detail ?? ""}`);
  // A schedule of the clinic's own: pain and disability at the milestones, pain weekly in between.
  await updateFollowUpSchedule(db, owner, { weeks: [4, 8, 12], windowDays: 7, milestoneInstruments: ["nrs", "odi"], checkIn: { everyWeeks: 1, instruments: ["nrs"] } });
  const withEpisodes: DemoTreatmentPatients = {};
  const registeredIds: Record<string, PatientId> = {};
  for (const person of PATIENTS) {
    const registered = await registerPatient(db, practitioner, {
      recordNumber: null,
      givenName: person.givenName,
      familyName: person.familyName,
      birthDate: person.birthDate as CalendarDate,
      sex: person.sex,
      phone: person.phone,
      email: null,
      addressLine: null,
      city: person.city,
      region: "OR",
      postalCode: null,
    });
    if (!registered.ok) throw new Error(`Demo patient: ${registered.code}`);
    registeredIds[person.familyName] = registered.value.id;
    if (person.episodeWeeks !== undefined || person.safety) {
      const flags = await updateSafetyFlags(db, practitioner, registered.value.id, person.episodeWeeks === undefined ? person.safety! : flagsCheckedAtIntake(person.safety));
      if (!flags.ok) throw new Error(`Demo safety flags: ${flags.code}`);
    }
    for (const { startedWeeksAgo, stoppedWeeksAgo, ...medication } of person.medications ?? []) {
      const weeksAgo = (weeks: number) => new Date(options.today.getTime() - weeks * 7 * 86_400_000).toISOString().slice(0, 10) as CalendarDate;
      const added = await addMedication(db, practitioner, registered.value.id, {
        ...medication,
        startedOn: startedWeeksAgo === undefined ? null : weeksAgo(startedWeeksAgo),
      });
      if (!added.ok) throw new Error(`Demo medication: ${added.code}`);
      const id = added.value.medications.find((m) => m.name === medication.name)!.id;
      if (stoppedWeeksAgo !== undefined) await endMedication(db, practitioner, id, weeksAgo(stoppedWeeksAgo));
    }
    if (person.episodeWeeks !== undefined) {
      const episodeId = await loadDemoEpisode(db, practitioner, registered.value.id, person.episodeWeeks, person.intakeDaysAgo ?? 0, options.today, person.workStatus);
      withEpisodes[person.familyName] = { patientId: registered.value.id, episodeId };
    }
    const weeks = person.weeklyPain.length;
    for (const [week, score] of person.weeklyPain.entries()) {
      const day = new Date(options.today.getTime() - (weeks - 1 - week) * 7 * 86_400_000);
      await recordPainScore(db, practitioner, registered.value.id, {
        score,
        recordedOn: day.toISOString().slice(0, 10) as CalendarDate,
        note: week === 0 ? "Baseline at first visit." : null,
      });
    }
    for (const { daysAgo, answers } of person.odi ?? []) {
      const recordedOn = new Date(options.today.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10) as CalendarDate;
      const recorded = await recordInstrumentResponse(db, practitioner, registered.value.id, { instrument: "odi", answers, recordedOn });
      if (!recorded.ok) throw new Error(`Demo ODI: ${recorded.code} ${recorded.detail ?? ""}`);
    }
  }
  // A corrected pain score and intake, and entries in error (services/corrections.ts).
  await loadDemoCorrections(
    db,
    practitioner,
    { tanaka: registeredIds["Tanaka"]!, alvarez: registeredIds["Alvarez"]!, alvarezEpisode: withEpisodes["Alvarez"]!.episodeId },
    options.today.toISOString().slice(0, 10) as CalendarDate,
  );
  // Billing before any visit is signed, so claims carry fees and Maria Alvarez's name her plan and its prior authorisation.
  await loadDemoBilling(db, { owner, practitioner, frontDesk }, withEpisodes, options.today);
  // Plans and charted visits: a Cherkin course, electroacupuncture, dry needling, an amendment, an overridden block.
  await loadDemoTreatment(db, { practitioner, owner }, withEpisodes, options.today);
  // Medicare: one patient past visit 12 while improving (KX from 13), one not improving (the discontinue warning).
  await loadDemoMedicare(db, { practitioner, owner, frontDesk }, withEpisodes, options.today);
  // The calendar: three rooms, two practitioners' hours, a booked week around today, Maria Alvarez's course booked from her plan.
  await loadDemoSchedule(db, { owner, practitioner, frontDesk }, withEpisodes, options.today);
  // Three twelve-week courses finished, measured at 4, 8 and 12 weeks: the dashboard's every column has people in it.
  await loadDemoFinishedCourses(db, { practitioner, owner }, withEpisodes, options.today.toISOString().slice(0, 10) as CalendarDate);
  // The public finder (/find) shows fictional providers near the clinic until a real NPPES file is imported.
  await loadDemoDirectory(db);
  // Two referral contacts saved from that directory, one of them changed there since.
  await loadDemoReferrals(db, practitioner);
  return {
    clinicName: clinic.name,
    password,
    accounts: accounts.map(({ email, displayName, role }) => ({ email, displayName, role })),
  };
}
