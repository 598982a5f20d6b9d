import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig(({ command }) => ({
  root: here("."),
  plugins: [react()],
  // React Router 7's package exports name only its development build (with dev-only checks and warnings), though it
  // ships a production one beside it (remix-run/react-router#12532, #14753): a built app uses the production one.
  resolve: { alias: command === "build" ? [{ find: /^react-router$/, replacement: here("../node_modules/react-router/dist/production/index.mjs") }] : [] },
  build: { outDir: here("../dist/web"), emptyOutDir: true, sourcemap: "hidden", manifest: true },
  // `npm run dev:web` proxies the API to a server started with `npx acuback serve`.
  server: { proxy: { "/api": "http://localhost:3000", "/health": "http://localhost:3000" } },
}));
