/**
 * The guide's chunks named in the app shell for a first visit to /guide/*:
 * without them the browser learns of the guide's bundle only after the app's
 * entry has downloaded and run, one round trip later. Read from Vite's build
 * manifest (dist/web/.vite/manifest.json); without one, nothing is added.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
  isEntry?: boolean;
}
type Manifest = Record<string, ManifestChunk>;

/** Which source modules each public path needs first, beyond the entry. */
const ROUTE_MODULES: { prefix: string; modules: string[] }[] = [
  { prefix: "/guide/library", modules: ["src/guide/GuideRoutes.tsx", "src/guide/LibraryPage.tsx"] },
  { prefix: "/guide", modules: ["src/guide/GuideRoutes.tsx"] },
];

/** `<link>` tags for a path's chunks, their imported chunks and their CSS; the entry's own are already in the page. */
export function preloadTags(manifest: Manifest, path: string): string {
  const route = ROUTE_MODULES.find((r) => path === r.prefix || path.startsWith(`${r.prefix}/`));
  if (!route) return "";
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry);
  const skip = new Set([entry?.[0], ...(entry?.[1].imports ?? [])]);
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || skip.has(key) || scripts.has(chunk.file)) return;
    scripts.add(chunk.file);
    for (const css of chunk.css ?? []) styles.add(css);
    for (const next of chunk.imports ?? []) visit(next);
  };
  for (const module of route.modules) visit(module);
  return [...[...scripts].map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`), ...[...styles].map((f) => `<link rel="stylesheet" crossorigin href="/${f}">`)].join("");
}

export function readManifest(webDir: string): Manifest | null {
  const path = join(webDir, ".vite", "manifest.json");
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as Manifest) : null;
}
