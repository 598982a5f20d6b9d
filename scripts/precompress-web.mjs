/**
 * Writes a Brotli (.br) and a gzip (.gz) copy beside every built text asset
 * of the web app (dist/web), once at build time, so the server sends a third
 * of the bytes without compressing on each request (@fastify/static's
 * preCompressed picks the copy the browser accepts). On a clinic's Wi-Fi or a
 * patient's phone the bytes are what the first load waits for.
 *
 *   node scripts/precompress-web.mjs [dir=dist/web]
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const dir = process.argv[2] ?? join(import.meta.dirname, "..", "dist", "web");
const TEXT = /\.(js|css|html|json|svg|txt)$/;
// Below about one network packet, compression saves nothing a person notices.
const SMALLEST = 1024;

let files = 0;
let before = 0;
let after = 0;
function walk(path) {
  for (const name of readdirSync(path)) {
    const file = join(path, name);
    if (statSync(file).isDirectory()) walk(file);
    else if (TEXT.test(name)) {
      const bytes = readFileSync(file);
      if (bytes.length < SMALLEST) continue;
      const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
      writeFileSync(`${file}.br`, br);
      writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
      files++;
      before += bytes.length;
      after += br.length;
    }
  }
}
walk(dir);
if (files === 0) {
  console.error(`precompress-web: no text assets under ${dir}; build the web app first.`);
  process.exit(1);
}
console.log(`precompress-web: ${files} files, ${(before / 1024).toFixed(0)} KiB → ${(after / 1024).toFixed(0)} KiB with Brotli`);
