/**
 * The guide's quality bars: every claim carries citation keys that the
 * registry knows, every topic of the issue is there in order, and every page
 * reads at US grade 8 or below (Flesch-Kincaid Grade Level, Kincaid 1975, via
 * the `flesch-kincaid` and `syllable` packages). The grades are printed.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fleschKincaid } from "flesch-kincaid";
import { syllable } from "syllable";
import { CITATIONS, isCitationKey, type Citation } from "./citations.ts";
import { FIGURES, figureAlt, outOf100 } from "./figures.ts";
import { blockCitations, citationsOf, topicText, TOPIC_SLUGS, type Block } from "./guide.ts";
import { GUIDE_TOPICS } from "./guide/index.ts";
import { CHERKIN_NEEDLES, CHERKIN_POINTS, CHERKIN_RETENTION_MINUTES } from "./guide/basics.ts";
import { findProtocol } from "../treatment/protocols.ts";

const CLAIM_KINDS: Block["kind"][] = ["text", "list", "figure", "nerves", "compare"];

/** Counts for the formula: sentences end in . ! ? or a line; words are runs of letters or digits. */
function readingGrade(texts: string[]): { grade: number; words: number; sentences: number } {
  const body = texts.map((t) => (/[.!?:]$/.test(t.trim()) ? t : `${t}.`)).join(" ");
  const sentences = body.split(/[.!?]+(?:\s|$)/).filter((s) => /[A-Za-z0-9]/.test(s)).length;
  const words = body.match(/[A-Za-z0-9][A-Za-z0-9'’-]*/g) ?? [];
  const syllables = words.reduce((sum, w) => sum + (/^\d/.test(w) ? 1 : syllable(w)), 0);
  return { grade: fleschKincaid({ sentence: sentences, word: words.length, syllable: syllables }), words: words.length, sentences };
}

describe("patient guide", () => {
  it("has the ten topics of the issue, in order", () => {
    assert.deepEqual(GUIDE_TOPICS.map((t) => t.slug), [...TOPIC_SLUGS]);
  });

  it("every claim carries at least one citation key, and every key is in the registry", () => {
    const problems: string[] = [];
    for (const topic of GUIDE_TOPICS) {
      if (topic.lead.cite.length === 0) problems.push(`${topic.slug}: lead has no citation`);
      for (const section of topic.sections) {
        if (section.grade && section.grade.cite.length === 0) problems.push(`${topic.slug}/${section.id}: grade has no citation`);
        for (const block of section.blocks) {
          if (block.kind === "list") {
            block.items.forEach((item, i) => item.cite.length === 0 && problems.push(`${topic.slug}/${section.id}: list item ${i + 1} has no citation`));
          } else if (CLAIM_KINDS.includes(block.kind) && blockCitations(block).length === 0) {
            problems.push(`${topic.slug}/${section.id}: a ${block.kind} block has no citation`);
          }
        }
      }
      for (const key of citationsOf(topic)) if (!isCitationKey(key)) problems.push(`${topic.slug}: unknown citation key ${key}`);
    }
    assert.deepEqual(problems, []);
  });

  it("keeps definitions (uncited 'about' blocks) a small part of each page", () => {
    for (const topic of GUIDE_TOPICS) {
      const blocks = topic.sections.flatMap((s) => s.blocks);
      const about = blocks.filter((b) => b.kind === "about").length;
      assert.ok(about <= Math.max(4, blocks.length / 2), `${topic.slug}: ${about} of ${blocks.length} blocks are uncited definitions`);
    }
  });

  it("every registry entry names its design and can be opened (DOI or URL)", () => {
    for (const [key, c] of Object.entries(CITATIONS) as [string, Citation][]) {
      assert.ok(c.doi || c.url, `${key} has neither DOI nor URL`);
      assert.ok(c.year > 1900 && c.title.length > 5, key);
    }
  });

  it("figures come from their data and say it in words (GERAC, Haake 2007: 47.6 / 44.2 / 27.4%)", () => {
    assert.deepEqual(FIGURES["gerac-responders"].arms.map((a) => outOf100(a.percent)), [48, 44, 27]);
    assert.match(figureAlt("gerac-responders"), /Acupuncture: about 48 in 100 \(47\.6%\); Sham acupuncture: about 44 in 100/);
    assert.match(figureAlt("vickers-effects"), /Against sham needles: 0\.23 \(range 0\.13 to 0\.33\)/);
  });

  it("the insurance page states the coverage engine's own NCD 30.3.3 limits", () => {
    const text = topicText(GUIDE_TOPICS.find((t) => t.slug === "insurance")!).join(" ");
    assert.match(text, /Up to 12 visits in 90 days/);
    assert.match(text, /No more than 20 visits a year/);
  });

  it("the Cherkin 2009 points, needles and minutes the guide shows agree with the protocol library", () => {
    const protocol = findProtocol("cherkin-2009-standardised")!;
    assert.deepEqual(protocol.points.flatMap((p) => (p.point ? [p.point] : [])), [...CHERKIN_POINTS]);
    // Bilateral BL23, BL40, KI3 (6) + GV3 + one ashi point = 8 (clinical-facts §9).
    const needles = protocol.points.reduce((n, p) => n + (p.side === "bilateral" ? 2 : 1), 0);
    assert.equal(needles, CHERKIN_NEEDLES);
    assert.equal(protocol.parameters.retentionMinutes, CHERKIN_RETENTION_MINUTES);
  });

  it("every page reads at US grade 8 or below (Flesch-Kincaid)", () => {
    const rows = GUIDE_TOPICS.map((topic) => ({ slug: topic.slug, ...readingGrade(topicText(topic)) }));
    for (const row of rows) console.log(`  grade ${row.grade.toFixed(1)}  ${row.slug} (${row.words} words, ${row.sentences} sentences)`);
    const over = rows.filter((row) => row.grade > 8);
    assert.deepEqual(over.map((r) => `${r.slug} ${r.grade.toFixed(1)}`), []);
  });
});
