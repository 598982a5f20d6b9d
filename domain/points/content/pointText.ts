/**
 * English names and locations in Acuback's own words, for every point.
 * English names translate the Chinese characters; locations give the same
 * landmarks and cun measurements as the WHO 2008 standard, written afresh
 * (no WHO or TARA sentences). Distances are in cun, the proportional body inch.
 * Split by channel into the files imported below.
 */
import { BACK_TEXT } from "./pointTextBack.ts";
import { ARM_TEXT } from "./pointTextArm.ts";
import { FRONT_TEXT } from "./pointTextFront.ts";
import { SIDE_TEXT } from "./pointTextSide.ts";
import { EXTRA_TEXT } from "./pointTextExtra.ts";

import type { PointText } from "./pointTextEntry.ts";

export const POINT_TEXT: Record<string, PointText> = {
  ...ARM_TEXT,
  ...FRONT_TEXT,
  ...BACK_TEXT,
  ...SIDE_TEXT,
  ...EXTRA_TEXT,
};
