/**
 * Builds the evidence library's trial records from TARA's pain-related-articles
 * table (shared/reference/tara, MIT, copyright (c) 2024 smtifahim):
 *   node --import tsx scripts/evidence/build.ts
 * writes domain/evidence/content/trials.json. Only facts go in: bibliographic
 * data, design, size, country, condition, points (resolved to WHO codes through
 * the atlas), figures picked out of the needling notes (depth, minutes, Hz),
 * and which STRICTA items the record states. TARA's prose is not copied; the
 * comparator and modality are our own categories, read from it by keyword.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ATLAS } from "../../domain/points/atlas.ts";
import type { TrialRecord } from "../../domain/evidence/trials.ts";
import { classifyComparator, classifyCondition, classifyDesign, classifyModalities, needlingFacts, strictaStated } from "./classify.ts";
import { readTable } from "../atlas/tara.ts";

const OUT = process.env.EVIDENCE_OUT ?? join(import.meta.dirname, "..", "..", "domain", "evidence", "content", "trials.json");

export function buildTrials(rows: Record<string, string>[]): TrialRecord[] {
  return rows
    .filter((row) => row["ID#"] && row["Title"])
    .map((row): TrialRecord => {
      const names = row["Acupoints Used"]!.split(",").map((s) => s.trim()).filter(Boolean);
      const points: string[] = [];
      const unresolved: string[] = [];
      for (const name of names) {
        const point = ATLAS.resolve(name);
        if (point) {
          if (!points.includes(point.code)) points.push(point.code);
        } else unresolved.push(name);
      }
      const authors = row["Authors_Info"]!.split(",").map((s) => s.trim()).filter(Boolean);
      const size = /(\d[\d,]*)/.exec(row["Sample Size Info"]!.replace(/^Total( sample size)?:\s*/i, ""));
      const country = /^not mentioned/i.test(row["Country Info"]!) ? null : row["Country Info"]!;
      const needling = needlingFacts(row);
      return {
        id: `tara-${row["ID#"]}`,
        taraId: Number(row["ID#"]),
        title: row["Title"]!,
        firstAuthor: authors[0] ?? "",
        authorCount: authors.length,
        year: Number(row["Year"]),
        venue: row["Venue"] || null,
        doi: row["DOI"] || null,
        design: classifyDesign(row["Trial Type"]!),
        size: size ? Number(size[1]!.replace(/,/g, "")) : null,
        country,
        condition: row["Condition Treated"] ? row["Condition Treated"].toLowerCase() : "not stated",
        conditionGroup: classifyCondition(row["Condition Treated"]!),
        modalities: classifyModalities(row["Title"]!, `${row["Acupuncture Modality"]} ${row["Stimulation Type Info"]}`),
        comparators: classifyComparator(row["Controls Info"]!),
        needling,
        points,
        unresolved,
        stricta: strictaStated(row, points.length + unresolved.length, needling),
      };
    })
    .sort((a, b) => a.taraId - b.taraId);
}

// Run as a script (not when the test imports buildTrials).
if (process.argv[1]?.endsWith(join("evidence", "build.ts"))) {
  const trials = buildTrials(readTable("pain-related-articles.csv"));
  writeFileSync(OUT, `${JSON.stringify(trials, null, 1)}\n`);
  console.log(`${trials.length} trials → ${OUT}`);
}
