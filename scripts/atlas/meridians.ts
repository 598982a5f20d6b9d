/**
 * The 14 channels: names, organ, paired channel and direction of flow.
 * Pairings (interior–exterior) and the direction of each channel follow the
 * classical circulation order (Ling Shu ch. 10), as taught in CAM 1999 ch. 2;
 * the point order is WHO 2008 numbering.
 */
import type { AcupointFacts, Meridian } from "../../domain/points/types.ts";
import { hanziForms } from "./chinese.ts";
import { readTable } from "./tara.ts";

const CHANNELS: Omit<Meridian, "hanzi" | "points">[] = [
  { code: "LU", name: "Lung", fullName: "Lung channel of hand taiyin", organ: "lung", paired: "LI", yinYang: "yin", limb: "hand", flow: "from the chest out along the arm to the thumb" },
  { code: "LI", name: "Large Intestine", fullName: "Large intestine channel of hand yangming", organ: "large intestine", paired: "LU", yinYang: "yang", limb: "hand", flow: "from the index finger up the arm to the face" },
  { code: "ST", name: "Stomach", fullName: "Stomach channel of foot yangming", organ: "stomach", paired: "SP", yinYang: "yang", limb: "foot", flow: "from the face down the front of the body and leg to the second toe" },
  { code: "SP", name: "Spleen", fullName: "Spleen channel of foot taiyin", organ: "spleen", paired: "ST", yinYang: "yin", limb: "foot", flow: "from the big toe up the inner leg to the chest" },
  { code: "HT", name: "Heart", fullName: "Heart channel of hand shaoyin", organ: "heart", paired: "SI", yinYang: "yin", limb: "hand", flow: "from the armpit down the inner arm to the little finger" },
  { code: "SI", name: "Small Intestine", fullName: "Small intestine channel of hand taiyang", organ: "small intestine", paired: "HT", yinYang: "yang", limb: "hand", flow: "from the little finger up the back of the arm and shoulder to the ear" },
  { code: "BL", name: "Bladder", fullName: "Bladder channel of foot taiyang", organ: "bladder", paired: "KI", yinYang: "yang", limb: "foot", flow: "from the inner eye over the head, down the back and leg to the little toe" },
  { code: "KI", name: "Kidney", fullName: "Kidney channel of foot shaoyin", organ: "kidney", paired: "BL", yinYang: "yin", limb: "foot", flow: "from the sole up the inner leg and abdomen to the chest" },
  { code: "PC", name: "Pericardium", fullName: "Pericardium channel of hand jueyin", organ: "pericardium", paired: "TE", yinYang: "yin", limb: "hand", flow: "from the chest down the middle of the inner arm to the middle finger" },
  { code: "TE", name: "Triple Energizer", fullName: "Triple energizer (san jiao) channel of hand shaoyang", organ: "triple energizer", paired: "PC", yinYang: "yang", limb: "hand", flow: "from the ring finger up the back of the arm to the side of the head" },
  { code: "GB", name: "Gallbladder", fullName: "Gallbladder channel of foot shaoyang", organ: "gallbladder", paired: "LR", yinYang: "yang", limb: "foot", flow: "from the outer eye over the side of the head and body down the outer leg to the fourth toe" },
  { code: "LR", name: "Liver", fullName: "Liver channel of foot jueyin", organ: "liver", paired: "GB", yinYang: "yin", limb: "foot", flow: "from the big toe up the inner leg to the ribs" },
  { code: "GV", name: "Governor Vessel", fullName: "Governor vessel (du mai)", organ: null, paired: null, yinYang: null, limb: null, flow: "from below the tailbone up the spine, over the head to the upper gum" },
  { code: "CV", name: "Conception Vessel", fullName: "Conception vessel (ren mai)", organ: null, paired: null, yinYang: null, limb: null, flow: "from the perineum up the front midline to below the lower lip" },
];

export function MERIDIANS(points: AcupointFacts[]): Meridian[] {
  const labels = new Map<string, string>();
  // Abbreviation lists every spelling ("BL, UB", "Du, GV"); the label keeps variants in brackets.
  for (const row of readTable("meridians.csv")) {
    for (const abbreviation of (row["Abbreviation"] ?? "").split(",")) labels.set(abbreviation.trim().toUpperCase(), row["Chinese Label"] ?? "");
  }
  return CHANNELS.map((channel) => ({
    ...channel,
    hanzi: hanziForms(labels.get(channel.code) ?? ""),
    points: points
      .filter((p) => p.meridian === channel.code)
      .sort((a, b) => (a.number ?? 0) - (b.number ?? 0))
      .map((p) => p.code),
  }));
}
