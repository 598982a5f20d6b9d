/** Special roles in the words the atlas pages and the command line show. */
import { MERIDIAN_CODES, type CrossingChannel, type MeridianCode, type SpecialRole } from "./types.ts";

/** The extraordinary vessels as practitioners write them. */
const VESSEL_NAMES: Record<Exclude<CrossingChannel, MeridianCode>, string> = {
  Chong: "Chong",
  Dai: "Dai",
  YinQiao: "Yin Qiao",
  YangQiao: "Yang Qiao",
  YinWei: "Yin Wei",
  YangWei: "Yang Wei",
};

const isMeridian = (channel: CrossingChannel): channel is MeridianCode => (MERIDIAN_CODES as readonly string[]).includes(channel);

/** "GB and BL"; "GB, ST and TE"; a list in plain English. */
function and(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/**
 * "crossing point of GB and BL"; "crossing point of GB and TE with the Yang Qiao and Yang Wei vessels";
 * "crossing point of the Chong vessel"; "crossing point (channels not recorded)".
 */
export function crossingText(role: Extract<SpecialRole, { kind: "crossing" }>): string {
  const channels = role.channels.filter(isMeridian);
  const vessels = role.channels.filter((c) => !isMeridian(c)).map((c) => VESSEL_NAMES[c as Exclude<CrossingChannel, MeridianCode>]);
  if (channels.length === 0 && vessels.length === 0) return "crossing point (channels not recorded)";
  const vesselText = vessels.length > 0 ? `the ${and(vessels)} vessel${vessels.length > 1 ? "s" : ""}` : "";
  if (channels.length === 0) return `crossing point of ${vesselText}`;
  return `crossing point of ${and(channels)}${vesselText ? ` with ${vesselText}` : ""}`;
}

export function roleText(role: SpecialRole): string {
  switch (role.kind) {
    case "back-shu":
    case "front-mu":
    case "lower he-sea":
      return `${role.kind} point of the ${role.organ}`;
    case "five-shu":
      return `${role.shu} point (${role.phase})`;
    case "influential":
      return `influential point of ${role.of}`;
    case "confluent":
      return `confluent point of the ${role.vessel}`;
    case "luo-connecting":
      return role.major ? "major luo-connecting point" : "luo-connecting point";
    case "crossing":
      return crossingText(role);
    default:
      return `${role.kind} point`;
  }
}
