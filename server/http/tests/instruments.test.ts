import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestContext, type TestContext } from "../../testing/testClinic.ts";

describe("instrument scoring API", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());
  const score = (id: string, answers: unknown) =>
    t.app.inject({ method: "POST", url: `/api/v1/instruments/${id}/score`, payload: { answers } });

  it("scores the ODI worked example with its band and rule", async () => {
    const response = await score("odi", [3, 2, 1, 2, 2, 1, 2, null, 2, 1]);
    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.equal(body.value, 35.6);
    assert.equal(body.unit, "percent");
    assert.equal(body.band, "moderate disability");
    assert.match(body.rule, /Fairbank/);
  });

  it("gives the STarT Back risk group and psychosocial subscale", async () => {
    const body = (await score("start-back", [0, 0, 0, 0, 1, 1, 1, 0, 3])).json();
    assert.equal(body.band, "high risk");
    assert.deepEqual(body.subscales, { psychosocial: 4 });
  });

  it("answers incomplete or invalid answers with a problem naming the items", async () => {
    const missing = await score("rmdq", Array.from({ length: 24 }, (_, i) => (i === 2 ? null : 0)));
    assert.equal(missing.statusCode, 422);
    assert.equal(missing.json().code, "INSTRUMENT_ANSWERS_INCOMPLETE");
    assert.deepEqual(Object.keys(missing.json().fields), ["s3"]);
    const invalid = await score("peg", [5, 12, 3]);
    assert.equal(invalid.json().code, "INSTRUMENT_ANSWER_INVALID");
    assert.equal((await score("peg", [5])).json().code, "INSTRUMENT_ANSWER_COUNT");
    assert.equal((await score("nope", [1])).statusCode, 404);
    assert.equal((await score("nrs", "seven")).statusCode, 400);
  });

  it("lists the instruments with owners and our item labels", async () => {
    const list = (await t.app.inject({ method: "GET", url: "/api/v1/instruments" })).json();
    assert.deepEqual(list.map((i: { id: string }) => i.id).sort(), ["nrs", "odi", "peg", "rmdq", "start-back"]);
    const odi = list.find((i: { id: string }) => i.id === "odi");
    assert.equal(odi.items.length, 10);
    assert.match(odi.owner, /Mapi/);
  });
});
