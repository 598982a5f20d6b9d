import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { writeFileSync } from "node:fs";
import type { Superbill, SuperbillLine } from "./superbillData.ts";
import { pdfText } from "../testing/pdfText.ts";
import { formatCents, pdfSafe, pointerLetter, renderSuperbill, superbillTotals } from "./superbillPdf.ts";

const sample = (): Superbill => ({
  clinic: {
    name: "Riverside Acupuncture",
    address: "12 Mill Lane, Springfield, IL 62704",
    phone: "(217) 555-0142",
    taxId: "12-3456789",
    npi: "1234567893",
  },
  rendering: [{ name: "Dana Whitfield", credential: "L.Ac.", npi: "1497758544", licence: "IL 194.001234" }],
  supervising: { name: "Dr. Samuel Okafor", credential: "MD", npi: "1659477396", licence: "IL 036.112233" },
  patient: {
    name: "Marguerite Olsen",
    birthDate: "1951-03-14",
    address: "88 Elm Street, Springfield, IL 62701",
    memberId: "1EG4-TE5-MK72",
    payer: "Medicare Part B",
  },
  period: { from: "2026-05-04", to: "2026-05-11" },
  diagnoses: [
    { code: "M54.42", title: "Lumbago with sciatica, left side" },
    { code: "M54.50", title: "Low back pain, unspecified" },
  ],
  lines: [
    { dateOfService: "2026-05-04", code: "97810", modifiers: ["GP"], units: 1, diagnosisPointers: [1, 2], feeCents: 8500 },
    { dateOfService: "2026-05-04", code: "97811", modifiers: ["GP"], units: 1, diagnosisPointers: [1], feeCents: 4000 },
    { dateOfService: "2026-05-11", code: "97810", modifiers: ["GP", "KX"], units: 1, diagnosisPointers: [1], feeCents: 8500 },
  ],
  payments: [{ date: "2026-05-04", amountCents: 4000, method: "card" }],
  issuedAt: "2026-05-12T15:30:00.000Z",
});

const long = (): Superbill => {
  const lines: SuperbillLine[] = Array.from({ length: 60 }, (_, i) => ({
    dateOfService: `2026-${String(1 + Math.floor(i / 28)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
    code: i % 2 ? "97811" : "97810",
    modifiers: i % 3 ? [] : ["GP"],
    units: 1 + (i % 2),
    diagnosisPointers: [1],
    feeCents: 123456,
  }));
  return { ...sample(), period: { from: "2026-01-01", to: "2026-03-04" }, lines };
};

const pageCount = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;

// To look at it: SUPERBILL_PDF_OUT=/tmp/superbill node scripts/run-tests.mjs unit superbillPdf,
// then pdftoppm -png -r 80 /tmp/superbill.pdf /tmp/superbill.
function keep(name: string, pdf: Buffer) {
  const out = process.env.SUPERBILL_PDF_OUT;
  if (out) writeFileSync(`${out}${name}.pdf`, pdf);
}

describe("superbill PDF", () => {
  it("formats money, pointers and totals", () => {
    assert.equal(formatCents(123456), "$1,234.56");
    assert.equal(formatCents(5), "$0.05");
    assert.equal(formatCents(100000000), "$1,000,000.00");
    assert.equal(formatCents(-1200), "-$12.00");
    assert.deepEqual([1, 2, 12, 27].map(pointerLetter), ["A", "B", "L", "AA"]);
    assert.deepEqual(superbillTotals(sample()), { chargesCents: 21000, paymentsCents: 4000, balanceCents: 17000 });
    assert.equal(pdfSafe("Zoë Łukasz 王"), "Zoë Lukasz ?");
  });

  it("renders the sample: patient, NPI, codes and totals on one Letter page", async () => {
    const pdf = await renderSuperbill(sample());
    keep("", pdf);
    assert.equal(pdf.subarray(0, 5).toString("latin1"), "%PDF-");
    assert.equal(pageCount(pdf), 1);
    assert.match(pdf.toString("latin1"), /\/MediaBox \[0 0 612 792\]/);
    const text = pdfText(pdf);
    for (const expected of [
      "Marguerite Olsen",
      "1951-03-14",
      "1EG4-TE5-MK72",
      "1234567893",
      "1497758544",
      "1659477396",
      "Dr. Samuel Okafor",
      "97810",
      "97811",
      "M54.42",
      "Lumbago with sciatica, left side",
      "GP, KX",
      "A, B",
      "$85.00",
      "$210.00",
      "$40.00",
      "$170.00",
      "Acuback does not submit claims",
      "Issued 2026-05-12",
    ]) {
      assert.ok(text.includes(expected), `missing "${expected}" in:\n${text}`);
    }
    assert.ok(!text.includes("fees incomplete"));
    // Metadata carries no patient data.
    assert.ok(!pdf.toString("latin1").includes("Olsen"));
  });

  it("reads the same text with compression off", async () => {
    const pdf = await renderSuperbill(sample(), { compress: false });
    assert.doesNotMatch(pdf.toString("latin1"), /FlateDecode/);
    assert.ok(pdfText(pdf).includes("$210.00"));
  });

  it("runs 60 lines over several pages, repeating the table header", async () => {
    const pdf = await renderSuperbill(long());
    keep("-long", pdf);
    const pages = pageCount(pdf);
    assert.ok(pages > 1, `expected more than one page, got ${pages}`);
    const text = pdfText(pdf);
    const continued = text.split("\n").filter((l) => l === "Services (continued)").length;
    assert.ok(continued >= 1);
    // The header row is drawn again on each page the table runs onto.
    assert.equal(text.split("\n").filter((l) => l === "Fee per unit").length, continued + 1);
    assert.ok(text.includes(`Page ${pages} of ${pages}`));
    // 30 × $1,234.56 + 30 × 2 × $1,234.56
    assert.ok(text.includes(formatCents(90 * 123456)), text);
    assert.equal(formatCents(90 * 123456), "$111,110.40");
  });

  it("says what is missing instead of leaving it blank", async () => {
    const bill = sample();
    bill.clinic = { name: "Riverside Acupuncture", address: null, phone: null, taxId: null, npi: null };
    bill.supervising = null;
    bill.lines[1] = { ...bill.lines[1]!, feeCents: null };
    const pdf = await renderSuperbill(bill);
    keep("-missing", pdf);
    const text = pdfText(pdf);
    assert.ok((text.match(/not recorded/g) ?? []).length >= 4, text);
    assert.ok(text.includes("\u2014"));
    assert.ok(text.includes("fees incomplete"));
    assert.ok(!text.includes("$210.00"));
  });
});
