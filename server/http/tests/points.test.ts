import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestContext, type TestContext } from "../../testing/testClinic.ts";

describe("atlas API (public)", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());
  const get = (url: string) => t.app.inject({ method: "GET", url });

  it("resolves any alias without signing in", async () => {
    for (const alias of ["BL23", "UB%2023", "bl-23", "Bladder%2023"]) {
      const response = await get(`/api/v1/points/${alias}`);
      assert.equal(response.statusCode, 200, alias);
      assert.equal(response.json().code, "BL23");
    }
    const point = (await get("/api/v1/points/BL40")).json();
    assert.equal(point.pinyin, "Wěizhōng");
    assert.equal(point.region, "back of the knee");
    assert.ok(point.location.length > 10);
    assert.ok(point.cautions.some((c: { kind: string }) => c.kind === "vessel"), "popliteal artery caution");
    assert.deepEqual((await get("/api/v1/points/GV16")).json().needling.notes, ["medulla"]);
    const ki5 = (await get("/api/v1/points/KI5")).json().needling;
    assert.deepEqual(ki5.source, { from: "supplement", citation: "CAM 1999", checked: "second-source", secondSource: "Deadman 2007" });
    assert.equal((await get("/api/v1/points/LR12")).json().needling.restriction, "moxibustion-only");
  });

  it("answers an unknown code with POINT_NOT_FOUND", async () => {
    const response = await get("/api/v1/points/XX99");
    assert.equal(response.statusCode, 404);
    assert.equal(response.json().code, "POINT_NOT_FOUND");
  });

  it("lists every point, filters, and searches with ranking", async () => {
    assert.equal((await get("/api/v1/points")).json().total, 421);
    const heart = (await get("/api/v1/points?meridian=HT")).json();
    assert.deepEqual(heart.points.map((p: { code: string }) => p.code), ["HT1", "HT2", "HT3", "HT4", "HT5", "HT6", "HT7", "HT8", "HT9"]);
    const knee = (await get("/api/v1/points?region=back%20of%20the%20knee")).json();
    assert.ok(knee.points.every((p: { region: string }) => p.region === "back of the knee"));
    const found = (await get("/api/v1/points?q=weizhong")).json();
    assert.equal(found.points[0].code, "BL40");
    assert.equal(found.points[0].matched, "pinyin");
    const shu = (await get("/api/v1/points?role=back-shu")).json();
    assert.equal(shu.total, 12);
    const crossing = (await get("/api/v1/points?role=crossing")).json();
    assert.equal(crossing.total, 104);
    assert.equal((await get("/api/v1/points?meridian=XX")).statusCode, 400);
  });

  it("lists the 14 channels with their points in order", async () => {
    const meridians = (await get("/api/v1/meridians")).json();
    assert.equal(meridians.length, 14);
    assert.equal(meridians.find((m: { code: string }) => m.code === "GV").points.at(-1), "GV29");
  });
});
