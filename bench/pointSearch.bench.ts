/**
 * Atlas search, run on every keystroke in the browser: ranked matching of
 * codes, aliases, pinyin, characters, English, regions and indications,
 * against a floor in the same process — a bare substring scan over the
 * points' plain pinyin, the least any search box could do.
 *
 *   node --import tsx bench/pointSearch.bench.ts [rounds=2000]
 */
import { ATLAS } from "../domain/points/atlas.ts";
import { createPointSearch } from "../domain/points/search.ts";

const ROUNDS = Number(process.argv[2] ?? 2000);
const QUERIES = ["ub 23", "shenshu", "Shèn Shū", "腎俞", "weizhong", "sciatica", "back of the knee", "low back pain", "kidney shu", "zu"];

const search = createPointSearch(ATLAS);
const plain = ATLAS.points.map((p) => p.pinyinPlain.toLowerCase());

function time(run: (query: string) => number): number {
  let sink = 0;
  for (const q of QUERIES) sink += run(q); // warm-up
  const start = performance.now();
  for (let i = 0; i < ROUNDS; i++) for (const q of QUERIES) sink += run(q);
  const perQuery = ((performance.now() - start) * 1000) / (ROUNDS * QUERIES.length);
  if (sink < 0) console.log(sink);
  return perQuery;
}

const floor = time((q) => plain.filter((name) => name.includes(q.toLowerCase())).length);
const full = time((q) => search.search(q, { limit: 60 }).length);
console.log(`points=${ATLAS.points.length} queries=${QUERIES.length} rounds=${ROUNDS}`);
console.log(`| search | µs per query |`);
console.log(`|---|---|`);
console.log(`| substring scan of plain pinyin (floor) | ${floor.toFixed(1)} |`);
console.log(`| Acuback ranked search | ${full.toFixed(1)} |`);
console.log(`Ranked search costs ${(full / floor).toFixed(1)}× the floor; a keystroke budget of 16 ms allows ${Math.floor(16000 / full)} searches.`);
