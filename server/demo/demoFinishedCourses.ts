/**
 * Three demo patients who finished a twelve-week course, so the outcomes
 * dashboard has people measured at 4, 8 and 12 weeks from intake and its
 * figures mean something on the first start: one better from the first month,
 * one slow to respond, one not helped and referred back to her GP. Weekly
 * visits on the Cherkin 2009 standardised prescription record the pain (each
 * visit's pain before and after is a score on the chart, services/visits.ts),
 * so every weekly check-in is done; the ODI is taken at intake and at 4, 8 and
 * 12 weeks, and the week-12 review records pain without a visit. Everything
 * is invented; dates count back from the day the demo loads.
 */
import type { CalendarDate } from "../../domain/shared/calendarDate.ts";
import type { Database } from "../db/database.ts";
import type { Actor } from "../services/actor.ts";
import { recordPainScore } from "../services/painScores.ts";
import { chartCourse, cherkinFirst, increments, must, withDeQi, type Course, type DemoTreatmentPatients, type VisitDay } from "./demoTreatment.ts";

export interface FinishedCourse {
  family: string;
  /** Days from intake to the day the demo loads. */
  intakeDaysAgo: number;
  /** Pain before each weekly visit, weeks 0 to 11, then at the week-12 review. */
  painByWeek: number[];
  /** How much lower pain is straight after needling. */
  reliefAfter: number;
  /** ODI percentages at intake and at 4, 8 and 12 weeks. */
  odi: [number, number, number, number];
  rationale: string;
  firstVisit: VisitDay["soap"];
  lastVisit: VisitDay["soap"];
}

export const FINISHED_COURSES: readonly FinishedCourse[] = [
  {
    family: "Brooks",
    intakeDaysAgo: 98,
    painByWeek: [7, 6, 6, 5, 4, 4, 3, 3, 3, 2, 2, 2, 2],
    reliefAfter: 1,
    odi: [42, 32, 24, 18],
    rationale: "Eight months of low back pain after a move; desk work. The Cherkin 2009 standardised prescription, weekly for twelve weeks, with a walking programme.",
    firstVisit: {
      subjective: "Low back ache for eight months since moving house, worst after a day at her desk.",
      objective: "Tender at both lower lumbar paraspinals; flexion limited at the end of range. Neurological screen normal.",
      assessment: "Chronic non-specific low back pain.",
      plan: "Weekly for twelve weeks; NRS and ODI at 4, 8 and 12 weeks.",
    },
    lastVisit: {
      subjective: "Pain 2 at most; back to her yoga class.",
      objective: "Full, easy lumbar range.",
      assessment: "Better by more than the MCID on NRS and ODI since week 4.",
      plan: "Last planned visit; review at week 12 with the ODI, then as needed.",
    },
  },
  {
    family: "Brennan",
    intakeDaysAgo: 91,
    painByWeek: [6, 6, 6, 6, 6, 5, 5, 5, 4, 4, 4, 3, 3],
    reliefAfter: 0,
    odi: [38, 36, 28, 24],
    rationale: "Low back pain for a year, worse driving his delivery route. The Cherkin 2009 standardised prescription weekly for twelve weeks.",
    firstVisit: {
      subjective: "A year of low back pain, worse after long days driving; sleeps poorly.",
      objective: "Paraspinals tight on both sides; straight-leg raise full.",
      assessment: "Chronic non-specific low back pain.",
      plan: "Weekly for twelve weeks; NRS and ODI at 4, 8 and 12 weeks.",
    },
    lastVisit: {
      subjective: "Down to 3; stops for a walk on his route now.",
      objective: "Less guarded; flexion to the ankles.",
      assessment: "No change at week 4, better by the MCID from week 8.",
      plan: "Last planned visit; week-12 review with the ODI.",
    },
  },
  {
    family: "Howard",
    intakeDaysAgo: 84,
    painByWeek: [6, 6, 7, 6, 6, 6, 5, 6, 6, 6, 6, 6, 6],
    reliefAfter: 0,
    odi: [34, 34, 32, 34],
    rationale: "Low back pain for two years; physiotherapy helped for a while. The Cherkin 2009 standardised prescription weekly for twelve weeks, re-evaluated at 4 and 8 weeks.",
    firstVisit: {
      subjective: "Two years of low back pain; physiotherapy helped for a few months last year.",
      objective: "Diffuse tenderness over the low back; range full but slow.",
      assessment: "Chronic non-specific low back pain.",
      plan: "Weekly for twelve weeks; NRS and ODI at 4, 8 and 12 weeks.",
    },
    lastVisit: {
      subjective: "Still 6 most days; would like to try something else.",
      objective: "Unchanged from intake.",
      assessment: "Not improving over twelve weeks (NRS and ODI within their MCID of baseline).",
      plan: "Stop acupuncture; letter to her GP suggesting a review and a pain-management programme.",
    },
  },
];

