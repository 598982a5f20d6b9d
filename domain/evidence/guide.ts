/**
 * The patient guide's content model. Every statement of fact is a block that
 * carries citation keys; text that only tells the reader what to do or ask
 * (`advice`, `questions`) makes no claim and carries none. `guide.test.ts`
 * fails the build when a claim has no key or a key is not in the registry,
 * and measures each page's reading grade.
 */
import type { CitationKey } from "./citations.ts";
import type { FigureId } from "./figures.ts";

/** What kinds of study support a theory: the grade a mechanism section shows. */
export const EVIDENCE_KINDS = [
  { id: "animal", label: "animal studies" },
  { id: "human-lab", label: "lab studies in people" },
  { id: "clinical", label: "trials in patients" },
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number]["id"];

export interface EvidenceGrade {
  from: EvidenceKind[];
  /** One plain line on how sure anyone can be. */
  summary: string;
  cite: CitationKey[];
}

export interface Claim {
  text: string;
  cite: CitationKey[];
}

export type Block =
  | ({ kind: "text" } & Claim)
  /** Guidance or a suggestion to the reader, not a statement of fact. */
  | { kind: "advice"; text: string }
  /** What a word or a practice means (a definition), not a claim about health or evidence. Kept short; the test caps its share of a page. */
  | { kind: "about"; text: string }
  | { kind: "list"; items: Claim[] }
  /** Questions the reader may ask; advice, not claims. */
  | { kind: "questions"; items: string[] }
  | { kind: "figure"; figure: FigureId; cite: CitationKey[] }
  /** The nerves under these points, read from the atlas's nerve data (TARA). */
  | { kind: "nerves"; points: string[]; cite: CitationKey[] }
  /** Sources that disagree, side by side. */
  | { kind: "compare"; rows: { who: string; says: string; cite: CitationKey[] }[] }
  /** A link to another part of Acuback (the atlas, the directory, the library). */
  | { kind: "link"; to: string; text: string };

export interface GuideSection {
  id: string;
  heading: string;
  grade?: EvidenceGrade;
  blocks: Block[];
}

export const TOPIC_SLUGS = [
  "what-is-acupuncture",
  "how-it-may-work",
  "types",
  "your-visit",
  "does-it-work",
  "safety",
  "with-other-care",
  "other-conditions",
  "insurance",
  "choosing-a-practitioner",
] as const;
export type TopicSlug = (typeof TOPIC_SLUGS)[number];

export interface GuideTopic {
  slug: TopicSlug;
  title: string;
  /** The question the page answers, as a reader would ask it. */
  question: string;
  /** The short answer at the top of the page. */
  lead: Claim;
  sections: GuideSection[];
}

/** Every citation key a topic uses, in first-use order (its reference list). */
export function citationsOf(topic: GuideTopic): CitationKey[] {
  const keys: CitationKey[] = [...topic.lead.cite];
  for (const section of topic.sections) {
    if (section.grade) keys.push(...section.grade.cite);
    for (const block of section.blocks) keys.push(...blockCitations(block));
  }
  return [...new Set(keys)];
}

export function blockCitations(block: Block): CitationKey[] {
  switch (block.kind) {
    case "text":
    case "figure":
    case "nerves":
      return block.cite;
    case "list":
      return block.items.flatMap((item) => item.cite);
    case "compare":
      return block.rows.flatMap((row) => row.cite);
    default:
      return [];
  }
}

/** The words a reader reads on a topic page (for the readability measure and the print view). */
export function topicText(topic: GuideTopic): string[] {
  const out = [topic.title, topic.lead.text];
  for (const section of topic.sections) {
    out.push(section.heading);
    if (section.grade) out.push(section.grade.summary);
    for (const block of section.blocks) {
      switch (block.kind) {
        case "text":
        case "advice":
        case "about":
          out.push(block.text);
          break;
        case "list":
          out.push(...block.items.map((item) => item.text));
          break;
        case "questions":
          out.push(...block.items);
          break;
        case "compare":
          out.push(...block.rows.map((row) => `${row.who}: ${row.says}`));
          break;
        default:
          break;
      }
    }
  }
  return out;
}
