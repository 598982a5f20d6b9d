/**
 * Draws a superbill (issue 11) as a US-Letter PDF with pdfkit's built-in Helvetica:
 * no font files, nothing fetched. Plain black on white, a thin rule under each
 * section, tables that continue on the next page with their header repeated.
 * It logs nothing: every string on the page is patient data or near it.
 */
import PDFDocument from "pdfkit";
import type { Superbill, SuperbillLine, SuperbillParty } from "./superbillData.ts";

export interface RenderOptions {
  /** Deflate the page streams (default true). Tests turn it off to read the text. */
  compress?: boolean;
}

const FOOTER_NOTE = "Superbill for the patient to submit to their insurer; Acuback does not submit claims.";
const NOT_RECORDED = "not recorded";
const NO_FEE = "\u2014";
const FEES_INCOMPLETE = "fees incomplete";

const PAGE_W = 612;
const PAGE_H = 792;
const MARGIN = 48;
const LEFT = MARGIN;
const WIDTH = PAGE_W - 2 * MARGIN;
/** Content stops here; the footer sits below it, inside the bottom margin's limit. */
const CONTENT_BOTTOM = PAGE_H - MARGIN - 34;
const FOOTER_Y = PAGE_H - MARGIN - 22;

const REGULAR = "Helvetica";
const BOLD = "Helvetica-Bold";
const BODY = 9;
const CELL_PAD_X = 3;
const CELL_PAD_Y = 3;

