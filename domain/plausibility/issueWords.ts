/**
 * Validation problems said in plain words that name the field, for the
 * problems a schema library reports in its own terms ("Too small: expected
 * array to have >=1 items"). The issue is described structurally (the shape
 * zod reports), so the domain stays free of packages and the browser can use
 * the same words.
 */
import { fieldLabel, itemNoun } from "./fieldLabels.ts";
import { textTooLong } from "./textLimits.ts";

export interface ValidationIssue {
  code: string;
  path: readonly PropertyKey[];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  expected?: string;
  format?: string;
  keys?: readonly string[];
  input?: unknown;
}

const number = (n: number | bigint | undefined) => (n === undefined ? "" : Number(n).toLocaleString("en-US"));
const lower = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

export function plainIssue(issue: ValidationIssue): string {
  const label = fieldLabel(issue.path);
  const noun = itemNoun(issue.path);
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "array" || issue.origin === "set") {
        const n = Number(issue.minimum ?? 1);
        if (noun) return n === 1 ? `Choose at least one ${noun}.` : `Choose at least ${number(n)} ${noun}s.`;
        return `${label}: choose at least ${number(n)}.`;
      }
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? `${label} is required.` : `${label} needs at least ${number(issue.minimum)} characters.`;
      return issue.inclusive === false ? `${label} must be above ${number(issue.minimum)}.` : `${label} must be at least ${number(issue.minimum)}.`;
    case "too_big":
      if (issue.origin === "string") return textTooLong(label, Number(issue.maximum), typeof issue.input === "string" ? issue.input.length : undefined);
      if (issue.origin === "array" || issue.origin === "set") return noun ? `Choose at most ${number(issue.maximum)} ${noun}s.` : `${label}: at most ${number(issue.maximum)}.`;
      return issue.inclusive === false ? `${label} must be below ${number(issue.maximum)}.` : `${label} must be at most ${number(issue.maximum)}.`;
    case "invalid_type":
      if (issue.input === undefined || issue.input === null) return `${label} is required.`;
      if (issue.expected === "int") return `${label} must be a whole number.`;
      if (issue.expected === "number") return `${label} must be a number.`;
      if (issue.expected === "boolean") return `Answer yes or no for ${lower(label)}.`;
      if (issue.expected === "string") return `${label} must be text.`;
      if (issue.expected === "array") return `${label} must be a list.`;
      return `${label} is not written in a form Acuback can read.`;
    case "invalid_value":
      return `Choose one of the listed options for ${lower(label)}.`;
    case "invalid_format":
      if (issue.format === "email") return `${label} is not an e-mail address.`;
      if (issue.format === "uuid" || issue.format === "guid") return `${label} does not name a known record.`;
      if (issue.format === "date") return `${label} must be a real date.`;
      return `${label} is not written in a form Acuback can read.`;
    case "not_multiple_of":
      return `${label} must be a whole number.`;
    case "unrecognized_keys":
      return `Fields not known here: ${(issue.keys ?? []).join(", ")}.`;
    case "invalid_union":
    case "invalid_key":
    case "invalid_element":
    case "custom":
    default:
      return `${label} is not valid.`;
  }
}
