/** One point's English name and location, as written in the pointText* files. */
export interface PointText {
  english: string;
  location: string;
}

export const t = (english: string, location: string): PointText => ({ english, location });