/** $1,234.56 from cents; a negative amount (a credit) as -$12.00. */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(Math.round(cents));
  const dollars = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}$${dollars}.${String(abs % 100).padStart(2, "0")}`;
}

export interface SuperbillTotals {
  /** Null when a line has no fee: the total is then not known. */
  chargesCents: number | null;
  paymentsCents: number;
  balanceCents: number | null;
}

export function lineTotalCents(line: SuperbillLine): number | null {
  return line.feeCents === null ? null : line.feeCents * line.units;
}

export function superbillTotals(bill: Superbill): SuperbillTotals {
  let charges: number | null = 0;
  for (const line of bill.lines) {
    const total = lineTotalCents(line);
    charges = charges === null || total === null ? null : charges + total;
  }
  const payments = bill.payments.reduce((sum, p) => sum + p.amountCents, 0);
  return { chargesCents: charges, paymentsCents: payments, balanceCents: charges === null ? null : charges - payments };
}

/** Diagnosis pointer letters as on a CMS-1500 (box 21 / 24E): 1 → A, 26 → Z, 27 → AA. */
export function pointerLetter(pointer: number): string {
  if (!Number.isInteger(pointer) || pointer < 1) return `?${pointer}`;
  let n = pointer;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

// Helvetica here is an AFM font in WinAnsi encoding: characters outside it would
// print as garbage. Accented letters lose their accent (NFKD), the rest become "?".
const WIN_ANSI_EXTRA = new Set([
  0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e, 0x0192, 0x02c6, 0x02dc, 0x2013, 0x2014, 0x2018, 0x2019,
  0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);
const printable = (code: number) => (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(code);

/** Latin letters that NFKD does not take apart. */
const BASE_LETTER: Record<string, string> = { Ł: "L", ł: "l", Đ: "D", đ: "d", Ħ: "H", ħ: "h", ı: "i", Ŀ: "L", ŀ: "l", Ŧ: "T", ŧ: "t" };

export function pdfSafe(text: string): string {
  let out = "";
  for (const ch of text.replace(/\r\n?/g, "\n")) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === "\n" || printable(code)) out += ch;
    else if (ch === "\t") out += " ";
    else {
      const base = (BASE_LETTER[ch] ?? ch).normalize("NFKD").replace(/\p{M}/gu, "");
      out += base && [...base].every((c) => printable(c.codePointAt(0) ?? 0)) ? base : "?";
    }
  }
  return out;
}

const orNotRecorded = (value: string | null | undefined) => (value && value.trim() ? value.trim() : NOT_RECORDED);
const day = (iso: string) => (/^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : iso);

type Align = "left" | "center" | "right";
interface Column {
  header: string;
  width: number;
  align?: Align;
}

/** Everything drawn goes through here so pages turn in one place. */
class Layout {
  y = MARGIN;
  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly bill: Superbill,
  ) {}

  font(bold: boolean, size = BODY) {
    this.doc.font(bold ? BOLD : REGULAR).fontSize(size);
    return this;
  }

  height(text: string, width: number, bold = false, size = BODY): number {
    this.font(bold, size);
    return this.doc.heightOfString(pdfSafe(text), { width, lineGap: 1 });
  }

  /** Draws text in a box; returns the height used. */
  put(
    text: string,
    x: number,
    y: number,
    width: number,
    opts: { bold?: boolean; size?: number; align?: Align; oneLine?: boolean } = {},
  ): number {
    const safe = pdfSafe(text);
    this.font(opts.bold ?? false, opts.size ?? BODY);
    if (!safe.trim()) return 0;
    // One line: cut with an ellipsis rather than wrap (the footer must not push onto a new page).
    const oneLine = opts.oneLine ? { height: this.doc.currentLineHeight(true), ellipsis: true } : {};
    const h = opts.oneLine ? this.doc.currentLineHeight(true) : this.doc.heightOfString(safe, { width, lineGap: 1 });
    this.doc.text(safe, x, y, { width, align: opts.align ?? "left", lineGap: 1, ...oneLine });
    return h;
  }

  rule(y: number, x = LEFT, width = WIDTH, lineWidth = 0.5) {
    this.doc.save().moveTo(x, y).lineTo(x + width, y).lineWidth(lineWidth).strokeColor("black").stroke().restore();
  }

  newPage() {
    this.doc.addPage();
    this.y = MARGIN;
  }

  /** Turns the page unless `needed` points still fit. */
  ensure(needed: number): boolean {
    if (this.y + needed <= CONTENT_BOTTOM) return false;
    this.newPage();
    return true;
  }

  section(title: string, keepWith = 30) {
    this.ensure(26 + keepWith);
    if (this.y > MARGIN) this.y += 10;
    this.put(title, LEFT, this.y, WIDTH, { bold: true, size: 11 });
    this.y += 14;
    this.rule(this.y);
    this.y += 5;
  }

  /** A column of label / value rows; returns the y below it. */
  fields(rows: [string, string][], x: number, y: number, width: number, labelWidth = 78): number {
    for (const [label, value] of rows) {
      const valueWidth = width - labelWidth;
      const h = Math.max(this.height(label, labelWidth - 4, true), this.height(value, valueWidth));
      this.put(label, x, y, labelWidth - 4, { bold: true });
      this.put(value, x + labelWidth, y, valueWidth);
      y += h + 3;
    }
    return y;
  }

  /** A table whose header repeats on every page it runs onto. */
  table(title: string, columns: Column[], rows: string[][]) {
    const headerHeight = Math.max(...columns.map((c) => this.height(c.header, c.width - 2 * CELL_PAD_X, true))) + 2 * CELL_PAD_Y;
    const rowHeight = (row: string[]) =>
      Math.max(...columns.map((c, i) => this.height(row[i] ?? "", c.width - 2 * CELL_PAD_X))) + 2 * CELL_PAD_Y;
    const drawHeader = () => {
      let x = LEFT;
      for (const c of columns) {
        this.put(c.header, x + CELL_PAD_X, this.y + CELL_PAD_Y, c.width - 2 * CELL_PAD_X, { bold: true, align: c.align ?? "left" });
        x += c.width;
      }
      this.y += headerHeight;
      this.rule(this.y, LEFT, WIDTH, 0.5);
    };

    const first = rows[0];
    this.section(title, headerHeight + (first ? rowHeight(first) : 0));
    drawHeader();
    for (const row of rows) {
      const h = rowHeight(row);
      if (this.ensure(h)) {
        this.put(`${title} (continued)`, LEFT, this.y, WIDTH, { bold: true, size: 11 });
        this.y += 14;
        this.rule(this.y);
        this.y += 5;
        drawHeader();
      }
      let x = LEFT;
      columns.forEach((c, i) => {
        this.put(row[i] ?? "", x + CELL_PAD_X, this.y + CELL_PAD_Y, c.width - 2 * CELL_PAD_X, { align: c.align ?? "left" });
        x += c.width;
      });
      this.y += h;
    }
    this.rule(this.y, LEFT, WIDTH, 0.25);
    this.y += 4;
  }

  footers() {
    const range = this.doc.bufferedPageRange();
    const issued = day(this.bill.issuedAt);
    for (let i = 0; i < range.count; i++) {
      this.doc.switchToPage(range.start + i);
      this.rule(FOOTER_Y - 4, LEFT, WIDTH, 0.25);
      this.put(FOOTER_NOTE, LEFT, FOOTER_Y, WIDTH, { size: 8, oneLine: true });
      const left = `Patient: ${this.bill.patient.name || NOT_RECORDED}, born ${this.bill.patient.birthDate || NOT_RECORDED}`;
      this.put(left, LEFT, FOOTER_Y + 10, WIDTH * 0.65, { size: 8, oneLine: true });
      this.put(`Issued ${issued}  \u00b7  Page ${i + 1} of ${range.count}`, LEFT + WIDTH * 0.65, FOOTER_Y + 10, WIDTH * 0.35, {
        size: 8,
        align: "right",
        oneLine: true,
      });
    }
  }
}

function partyRow(role: string, party: SuperbillParty): string[] {
  return [role, orNotRecorded(party.name), orNotRecorded(party.credential), orNotRecorded(party.npi), orNotRecorded(party.licence)];
}

function draw(layout: Layout, bill: Superbill) {
  const totals = superbillTotals(bill);

  // Title block.
  const { from, to } = bill.period;
  const period = from === to ? day(from) : `${day(from)} to ${day(to)}`;
  const visitDays = new Set(bill.lines.map((l) => l.dateOfService)).size;
  layout.put("Superbill", LEFT, layout.y, WIDTH / 2, { bold: true, size: 18 });
  layout.put(`Issued ${day(bill.issuedAt)}`, LEFT + WIDTH / 2, layout.y + 1, WIDTH / 2, { align: "right" });
  layout.put(
    `Dates of service: ${period} (${visitDays} ${visitDays === 1 ? "day" : "days"})`,
    LEFT + WIDTH / 2,
    layout.y + 13,
    WIDTH / 2,
    { align: "right" },
  );
  layout.y += 28;
  layout.rule(layout.y, LEFT, WIDTH, 1);
  layout.y += 4;

  // Clinic and patient side by side.
  const gap = 20;
  const half = (WIDTH - gap) / 2;
  const c = bill.clinic;
  const p = bill.patient;
  layout.ensure(110);
  layout.y += 8;
  layout.put("Clinic", LEFT, layout.y, half, { bold: true, size: 11 });
  layout.put("Patient", LEFT + half + gap, layout.y, half, { bold: true, size: 11 });
  layout.y += 14;
  layout.rule(layout.y, LEFT, half);
  layout.rule(layout.y, LEFT + half + gap, half);
  layout.y += 5;
  const clinicBottom = layout.fields(
    [
      ["Name", orNotRecorded(c.name)],
      ["Address", orNotRecorded(c.address)],
      ["Phone", orNotRecorded(c.phone)],
      ["Tax ID (EIN)", orNotRecorded(c.taxId)],
      ["NPI", orNotRecorded(c.npi)],
    ],
    LEFT,
    layout.y,
    half,
  );
  const patientBottom = layout.fields(
    [
      ["Name", orNotRecorded(p.name)],
      ["Date of birth", orNotRecorded(p.birthDate)],
      ["Address", orNotRecorded(p.address)],
      ["Payer", orNotRecorded(p.payer)],
      ["Member ID", orNotRecorded(p.memberId)],
    ],
    LEFT + half + gap,
    layout.y,
    half,
  );
  layout.y = Math.max(clinicBottom, patientBottom);

  // Providers.
  const providers = bill.rendering.length
    ? bill.rendering.map((r) => partyRow("Rendering", r))
    : [["Rendering", NOT_RECORDED, "", "", ""]];
  providers.push(bill.supervising ? partyRow("Supervising", bill.supervising) : ["Supervising", "none", "", "", ""]);
  layout.table(
    "Providers",
    [
      { header: "Role", width: 80 },
      { header: "Name", width: 176 },
      { header: "Credential", width: 80 },
      { header: "NPI", width: 80 },
      { header: "Licence", width: WIDTH - 416 },
    ],
    providers,
  );

  // Diagnoses.
  const diagnoses = bill.diagnoses.length
    ? bill.diagnoses.map((d, i) => [pointerLetter(i + 1), orNotRecorded(d.code), orNotRecorded(d.title)])
    : [["", NOT_RECORDED, ""]];
  layout.table(
    "Diagnoses (ICD-10-CM)",
    [
      { header: "Pointer", width: 56 },
      { header: "Code", width: 70 },
      { header: "Description", width: WIDTH - 126 },
    ],
    diagnoses,
  );

  // Services.
  const services = bill.lines.map((l) => {
    const total = lineTotalCents(l);
    return [
      day(l.dateOfService),
      l.code,
      l.modifiers.join(", "),
      String(l.units),
      l.diagnosisPointers.map(pointerLetter).join(", "),
      l.feeCents === null ? NO_FEE : formatCents(l.feeCents),
      total === null ? NO_FEE : formatCents(total),
    ];
  });
  layout.table(
    "Services",
    [
      { header: "Date of service", width: 82 },
      { header: "CPT/HCPCS", width: 66 },
      { header: "Modifiers", width: 76 },
      { header: "Units", width: 44, align: "center" },
      { header: "Dx pointers", width: 84, align: "left" },
      { header: "Fee per unit", width: 80, align: "right" },
      { header: "Line total", width: WIDTH - 432, align: "right" },
    ],
    services.length ? services : [["", NOT_RECORDED, "", "", "", "", ""]],
  );

  // Payments.
  if (bill.payments.length) {
    layout.table(
      "Payments",
      [
        { header: "Date", width: 82 },
        { header: "Method", width: WIDTH - 82 - 100 },
        { header: "Amount", width: 100, align: "right" },
      ],
      bill.payments.map((pay) => [day(pay.date), orNotRecorded(pay.method), formatCents(pay.amountCents)]),
    );
  }

  // Summary.
  const summary: [string, string][] = [
    ["Total charges", totals.chargesCents === null ? FEES_INCOMPLETE : formatCents(totals.chargesCents)],
    ["Payments", formatCents(totals.paymentsCents)],
    ["Balance due", totals.balanceCents === null ? FEES_INCOMPLETE : formatCents(totals.balanceCents)],
  ];
  layout.section("Summary", summary.length * 16);
  const boxWidth = 240;
  const x = LEFT + WIDTH - boxWidth;
  summary.forEach(([label, value], i) => {
    const last = i === summary.length - 1;
    if (last) {
      layout.rule(layout.y, x, boxWidth, 0.5);
      layout.y += 3;
    }
    layout.put(label, x + CELL_PAD_X, layout.y, 120, { bold: last });
    layout.put(value, x + 120, layout.y, boxWidth - 120 - CELL_PAD_X, { bold: last, align: "right" });
    layout.y += 15;
  });
  if (totals.chargesCents === null) {
    layout.y += 4;
    layout.put(
      `A line has no fee in the clinic's fee schedule (shown as ${NO_FEE}), so the total is not known.`,
      LEFT,
      layout.y,
      WIDTH,
      { size: 8 },
    );
  }
}

/** The superbill as PDF bytes: one or more US-Letter pages. */
export function renderSuperbill(bill: Superbill, options: RenderOptions = {}): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const issued = new Date(bill.issuedAt);
    const doc = new PDFDocument({
      size: "LETTER",
      margin: MARGIN,
      bufferPages: true,
      compress: options.compress ?? true,
      // No patient data in the document's metadata: only what the page prints.
      info: {
        Title: "Superbill",
        Creator: "Acuback",
        ...(Number.isNaN(issued.getTime()) ? {} : { CreationDate: issued }),
      },
    });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    try {
      const layout = new Layout(doc, bill);
      draw(layout, bill);
      layout.footers();
      doc.end();
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
