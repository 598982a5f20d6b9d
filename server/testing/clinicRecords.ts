/**
 * One of every kind of record a clinic keeps, made through the API, for the
 * route security tests: their ids by the name routes give them (patientId,
 * visitId…) and the strings that must never show in another clinic's answers.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import type { LightMyRequestResponse } from "fastify";
import { RED_FLAGS } from "../../domain/assessment/redFlags.ts";
import { bookingClinic, at, type BookingClinic } from "../http/tests/appointmentsFixture.ts";
import { patientBody, type TestContext } from "./testClinic.ts";

export interface ClinicRecords {
  clinic: BookingClinic;
  /** By route parameter name: patientId, episodeId, visitId, scoreId, appointmentId, roomId… */
  ids: Record<string, string>;
  /** The clinic's ids and its patient's names and record number: none may appear in another clinic's answer. */
  secrets: string[];
}

function created(response: LightMyRequestResponse, what: string): Record<string, unknown> & { id: string } {
  assert.ok(response.statusCode === 200 || response.statusCode === 201, `${what}: ${response.statusCode} ${response.body}`);
  return response.json();
}

const allNo = () => Object.fromEntries(RED_FLAGS.filter((f) => f.id !== "age-over-50-or-under-20").map((f) => [f.id, false]));

export async function clinicRecords(t: TestContext): Promise<ClinicRecords> {
  const clinic = await bookingClinic(t);
  const { owner, practitioner, frontDesk } = clinic;
  const tag = randomBytes(3).toString("hex");
  const names = { givenName: `Given${tag}`, familyName: `Family${tag}`, recordNumber: `MRN-${tag}` };
  const patient = created(await frontDesk.post("/api/v1/patients", patientBody({ ...names, birthDate: "1985-03-02" })), "patient");
  const p = `/api/v1/patients/${patient.id}`;
  const episode = created(await practitioner.post(`${p}/episodes`, { onsetDate: "2025-01-05", location: "central", radiation: "none", workStatus: "working" }), "episode");
  const screen = created(await practitioner.post(`/api/v1/episodes/${episode.id}/red-flag-screens`, { answers: allNo() }), "red-flag screen");
  const score = created(await practitioner.post(`${p}/pain-scores`, { score: 6, recordedOn: "2026-03-01" }), "pain score");
  const medication = created(await practitioner.post(`${p}/medications`, { name: "Ibuprofen" }), "medication");
  const response = created(await practitioner.post(`${p}/instrument-responses`, { instrument: "nrs", answers: [5], recordedOn: "2026-02-01" }), "instrument response");
  const link = created(await practitioner.post(`${p}/report-links`, { instruments: ["nrs"] }), "report link");
  const plan = created(
    await practitioner.post(`${p}/plans`, {
      episodeId: episode.id, startOn: "2027-03-01", modality: "manual", style: "tcm", protocolId: "cherkin-2009-standardised",
      schedule: "2/week × 3 then 1/week × 4", reEvaluations: [], goals: [], rationale: null,
    }),
    "plan",
  );
  const today = new Date().toISOString().slice(0, 10);
  const visit = created(await practitioner.post(`${p}/visits`, { visitOn: today, start: { from: "protocol", protocolId: "cherkin-2009-standardised" } }), "visit draft");
  const appointment = created(
    await frontDesk.post("/api/v1/appointments", {
      patientId: patient.id, practitionerId: practitioner.userId, roomId: clinic.rooms[0]!.id, typeId: clinic.followUp.id, start: at("2027-03-03", "10:00"),
    }),
    "appointment",
  );
  const treatment = {
    modality: "manual", style: "tcm", electro: null, dryNeedling: null, adjuncts: [], needles: { gaugeMm: 0.25, lengthMm: 40, material: null },
    sites: [{ point: "BL23", ashiRegion: null, side: "bilateral", depth: { value: 1, unit: "cun" }, angle: "perpendicular", manipulation: "twirling", intent: "even", deQi: null, retentionMinutes: 20, infectedSite: false }],
  };
  const protocol = created(await owner.post("/api/v1/protocols", { name: `Protocol ${tag}`, treatment }), "protocol");
  const timeOff = created(
    await practitioner.post(`/api/v1/practitioners/${practitioner.userId}/time-off`, { fromOn: "2027-06-01", toOn: "2027-06-01", weekday: null, start: null, end: null, reason: "course" }),
    "time off",
  );
  const holiday = created(await owner.post("/api/v1/holidays", { on: "2027-07-05", name: "Independence Day (observed)" }), "holiday");
  const token = created(await owner.post("/api/v1/api-tokens", { name: `token ${tag}`, scope: "read" }), "API token");
  const feed = created(await owner.post(`/api/v1/practitioners/${practitioner.userId}/calendar-feed`), "calendar feed");
  const directoryImport = created(await owner.post("/api/v1/directory/imports", { fileName: "npidata.csv", size: 10 }), "directory import");
  const ids: Record<string, string> = {
    patientId: patient.id, episodeId: episode.id, screenId: (screen.latestScreen as { id: string }).id, scoreId: score.id, medicationId: (medication.medications as { id: string }[])[0]!.id,
    responseId: response.id, linkId: link.id, planId: plan.id, visitId: visit.id, appointmentId: (appointment.appointment as { id: string }).id,
    roomId: clinic.rooms[0]!.id, typeId: clinic.followUp.id, protocolId: protocol.id, timeOffId: timeOff.id, holidayId: holiday.id,
    tokenId: (token.apiToken as { id: string }).id, feedId: (feed.feed as { id: string }).id, importId: directoryImport.id, userId: practitioner.userId, practitionerId: practitioner.userId,
  };
  for (const [name, id] of Object.entries(ids)) assert.equal(typeof id, "string", `${name} has an id`);
  return { clinic, ids, secrets: [...new Set([...Object.values(ids), names.givenName, names.familyName, names.recordNumber, clinic.clinicId])] };
}

/** The record kind a path parameter names: `{id}` takes its name from the segment before it. */
export function parameterKind(path: string, name: string): string {
  if (name !== "id") return name;
  const segment = path.split("/{id}")[0]!.split("/").pop();
  const bySegment: Record<string, string> = {
    rooms: "roomId", "appointment-types": "typeId", "time-off": "timeOffId", holidays: "holidayId", appointments: "appointmentId", instruments: "instrument",
  };
  return bySegment[segment ?? ""] ?? `unknown:${segment}`;
}

/** Path parameters that are not record ids: a public code, a token, a file name. */
export const NOT_IDS: Readonly<Record<string, string>> = {
  code: "BL23",
  instrument: "odi",
  token: "A".repeat(43),
  file: `${"A".repeat(43)}.ics`,
};
