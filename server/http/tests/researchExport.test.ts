/**
 * The de-identified research export (services/researchExport.ts), made from
 * the demo clinic: no name, date, record number, address, phone, e-mail, NPI
 * or free-text note of any demo patient appears anywhere in it, while the
 * clinical content a researcher needs (points, scores, days) does; only
 * owners can take it, and each file taken is audited.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import { loadDemoClinic } from "../../demo/demoClinic.ts";
import { RESEARCH_FILE_NAMES, RESEARCH_FILES } from "../../services/researchExport.ts";
import { createTestContext, type Agent, type TestContext } from "../../testing/testClinic.ts";
import { demoIdentifierLeaks } from "../../testing/demoIdentifierLeaks.ts";
import { unzipText } from "../../testing/unzipText.ts";

const PASSWORD = "research demo password 2468";

describe("de-identified research export", () => {
  let t: TestContext;
  let owner: Agent;
  const files: Record<string, string> = {};
  before(async () => {
    t = await createTestContext();
    await loadDemoClinic(t.db, { password: PASSWORD, today: new Date() });
    owner = await t.signIn("owner@demo.acuback.org", PASSWORD);
    const response = await owner.get("/api/v1/research-export.zip");
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.headers["content-type"], "application/zip");
    Object.assign(files, await unzipText(response.rawPayload));
  });
  after(() => t.close());

  const everything = () => Object.values(files).join("\n");

  it("carries no identifier of any demo patient: names, dates, record numbers, addresses, phones, e-mails, NPIs", async () => {
    const text = everything();
    assert.deepEqual(await demoIdentifierLeaks(t.db, text), []);
    assert.doesNotMatch(text, /\b\d{4}-\d{2}-\d{2}\b/, "no calendar date in any form it is stored in");
    assert.doesNotMatch(text, /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/);
  });

  it("carries no free text the clinic wrote: notes, SOAP, tongue and pulse, adverse-event actions", async () => {
    const texts = await t.db.query<{ text: string }>(
      `select notes as text from episodes e join clinics c on c.id = e.clinic_id where c.demo and notes is not null
       union all select tongue from episodes e join clinics c on c.id = e.clinic_id where c.demo and tongue is not null
       union all select pulse from episodes e join clinics c on c.id = e.clinic_id where c.demo and pulse is not null
       union all select note from pain_scores s join clinics c on c.id = s.clinic_id where c.demo and note is not null
       union all select note from medications m join clinics c on c.id = m.clinic_id where c.demo and note is not null
       union all select value from visits v join clinics c on c.id = v.clinic_id, jsonb_each_text(v.chart->'soap') where c.demo and value is not null
       union all select a->>'action' from visits v join clinics c on c.id = v.clinic_id, jsonb_array_elements(v.chart->'adverseEvents') a where c.demo`,
    );
    assert.ok(texts.length > 3, "the demo holds free text to leave out");
    // The dictionary is Acuback's own wording ("Pain 0–10 before treatment"), so the data files are searched.
    const text = Object.entries(files).filter(([file]) => file !== "data_dictionary.csv").map(([, body]) => body).join("\n");
    const leaked = texts.map((row) => row.text).filter((value) => value.length >= 8 && text.includes(value));
    assert.deepEqual(leaked, []);
  });

  it("keeps what research needs: one set of patient codes across the files, days, points and scores, and a dictionary of every column", () => {
    assert.deepEqual(Object.keys(files).sort(), [...RESEARCH_FILE_NAMES].sort());
    const patients = parse(files["patients.csv"]!, { columns: true }) as Record<string, string>[];
    assert.ok(patients.every((p) => /^P[0-9A-F]{10}$/.test(p.patient!)));
    assert.ok(patients.every((p) => p.age_at_first_intake === "" || /^(\d{1,2}|90\+)$/.test(p.age_at_first_intake!)));
    assert.ok(patients.every((p) => /^(\d{3})?$/.test(p.zip3!)));
    const visits = parse(files["visits.csv"]!, { columns: true }) as Record<string, string>[];
    assert.ok(visits.length > 10);
    assert.ok(visits.some((v) => v.points!.includes("BL23")));
    assert.ok(visits.every((v) => /^-?\d+$/.test(v.day!)));
    const outcomes = parse(files["outcomes.csv"]!, { columns: true }) as Record<string, string>[];
    assert.ok(outcomes.some((o) => o.instrument === "odi"));
    const codes = new Set(patients.map((p) => p.patient));
    assert.ok([...visits, ...outcomes].every((row) => codes.has(row.patient)), "every visit and outcome joins to a patient of the same export");
    const dictionary = parse(files["data_dictionary.csv"]!, { columns: true }) as Record<string, string>[];
    for (const [file, columns] of Object.entries(RESEARCH_FILES)) {
      const header = files[file]!.split("\r\n")[0]!.split(",");
      assert.deepEqual(header, Object.keys(columns), file);
      for (const column of header) assert.ok(dictionary.some((d) => d.file === file && d.column === column && d.meaning!.length > 5), `${file}.${column}`);
    }
  });

  it("is for owners only, and each export taken is audited with its row counts", async () => {
    const practitioner = await t.signIn("practitioner@demo.acuback.org", PASSWORD);
    assert.equal((await practitioner.get("/api/v1/research-export.zip")).statusCode, 403);
    const events = await t.db.query<{ detail: Record<string, number> }>("select detail from audit_events where entity = 'research_export' order by id");
    assert.equal(events.length, 1);
    assert.ok(events[0]!.detail["patients.csv"]! > 5);
  });
});
