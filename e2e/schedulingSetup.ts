/** What the scheduling e2e tests are not about, made through the API: a patient ready for a course of care. */
import type { apiOf } from "./harness.ts";

type Call = ReturnType<typeof apiOf>;

/** A new patient with a screened episode and a Cherkin plan starting `startOn`, re-evaluated on the dates given. */
export async function patientWithPlan(call: Call, name: { givenName: string; familyName: string }, startOn: string, reEvaluations: string[] = []): Promise<{ patient: { id: string }; plan: { id: string } }> {
  const patient = await call("POST", "/api/v1/patients", { ...name, birthDate: "1984-02-11", sex: "female" });
  const episode = await call("POST", `/api/v1/patients/${patient.id}/episodes`, { onsetDate: "2026-01-10", location: "central", radiation: "none", workStatus: "working" });
  const flags: { id: string }[] = (await call("GET", "/api/v1/red-flags")).flags;
  // Born 1984: the age flag does not apply; every other flag answered "no".
  await call("POST", `/api/v1/episodes/${episode.id}/red-flag-screens`, { answers: Object.fromEntries(flags.filter((f) => f.id !== "age-over-50-or-under-20").map((f) => [f.id, false])) });
  const plan = await call("POST", `/api/v1/patients/${patient.id}/plans`, {
    episodeId: episode.id,
    startOn,
    modality: "manual",
    style: "tcm",
    protocolId: "cherkin-2009-standardised",
    schedule: "2/week × 3 then 1/week × 4",
    reEvaluations,
    goals: [],
    rationale: null,
  });
  return { patient, plan };
}
