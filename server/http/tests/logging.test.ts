import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { after, before, describe, it } from "node:test";
import { createTestContext, patientBody, type TestContext } from "../../testing/testClinic.ts";

const SECRET_NAME = "Zebulonia";

describe("logs carry no patient data", () => {
  let t: TestContext;
  const lines: string[] = [];
  before(async () => {
    const stream = new PassThrough();
    stream.on("data", (chunk: Buffer) => lines.push(...chunk.toString().split("\n").filter(Boolean)));
    t = await createTestContext({
      logStream: stream,
      // A database fault whose message quotes the value that failed: the log must not repeat it.
      routes: (app, db) =>
        app.get("/api/v1/test-fault", async () => {
          await db.query("select $1::date", [`${SECRET_NAME}-birthday`]);
        }),
    });
  });
  after(() => t.close());

  it("logs requests by method, path and status only, also for failures and server faults", async () => {
    const { practitioner } = await t.newClinic();
    const secretName = SECRET_NAME;
    const secretBirth = "1961-07-19";
    const created = await practitioner.post("/api/v1/patients", patientBody({ givenName: secretName, birthDate: secretBirth, phone: "555-0142" }));
    await practitioner.get(`/api/v1/patients?q=${secretName}`);
    await practitioner.post("/api/v1/patients", patientBody({ givenName: secretName, birthDate: "not a date" }));
    await practitioner.post(`/api/v1/patients/${created.json().id}/pain-scores`, { score: 9, recordedOn: "2026-01-01", note: `${secretName} note` });
    // A report link's token opens the patient's questionnaire: it is in the path, but never in a log line.
    const link = (await practitioner.post(`/api/v1/patients/${created.json().id}/report-links`, { instruments: ["nrs"] })).json();
    const token = String(link.path).split("/").at(-1)!;
    assert.equal((await t.app.inject({ method: "GET", url: `/api/v1/report/${token}` })).statusCode, 200);
    await t.app.inject({ method: "GET", url: `/r/${token}` });
    const fault = await practitioner.get("/api/v1/test-fault");
    assert.equal(fault.statusCode, 500);
    assert.equal(fault.json().code, "INTERNAL");
    assert.ok(!fault.body.includes(secretName), "the 500 response does not echo it either");

    await new Promise((resolve) => setImmediate(resolve));
    assert.ok(lines.length > 5, "requests were logged");
    assert.ok(lines.some((line) => line.includes('"path":"/api/v1/patients"')));
    assert.ok(lines.some((line) => line.includes("request failed")), "the fault was logged");
    assert.ok(lines.some((line) => line.includes('"path":"/api/v1/report/[token]"')), "the report path is logged without its token");
    for (const line of lines) {
      for (const secret of [secretName, secretBirth, "555-0142", practitioner.csrfToken, token]) {
        assert.ok(!line.includes(secret), `log line leaks ${secret}: ${line}`);
      }
    }
  });
});
