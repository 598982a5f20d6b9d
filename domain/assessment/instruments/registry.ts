/** The instruments Acuback scores, by id. */
import type { Instrument, InstrumentId } from "./instrument.ts";
import { NRS } from "./nrs.ts";
import { ODI } from "./odi.ts";
import { PEG } from "./peg.ts";
import { RMDQ } from "./rmdq.ts";
import { START_BACK } from "./startBack.ts";

export const INSTRUMENTS: Record<InstrumentId, Instrument> = {
  nrs: NRS,
  peg: PEG,
  odi: ODI,
  rmdq: RMDQ,
  "start-back": START_BACK,
};

export function instrumentById(id: string): Instrument | null {
  return (INSTRUMENTS as Record<string, Instrument>)[id] ?? null;
}
