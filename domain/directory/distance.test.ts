import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { bearingDegrees, boundingBox, centralAngle, EARTH_RADIUS_MILES, greatCircleMiles } from "./distance.ts";

const LAX = { latitude: 33 + 57 / 60, longitude: -(118 + 24 / 60) };
const JFK = { latitude: 40 + 38 / 60, longitude: -(73 + 47 / 60) };

describe("great-circle distance", () => {
  it("matches the Aviation Formulary's worked example LAX–JFK: 0.623585 rad, 2144 nm", () => {
    // Ed Williams, Aviation Formulary V1.47, "Distance between points": d = 0.623585 rad = 2144 nm (1 nm = 1 arc minute).
    assert.ok(Math.abs(centralAngle(LAX, JFK) - 0.623585) < 1e-5);
    assert.equal(Math.round((centralAngle(LAX, JFK) * 180 * 60) / Math.PI), 2144);
  });

  it("gives one degree of latitude as 69.09 statute miles on the mean sphere", () => {
    // 2π × 3958.76 mi / 360 = 69.09 mi.
    const miles = greatCircleMiles({ latitude: 40, longitude: -100 }, { latitude: 41, longitude: -100 });
    assert.ok(Math.abs(miles - 69.09) < 0.01, String(miles));
  });

  it("gives a quarter of the circumference from the equator to a pole", () => {
    const miles = greatCircleMiles({ latitude: 0, longitude: 10 }, { latitude: 90, longitude: 0 });
    assert.ok(Math.abs(miles - (Math.PI / 2) * 3958.7613) < 0.01);
  });

  it("is symmetric, zero for the same point, and never more than half the circumference", () => {
    const point = fc.record({ latitude: fc.double({ min: -90, max: 90, noNaN: true }), longitude: fc.double({ min: -180, max: 180, noNaN: true }) });
    fc.assert(
      fc.property(point, point, (a, b) => {
        const ab = greatCircleMiles(a, b);
        // Near antipodes asin loses digits: a thousandth of a mile is still far below a ZIP centroid's precision.
        assert.ok(Math.abs(ab - greatCircleMiles(b, a)) < 1e-3);
        assert.ok(ab >= 0 && ab <= Math.PI * EARTH_RADIUS_MILES + 1e-6);
        assert.ok(greatCircleMiles(a, a) < 1e-6);
      }),
    );
  });

  it("keeps every point within the radius inside the bounding box", () => {
    const centre = fc.record({ latitude: fc.double({ min: 18, max: 72, noNaN: true }), longitude: fc.double({ min: -170, max: -65, noNaN: true }) });
    fc.assert(
      fc.property(centre, fc.double({ min: 5, max: 100, noNaN: true }), fc.double({ min: 0, max: 360, noNaN: true }), (c, miles, bearing) => {
        // A point `miles` away along `bearing` (destination formula, Aviation Formulary).
        const d = miles / 3958.7613;
        const φ1 = (c.latitude * Math.PI) / 180;
        const θ = (bearing * Math.PI) / 180;
        const φ2 = Math.asin(Math.sin(φ1) * Math.cos(d) + Math.cos(φ1) * Math.sin(d) * Math.cos(θ));
        const λ2 = (c.longitude * Math.PI) / 180 + Math.atan2(Math.sin(θ) * Math.sin(d) * Math.cos(φ1), Math.cos(d) - Math.sin(φ1) * Math.sin(φ2));
        const p = { latitude: (φ2 * 180) / Math.PI, longitude: (λ2 * 180) / Math.PI };
        const box = boundingBox(c, miles * 1.000001);
        assert.ok(p.latitude >= box.minLat && p.latitude <= box.maxLat && p.longitude >= box.minLon && p.longitude <= box.maxLon);
      }),
    );
  });

  it("gives compass bearings", () => {
    assert.ok(Math.abs(bearingDegrees({ latitude: 40, longitude: -100 }, { latitude: 41, longitude: -100 })) < 1e-9);
    assert.ok(Math.abs(bearingDegrees({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 1 }) - 90) < 1e-9);
  });
});
