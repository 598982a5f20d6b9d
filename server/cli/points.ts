/** `acuback points …`: the atlas from the terminal, for people and scripts (--json). */
import type { Command } from "commander";
import { ATLAS, type Acupoint } from "../../domain/points/atlas.ts";
import { needlingSourceText, needlingText } from "../../domain/points/needling.ts";
import { roleText } from "../../domain/points/roles.ts";
import { createPointSearch } from "../../domain/points/search.ts";

function summary(point: Acupoint): string {
  return `${point.code.padEnd(10)} ${point.pinyin.padEnd(16)} ${point.hanzi.traditional.padEnd(6)} ${point.english}`;
}

function describe(point: Acupoint): string {
  const lines = [
    `${point.code}  ${point.pinyin} ${point.hanzi.traditional}${point.hanzi.simplified !== point.hanzi.traditional ? ` (${point.hanzi.simplified})` : ""}  ${point.english}`,
    `Channel:    ${point.meridian ?? "extra point"}${point.group ? ` (Huatuojiaji ${point.group.level})` : ""}`,
    `Region:     ${point.region}`,
    `Location:   ${point.location}`,
    `Needling:   ${needlingText(point.needling)} — ${needlingSourceText(point.needling.source)}`,
  ];
  if (point.aliases.length) lines.push(`Also:       ${point.aliases.join(", ")}`);
  if (point.formerCodes.length) lines.push(`Formerly:   ${point.formerCodes.join(", ")}`);
  if (point.roles.length) lines.push(`Roles:      ${point.roles.map(roleText).join("; ")}`);
  for (const caution of point.cautions) lines.push(`Caution:    ${caution.text}`);
  if (point.nerves.length) lines.push(`Nerves:     ${point.nerves.join(", ")}`);
  if (point.vessels.length) lines.push(`Vessels:    ${point.vessels.join(", ")}`);
  if (point.indications.length) lines.push(`Indicated:  ${point.indications.join(", ")}`);
  if (point.lowBackPain || point.sciatica) lines.push(`Back pain:  ${[point.lowBackPain && "low back pain", point.sciatica && "sciatica"].filter(Boolean).join(", ")}`);
  lines.push(`Sources:    ${point.sources.join("; ")}`);
  return lines.join("\n");
}

export function addPointCommands(program: Command): void {
  const points = program.command("points").description("Look up acupoints (all 361 WHO points and the extra points)");
  points
    .command("search")
    .description("Search by code in any form, pinyin, characters, English name, region or indication")
    .argument("<query...>", "what to look for, e.g. 'ub 23', shenshu, 腎俞, sciatica")
    .option("--limit <n>", "most results to show", "20")
    .option("--json", "print JSON")
    .action((query: string[], options: { limit: string; json?: boolean }) => {
      const hits = createPointSearch(ATLAS).search(query.join(" "), { limit: Number(options.limit) || 20 });
      if (options.json) return console.log(JSON.stringify(hits.map((h) => ({ ...h.point, matched: h.matched })), null, 2));
      if (hits.length === 0) {
        console.error(`No point matches "${query.join(" ")}".`);
        process.exitCode = 1;
        return;
      }
      for (const hit of hits) console.log(`${summary(hit.point)}  [${hit.matched}]`);
    });
  points
    .command("show")
    .description("Everything about one point")
    .argument("<code...>", "code or alias, e.g. BL23, 'UB 23', 'Bladder 23', EX-HN3")
    .option("--json", "print JSON")
    .action((code: string[], options: { json?: boolean }) => {
      const point = ATLAS.resolve(code.join(" "));
      if (!point) {
        console.error(`No point answers to "${code.join(" ")}". Try: acuback points search ${code.join(" ")}`);
        process.exitCode = 1;
        return;
      }
      console.log(options.json ? JSON.stringify(point, null, 2) : describe(point));
    });
  points
    .command("list")
    .description("Every point, in channel order")
    .option("--json", "print JSON with all fields")
    .action((options: { json?: boolean }) => {
      if (options.json) return console.log(JSON.stringify(ATLAS.points, null, 2));
      for (const point of ATLAS.points) console.log(summary(point));
    });
}
