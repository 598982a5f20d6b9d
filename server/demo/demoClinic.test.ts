/**
 * The demo clinic as the first start shows it: a plan and signed visits for
 * every patient with an episode (through the services, so every note passed
 * the safety check and the signing rules), its coverage and billing (two
 * Medicare patients under NCD 30.3.3, one commercial plan with prior
 * authorisation), and the follow-up story the browser tests rely on left as it was.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { PatientId, UserId } from "../../domain/shared/brand.ts";
import { DISCONTINUE_WARNING, KX } from "../../domain/coverage/ncd30_3_3.ts";
import type { PayerPlan } from "../../domain/coverage/payerPlan.ts";
import { addDays, calendarDateOf } from "../../domain/shared/calendarDate.ts";
import { dryNeedlingMuscleCount } from "../../domain/treatment/visit.ts";
import type { Database } from "../db/database.ts";
import type { Actor } from "../services/actor.ts";
import { billingDetailsOf, feeScheduleOf, patientCoverageOf, payerPlansOf } from "../services/billingSetup.ts";
import { dashboardOf } from "../services/dashboard.ts";
import { followUpsDue } from "../services/followUps.ts";
import { protocolCatalogue } from "../services/protocols.ts";
import { plansOf, type PlanView } from "../services/treatmentPlans.ts";
import { visitsAtRisk } from "../services/visitsAtRisk.ts";
import { visitCoverage } from "../services/visitCoverage.ts";
import { visitsOf, type VisitView } from "../services/visits.ts";
import { openTestDatabase, type TestDatabase } from "../testing/testDatabase.ts";
import { isValidNpi } from "../../domain/directory/npi.ts";
import { searchDirectory } from "../services/directory.ts";
import { referralContactsOf } from "../services/referralContacts.ts";
import { loadDemoClinic } from "./demoClinic.ts";
import { painScoresOf } from "../services/painScores.ts";
import { medicationsOf } from "../services/medications.ts";
import { episodesOf } from "../services/episodes.ts";
import { safetyFlagsOf } from "../services/safetyFlags.ts";
import { flagsInForce } from "../../domain/assessment/safetyFlags.ts";
import { mondayOf, toLocal } from "../../domain/scheduling/clinicTime.ts";
import { appointmentsOfPatient, calendar } from "../services/appointments.ts";
import { scheduleSettings } from "../services/scheduleSettings.ts";

describe("demo clinic", () => {
  let test: TestDatabase;
  let db: Database;
  let actor: Actor;
  const now = new Date();
  const today = calendarDateOf(now);
  const course: Record<string, { patientId: PatientId; plans: PlanView[]; visits: VisitView[] }> = {};

  before(async () => {
    test = await openTestDatabase();
    db = test.db;
    await loadDemoClinic(db, { password: "demo password 2468", today: now });
    const [user] = await db.query<{ id: string; clinic_id: string }>("select id, clinic_id from users where email = 'practitioner@demo.acuback.org'");
    actor = { userId: user!.id as UserId, clinicId: user!.clinic_id as Actor["clinicId"], role: "practitioner", ip: null };
    for (const { id, family_name } of await db.query<{ id: string; family_name: string }>("select id, family_name from patients")) {
      const plans = await plansOf(db, actor, id as PatientId, today);
      const visits = await visitsOf(db, actor, id as PatientId);
      assert.ok(plans.ok && visits.ok);
      // Oldest first.
      course[family_name] = { patientId: id as PatientId, plans: plans.value, visits: [...(visits.value as VisitView[])].reverse() };
    }
  });
  after(() => test.dispose());

  const signed = (family: string) => course[family]!.visits.filter((v) => v.status === "signed");

  it("gives every patient with an episode one plan and signed visits, each fully charted", () => {
    for (const family of ["Alvarez", "Carter", "Nguyen", "Okonkwo", "Miller", "Walsh", "Delgado", "Brooks", "Brennan", "Howard"]) {
      assert.equal(course[family]!.plans.length, 1, family);
      assert.ok(signed(family).length >= 2, family);
      for (const visit of signed(family)) {
        const { chart } = visit;
        assert.equal(visit.planId, course[family]!.plans[0]!.id);
        assert.equal(chart.needleCount.inserted, chart.needleCount.removed, `${family} ${chart.visitOn}: needles in = out`);
        assert.ok(chart.painBefore !== null && chart.painAfter !== null && chart.position && chart.faceToFaceMinutes);
        assert.ok(chart.increments.reduce((sum, i) => sum + i.minutes, 0) <= chart.faceToFaceMinutes!);
        assert.ok(chart.soap.subjective && chart.soap.assessment && chart.soap.plan);
        assert.ok(chart.treatment.needles.gaugeMm && chart.treatment.needles.lengthMm && chart.treatment.needles.material);
        for (const site of chart.treatment.sites) assert.ok(site.depth && site.angle && site.manipulation && site.retentionMinutes !== null, `${family} ${chart.visitOn}`);
        assert.ok(visit.findings.every((f) => f.severity === "caution" || chart.overrides.some((o) => o.rule === f.rule)), "every block passed in writing");
      }
    }
    assert.deepEqual(course["Tanaka"]!.plans, [], "no intake yet: no plan");
  });

  it("shows a corrected pain score and intake, and entries in error that count nowhere", async () => {
    const pain = await painScoresOf(db, actor, course["Tanaka"]!.patientId);
    assert.ok(pain.ok);
    assert.equal(pain.value.filter((s) => s.enteredInError).length, 1);
    assert.equal(pain.value.filter((s) => s.revisedAt !== null && !s.enteredInError).length, 1);
    const odi = await db.query<{ entered_in_error: boolean }>("select entered_in_error from instrument_responses_current where patient_id = $1", [course["Tanaka"]!.patientId]);
    assert.deepEqual(odi.map((r) => r.entered_in_error), [true], "her one questionnaire is another patient's, marked in error");
    const medications = await medicationsOf(db, actor, course["Alvarez"]!.patientId);
    assert.ok(medications.ok);
    assert.equal(medications.value.medications.filter((m) => m.enteredInError).length, 1);
    assert.equal(medications.value.currentMmePerDay, 20, "tramadol 100 mg/day × 0.2; the oxycodone in error is not counted");
    const episodes = await episodesOf(db, actor, course["Alvarez"]!.patientId, today);
    assert.ok(episodes.ok);
    assert.match(episodes.value[0]!.notes ?? "", /Ward nurse/);
    assert.ok(episodes.value[0]!.revisedAt);
  });

  it("shows a Cherkin course, the clinic's own protocol, electroacupuncture and dry needling", async () => {
    const [cherkin] = course["Alvarez"]!.plans;
    assert.equal(cherkin!.protocolId, "cherkin-2009-standardised");
    assert.equal(cherkin!.plannedVisits, 10);
    assert.match(cherkin!.progress.summary, /^6 of 10 visits; next re-evaluation/);
    assert.deepEqual(signed("Alvarez")[0]!.chart.treatment.sites.map((s) => s.point), ["BL23", "BL40", "KI3", "GV3", null]);

    const catalogue = await protocolCatalogue(db, actor);
    assert.ok(catalogue.ok);
    assert.deepEqual(catalogue.value.clinic.map((p) => p.name), ["Kidney deficiency back (clinic)"]);
    assert.equal(course["Carter"]!.plans[0]!.protocolName, "Kidney deficiency back (clinic)");

    const electro = signed("Nguyen")[0]!.chart;
    assert.equal(electro.treatment.modality, "electro");
    assert.deepEqual(electro.treatment.electro?.frequenciesHz, [2, 100]);
    assert.ok(electro.treatment.electro!.pairs.every(({ a, b }) => a.side === b.side));
    assert.ok(electro.increments.every((i) => i.estim));
    assert.ok(signed("Alvarez").every((v) => v.chart.increments.every((i) => !i.estim)));

    const dry = signed("Miller")[0]!.chart.treatment;
    assert.equal(dry.modality, "dry-needling");
    assert.deepEqual(dryNeedlingMuscleCount(dry), { muscles: 3, group: "3+" });
    assert.equal(dry.dryNeedling?.localTwitchResponse, true);
  });

  it("keeps an amendment beside a signed note, overrides a block with a written reason, and leaves today's chart in progress", () => {
    const amended = signed("Carter").filter((v) => v.amendments.length > 0);
    assert.equal(amended.length, 1);
    assert.match(amended[0]!.amendments[0]!.correction ?? "", /bruising at BL40 left/);

    const linda = course["Okonkwo"]!.visits;
    for (const visit of linda.filter((v) => v.status === "signed")) {
      assert.ok(visit.findings.some((f) => f.rule === "bleeding-disorder" && f.severity === "block"));
      assert.match(visit.chart.overrides[0]!.reason, /haematologist cleared acupuncture/);
    }
    const draft = linda.at(-1)!;
    assert.equal(draft.status, "draft");
    assert.equal(draft.visitOn, today);
    assert.deepEqual(draft.problems.map((p) => p.code).sort(), ["blocked", "needles"]);
  });

  /** The coverage view of a signed visit, as the visit page shows it. */
  const coverageOf = async (visit: VisitView) => {
    const view = await visitCoverage(db, actor, visit.id);
    assert.ok(view.ok);
    return view.value;
  };

  it("bills Medicare under NCD 30.3.3: past visit 12 while improving with KX from visit 13; not improving with the discontinue warning", async () => {
    const walsh = signed("Walsh");
    assert.ok(walsh.length >= 13);
    const twelfth = await coverageOf(walsh[11]!);
    assert.equal(twelfth.payer, "medicare");
    assert.equal(twelfth.coverage?.visitInWindow, 12);
    assert.deepEqual(twelfth.coverage?.modifiers, []);
    assert.ok(twelfth.coverage?.warnings.some((w) => /^visit 12 of 12 in this window/.test(w)));
    const latest = await coverageOf(walsh.at(-1)!);
    assert.equal(latest.description.status, "improving");
    assert.equal(latest.description.furnishedBy, "acupuncturist-incident-to");
    assert.equal(latest.coverage?.covered, true, latest.coverage?.reasons.join(" "));
    assert.ok(latest.coverage!.visitInWindow >= 13);
    assert.deepEqual(latest.coverage?.modifiers, [KX]);
    assert.deepEqual(latest.claim.lines.map((l) => [l.code, l.units, l.modifiers]), [["97810", 1, [KX]], ["97811", 1, [KX]]]);
    assert.match(latest.counter ?? "", /^visit \d+ \(past 12: only with documented improvement\)/);
    // Visit 13 was amended with the increment left off: recomputed with two add-on units, the lines from signing kept.
    const amended = await coverageOf(walsh[12]!);
    assert.deepEqual(amended.claims.map((c) => c.computedFor), ["signing", "amendment"]);
    assert.deepEqual(amended.claims.map((c) => c.lines.map((l) => [l.code, l.units])), [[["97810", 1], ["97811", 1]], [["97810", 1], ["97811", 2]]]);
    // Signed after the coverage was set: the stored claim names Medicare and carries KX.
    assert.equal(latest.claims.at(-1)?.payer, "medicare");
    assert.deepEqual(latest.claims.at(-1)?.lines.map((l) => l.modifiers), [[KX], [KX]]);

    const delgado = signed("Delgado");
    assert.ok(delgado.length >= 8 && delgado.length <= 13, `visit ${delgado.length}`);
    assert.equal((await coverageOf(delgado[0]!)).coverage?.covered, true, "covered while he was improving");
    const stop = await coverageOf(delgado.at(-1)!);
    assert.equal(stop.payer, "medicare");
    assert.equal(stop.description.status, "not-improving");
    assert.ok(stop.coverage?.warnings.includes(DISCONTINUE_WARNING));
    assert.equal(stop.coverage?.covered, false);
    assert.deepEqual(stop.claim.lines.map((l) => l.code), ["97813", "97814"]);
  });

  it("lists the not-improving Medicare patient first among the visits at risk", async () => {
    const list = await visitsAtRisk(db, actor, today);
    assert.ok(list.ok);
    const [first] = list.value;
    assert.match(first?.name ?? "", /^Delgado/);
    assert.ok(first?.risks.some((r) => r.kind === "not-improving"));
    assert.ok(!list.value.some((p) => /^(Alvarez|Carter)/.test(p.name)), "only Medicare patients");
  });

  it("covers the plan patient under the prior authorisation, and sets up fees, NPIs and the supervising physician", async () => {
    const plans = await payerPlansOf<PayerPlan>(db, actor);
    assert.ok(plans.ok);
    const [plan] = plans.value;
    assert.equal(plan?.name, "Cascade Health PPO (demo)");
    assert.equal(plan?.rules.visitsPerPlanYear, 20);
    assert.equal(plan?.rules.priorAuthorization.required, true);
    const coverage = await patientCoverageOf(db, actor, course["Alvarez"]!.patientId);
    assert.ok(coverage.ok && coverage.value);
    const { payer, planId, priorAuthNumber, priorAuthFrom, priorAuthTo } = coverage.value;
    assert.equal(payer, "plan");
    assert.equal(planId, plan?.id);
    assert.ok(priorAuthNumber && priorAuthFrom && priorAuthTo);
    for (const [index, visit] of signed("Alvarez").entries()) {
      assert.ok(priorAuthFrom <= visit.visitOn && visit.visitOn <= priorAuthTo, visit.visitOn);
      const view = await coverageOf(visit);
      // Earlier visits billed to the plan count towards its cap: the nth signed visit is visit n of the plan year.
      assert.equal(view.coverage?.visitInYear, index + 1);
      assert.equal(view.payer, "plan");
      assert.equal(view.coverage?.covered, true, view.coverage?.reasons.join(" "));
      assert.ok(view.coverage?.reasons.some((r) => r.includes(`authorisation ${priorAuthNumber} valid`)));
      assert.equal(view.claims.at(-1)?.payer, "plan");
    }

    const details = await billingDetailsOf(db, actor);
    assert.ok(details.ok);
    // An NPI's tenth digit is the Luhn check digit over "80840" and the first nine.
    const luhn = (digits: string) => [...digits].reverse().reduce((sum, d, i) => sum + (i % 2 ? [0, 2, 4, 6, 8, 1, 3, 5, 7, 9][Number(d)]! : Number(d)), 0) % 10 === 0;
    const npis = [details.value.clinic.npi, ...details.value.providers.map((p) => p.npi)];
    for (const npi of npis) assert.ok(npi && /^\d{10}$/.test(npi) && luhn(`80840${npi}`), `NPI ${npi}`);
    assert.ok(luhn("808401234567893"), "the check itself, on the standard's example");
    assert.deepEqual(
      details.value.providers.map((p) => [p.displayName, p.furnisher, p.credential]),
      [
        ["Dana Whitfield, L.Ac.", "physician", "MD"],
        ["Sam Okafor, L.Ac.", "acupuncturist", "L.Ac."],
      ],
    );
    const fees = await feeScheduleOf(db, actor);
    assert.ok(fees.ok);
    assert.deepEqual(Object.keys(fees.value).sort(), ["20560", "20561", "97810", "97811", "97813", "97814"]);
  });

  it("fills the public directory with fictional providers near the clinic", async () => {
    const found = await searchDirectory(db, { zip: "97202", radiusMiles: 25, limit: 20, offset: 0 });
    assert.ok(found.ok);
    assert.equal(found.value.total, 13, "twelve fictional providers and the clinic's own acupuncturist");
    assert.equal(found.value.results[0]!.address.postalCode, "97202");
    assert.ok(found.value.results.every((r) => isValidNpi(r.npi)));
  });

  it("keeps two referral contacts, one changed in the directory since it was saved, and staff NPIs matched against the directory", async () => {
    const contacts = await referralContactsOf(db, actor);
    assert.ok(contacts.ok);
    assert.deepEqual(contacts.value.map((c) => [c.snapshot.name, c.directory.kind]).sort(), [
      ["Hawthorne Community Acupuncture (demo)", "unchanged"],
      ["Rosa Delgado", "changed"],
    ]);
    assert.ok(contacts.value.every((c) => c.note && isValidNpi(c.snapshot.npi)));
    const details = await billingDetailsOf(db, actor);
    assert.ok(details.ok);
    const byName = new Map(details.value.providers.map((p) => [p.displayName, p.directory]));
    const sam = byName.get("Sam Okafor, L.Ac.");
    assert.ok(sam?.listed && sam.namesAgree && sam.licenses[0]?.number === "AC-01736", JSON.stringify(sam));
    assert.deepEqual(byName.get("Dana Whitfield, L.Ac."), { listed: false, directoryEmpty: false }, "the supervising physician is not an acupuncturist in the directory");
  });

  it("leaves the follow-up list and the dashboard the browser tests expect", async () => {
    const due = await followUpsDue(db, actor, today);
    assert.ok(due.ok);
    const open = (name: string) =>
      due.value.find((f) => f.name === name)!.milestones.filter((m) => m.status === "due" || m.status === "overdue").map((m) => `${m.kind} ${m.week} ${m.status}: ${m.missing.join("+")}`);
    assert.ok(open("Nguyen, Robert").includes("milestone 4 overdue: nrs+odi"));
    assert.deepEqual(open("Okonkwo, Linda"), ["milestone 4 due: odi", "check-in 1 overdue: nrs", "check-in 2 overdue: nrs", "check-in 3 overdue: nrs"]);
    assert.deepEqual(open("Miller, Chris"), ["check-in 1 due: nrs"]);
    const dashboard = await dashboardOf(db, actor, today);
    assert.ok(dashboard.ok);
    assert.equal(dashboard.value.overdue, 2);
    // Nguyen measured at 12 weeks and worse, beside the three finished courses (demoFinishedCourses.ts).
    assert.deepEqual(dashboard.value.milestones.find((m) => m.week === 12), { week: 12, measured: 4, responding: 2, share: 50 });
  });

  it("measures patients at 4, 8 and 12 weeks, some responding and some not, so every dashboard column has figures", async () => {
    const dashboard = await dashboardOf(db, actor, today);
    assert.ok(dashboard.ok);
    assert.deepEqual(dashboard.value.milestones, [
      { week: 4, measured: 8, responding: 3, share: 37.5 },
      { week: 8, measured: 4, responding: 3, share: 75 },
      { week: 12, measured: 4, responding: 2, share: 50 },
    ]);
    // The finished courses leave nothing due: every check-in and milestone was done in its window.
    const due = await followUpsDue(db, actor, today);
    assert.ok(due.ok);
    const list = due.value;
    for (const name of ["Brooks, Angela", "Brennan, Kevin", "Howard, Denise"]) {
      const pending = (list.find((f) => f.name === name)?.milestones ?? []).filter((m) => m.status === "due" || m.status === "overdue");
      assert.deepEqual(pending, [], name);
    }
  });

  it("records the safety flags of everyone with an intake: Maria Alvarez's needle anxiety, the rest checked", async () => {
    const maria = await safetyFlagsOf(db, actor, course["Alvarez"]!.patientId);
    assert.ok(maria.ok);
    assert.deepEqual(flagsInForce(maria.value), ["needle-anxiety"]);
    assert.match(maria.value.find((f) => f.flag === "needle-anxiety")!.note ?? "", /Fainted once/);
    assert.ok(maria.value.every((f) => f.updatedAt !== null), "every flag checked at intake, none left unrecorded");
    const carter = await safetyFlagsOf(db, actor, course["Carter"]!.patientId);
    assert.ok(carter.ok);
    assert.deepEqual(flagsInForce(carter.value).sort(), ["anticoagulants", "implanted-device"]);
    // Aiko Tanaka has no intake yet: her flags are still to be recorded (the intake browser test records them).
    const tanaka = await safetyFlagsOf(db, actor, course["Tanaka"]!.patientId);
    assert.ok(tanaka.ok && tanaka.value.every((f) => f.updatedAt === null));
  });

  it("has three rooms, two practitioners' hours, a booked week around today with an overlap in two rooms, and Maria Alvarez's course booked from her plan", async () => {
    const frontDesk: Actor = { ...actor, role: "front_desk" };
    const settings = await scheduleSettings(db, frontDesk);
    assert.ok(settings.ok);
    assert.equal(settings.value.timeZone, "America/Los_Angeles");
    assert.equal(settings.value.rooms.length, 3);
    assert.deepEqual(settings.value.appointmentTypes.map((t) => t.kind).sort(), ["first-visit", "follow-up", "re-evaluation"]);
    assert.equal(settings.value.practitioners.filter((p) => p.hours.length > 0).length, 2);
    // Holidays as the owner's data: a training day and two public holidays after the booked week; the owner's Wednesday afternoons off.
    assert.ok(["New Year's Day", "Independence Day"].every((name) => settings.value.holidays.some((h) => h.name === name)));
    assert.ok(settings.value.holidays.every((h) => h.on > addDays(mondayOf(toLocal(now, "America/Los_Angeles").date), 6)));
    assert.ok(settings.value.practitioners.some((p) => p.timeOff.some((t) => t.weekday === 3 && t.toOn === null)));
    const monday = mondayOf(toLocal(now, "America/Los_Angeles").date);
    const week = await calendar(db, frontDesk, { from: monday, days: 7 });
    assert.ok(week.ok);
    assert.ok(week.value.appointments.length >= 10);
    assert.ok(week.value.appointments.some((a) => a.practitionerOverlap));
    // Appointments already over are closed: done, or the one no-show with its reason.
    for (const a of week.value.appointments.filter((a) => a.end <= now && a.planId === null)) assert.notEqual(a.status, "booked");
    const maria = course["Alvarez"]!;
    const booked = await appointmentsOfPatient(db, frontDesk, maria.patientId);
    assert.ok(booked.ok);
    const fromPlan = booked.value.appointments.filter((a) => a.planId === maria.plans[0]!.id);
    assert.equal(fromPlan.length + signed("Alvarez").length, maria.plans[0]!.plannedVisits);
    assert.ok(fromPlan.every((a) => a.start > now && a.status === "booked"));
  });

  it("gives every demo patient their own fictional phone number, 555-0100 to 555-0199", async () => {
    const phones = (await db.query<{ phone: string | null }>("select phone from patients")).map((p) => p.phone);
    assert.equal(phones.length, 11);
    assert.equal(new Set(phones).size, phones.length, "no two patients share a number");
    for (const phone of phones) assert.match(phone ?? "", /^503-555-01\d\d$/);
  });
});
