/** The text of a PDF that pdfkit wrote, for tests that check what a superbill prints. */
import { inflateSync } from "node:zlib";

// pdfkit writes text as hex strings in TJ arrays: inflate each stream and decode them.
const WIN_ANSI_BACK: Record<number, string> = { 0x96: "\u2013", 0x97: "\u2014", 0x95: "\u2022", 0x85: "\u2026" };
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const out: string[] = [];
  const re = /<<([^]*?)>>\s*stream\r?\n/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const length = Number(/\/Length (\d+)/.exec(m[1] ?? "")?.[1]);
    const start = m.index + m[0].length;
    const bytes = pdf.subarray(start, start + length);
    const content = (/FlateDecode/.test(m[1] ?? "") ? inflateSync(bytes) : bytes).toString("latin1");
    for (const tj of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const line = [...(tj[1] ?? "").matchAll(/<([0-9a-fA-F]*)>/g)]
        .map((h) => (h[1] ?? "").match(/../g) ?? [])
        .flat()
        .map((hex) => {
          const code = parseInt(hex, 16);
          return WIN_ANSI_BACK[code] ?? String.fromCharCode(code);
        })
        .join("");
      out.push(line);
    }
  }
  return out.join("\n");
}
