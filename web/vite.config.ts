import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here("."),
  plugins: [react()],
  build: { outDir: here("../dist/web"), emptyOutDir: true, sourcemap: true, manifest: true },
  // `npm run dev:web` proxies the API to a server started with `npx acuback serve`.
  server: { proxy: { "/api": "http://localhost:3000", "/health": "http://localhost:3000" } },
});