/** ODI section answers (0–5 each) that add up to `percent` of 50. */
export function odiAnswers(percent: number): number[] {
  const total = Math.round((percent / 100) * 50);
  return Array.from({ length: 10 }, (_, i) => Math.floor(total / 10) + (i < total % 10 ? 1 : 0));
}

/** The ODI days and answers, for demoClinic.ts to record with the other questionnaires. */
export function finishedCourseOdi(course: FinishedCourse): { daysAgo: number; answers: number[] }[] {
  return course.odi.map((percent, i) => ({ daysAgo: course.intakeDaysAgo - i * 28, answers: odiAnswers(percent) }));
}

function asCourse(course: FinishedCourse): Course {
  const weekly = course.painByWeek.slice(0, 12);
  const daysAgo = (week: number) => course.intakeDaysAgo - week * 7;
  const visit = (week: number, pain: number): VisitDay => ({
    daysAgo: daysAgo(week),
    start: week === 0 ? { from: "protocol", protocolId: "cherkin-2009-standardised" } : { from: "last-visit" },
    treatment: week === 0 ? cherkinFirst : withDeQi(true),
    needles: 8,
    pain: [pain, Math.max(0, pain - course.reliefAfter)],
    position: "prone",
    faceToFaceMinutes: 25,
    increments: increments(25),
    coInterventions: null,
    advice: "Walk every day, a little further each week; heat at home when stiff.",
    soap:
      week === 0
        ? course.firstVisit
        : week === weekly.length - 1
          ? course.lastVisit
          : { subjective: `Pain ${pain} before needling this week.`, objective: "As last week.", assessment: week % 4 === 0 ? `Week ${week} re-evaluation: NRS and ODI recorded.` : "Course continues.", plan: "Repeat the course prescription." },
  });
  return {
    family: course.family,
    actor: "practitioner",
    plan: (on) => ({
      startOn: on(course.intakeDaysAgo),
      modality: "manual",
      style: "tcm",
      protocolId: "cherkin-2009-standardised",
      schedule: "1/week × 12",
      reEvaluations: [on(daysAgo(4)), on(daysAgo(8)), on(daysAgo(12))],
      goals: [
        { instrument: "nrs", change: -2 },
        { instrument: "odi", change: -10 },
      ],
      rationale: course.rationale,
    }),
    visits: weekly.map((pain, week) => visit(week, pain)),
  };
}

/** Charts each finished course, then records its week-12 review score. */
export async function loadDemoFinishedCourses(db: Database, actors: { practitioner: Actor; owner: Actor }, patients: DemoTreatmentPatients, today: CalendarDate): Promise<void> {
  for (const course of FINISHED_COURSES) {
    const patient = patients[course.family];
    if (!patient) throw new Error(`Demo finished course: no demo patient ${course.family} with an episode`);
    await chartCourse(db, actors, patient, asCourse(course), today);
    const reviewOn = new Date(Date.parse(`${today}T00:00:00Z`) - (course.intakeDaysAgo - 84) * 86_400_000).toISOString().slice(0, 10) as CalendarDate;
    must(await recordPainScore(db, actors.practitioner, patient.patientId, { score: course.painByWeek[12]!, recordedOn: reviewOn, note: "12-week review." }), `12-week review of ${course.family}`);
  }
}
