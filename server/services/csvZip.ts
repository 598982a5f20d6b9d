/**
 * The one way Acuback writes exported tables: CSV with a header row and CRLF
 * line ends (RFC 4180, what spreadsheets expect), and a zip that carries the
 * files of one export together.
 */
import { stringify } from "csv-stringify/sync";
import yazl from "yazl";

export type CsvValue = string | number | boolean | null;

export const csvOf = (columns: readonly string[], rows: readonly CsvValue[][], header = true) =>
  stringify(rows as CsvValue[][], { header, columns: [...columns], record_delimiter: "\r\n" });

/** A zip being written: add files (whole, or as streams of text) and end it; its bytes come from `stream`. */
export function zipWriter() {
  const zip = new yazl.ZipFile();
  return {
    stream: zip.outputStream as NodeJS.ReadableStream,
    addText: (name: string, text: string) => zip.addBuffer(Buffer.from(text, "utf8"), name),
    addStream: (name: string, stream: NodeJS.ReadableStream) => zip.addReadStream(stream, name),
    end: () => zip.end(),
  };
}

export async function zipBuffer(files: Record<string, string>): Promise<Buffer> {
  const zip = zipWriter();
  for (const [name, text] of Object.entries(files)) zip.addText(name, text);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
