/**
 * Opioid dose as morphine milligram equivalents per day (MME/day), so the
 * total can be followed over a course of care. Conversion factors: CDC
 * Clinical Practice Guideline for Prescribing Opioids for Pain, United States,
 * 2022 (MMWR Recomm Rep 2022;71(3)), Table. Doses are mg/day, except
 * transdermal fentanyl in mcg/hr. MME estimates exposure; it is not a guide for
 * converting one opioid to another.
 */
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
