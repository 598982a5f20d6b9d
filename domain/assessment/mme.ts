/**
 * Opioid dose as morphine milligram equivalents per day (MME/day), so the
 * total can be followed over a course of care. Conversion factors: CDC
 * Clinical Practice Guideline for Prescribing Opioids for Pain, United States,
 * 2022 (MMWR Recomm Rep 2022;71(3)), Table. Doses are mg/day, except
 * transdermal fentanyl in mcg/hr. MME estimates exposure; it is not a guide for
 * converting one opioid to another.
 */
import type { CalendarDate } from "../shared/calendarDate.ts";

export const MME_FACTORS = {
  codeine: 0.15,
  "fentanyl transdermal": 2.4,
  hydrocodone: 1,
  hydromorphone: 5,
  methadone: 4.7,
  morphine: 1,
  oxycodone: 1.5,
  oxymorphone: 3,
  tapentadol: 0.4,
  tramadol: 0.2,
} as const;

export type Opioid = keyof typeof MME_FACTORS;

export interface OpioidDose {
  opioid: Opioid;
  /** mg per day (mcg per hour for transdermal fentanyl). */
  dailyDose: number;
}

/** Total MME/day, rounded to one decimal. */
export function mmePerDay(doses: readonly OpioidDose[]): number {
  const total = doses.reduce((sum, dose) => sum + dose.dailyDose * MME_FACTORS[dose.opioid], 0);
  return Math.round(total * 10) / 10;
}

/** An opioid taken over a period; an unknown start means "before the record began". */
export interface OpioidPeriod extends OpioidDose {
  startedOn: CalendarDate | null;
  /** The first day it was no longer taken; null while current. */
  stoppedOn: CalendarDate | null;
}

/** MME/day holding from `from` until the next step's date. */
export interface MmeStep {
  from: CalendarDate;
  mmePerDay: number;
}

/**
 * The total MME/day over [first, last] as steps, one per change, so it can be
 * drawn beside pain: a dose change is recorded as one medication stopped and
 * another started, so the start and stop dates are where the total changes.
 */
export function mmeSteps(periods: readonly OpioidPeriod[], first: CalendarDate, last: CalendarDate): MmeStep[] {
  const takenOn = (day: CalendarDate) =>
    periods.filter((p) => (p.startedOn === null || p.startedOn <= day) && (p.stoppedOn === null || p.stoppedOn > day));
  const changes = periods.flatMap((p) => [p.startedOn, p.stoppedOn]).filter((d): d is CalendarDate => d !== null && d > first && d <= last);
  const steps: MmeStep[] = [];
  for (const day of [first, ...[...new Set(changes)].sort()]) {
    const total = mmePerDay(takenOn(day));
    if (steps.at(-1)?.mmePerDay !== total) steps.push({ from: day, mmePerDay: total });
  }
  return steps;
}
