import { ATLAS } from "../../../domain/points/atlas.ts";
import { createPointSearch } from "../../../domain/points/search.ts";

/** The one search index the browser builds (same function the API uses). */
export const POINT_SEARCH = createPointSearch(ATLAS);
