/** The ten guide topics in reading order: the index page lists them so, and every page links the next. */
import type { GuideTopic, TopicSlug } from "../guide.ts";
import { HOW_IT_MAY_WORK, TYPES, WHAT_IS_ACUPUNCTURE, YOUR_VISIT } from "./basics.ts";
import { DOES_IT_WORK, SAFETY, WITH_OTHER_CARE } from "./evidence.ts";
import { CHOOSING, INSURANCE, OTHER_CONDITIONS } from "./practical.ts";

export const GUIDE_TOPICS: readonly GuideTopic[] = [
  WHAT_IS_ACUPUNCTURE,
  HOW_IT_MAY_WORK,
  TYPES,
  YOUR_VISIT,
  DOES_IT_WORK,
  SAFETY,
  WITH_OTHER_CARE,
  OTHER_CONDITIONS,
  INSURANCE,
  CHOOSING,
];

export function findTopic(slug: string): GuideTopic | null {
  return GUIDE_TOPICS.find((topic) => topic.slug === slug) ?? null;
}

export function topicSlugs(): TopicSlug[] {
  return GUIDE_TOPICS.map((topic) => topic.slug);
}
