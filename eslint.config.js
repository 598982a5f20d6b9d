// Lint, and the layering the architecture asks for: web → domain ← server.
// domain imports nothing outside itself; server never imports web; web never imports server.
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

const layer = (files, groups, message, extra = [], ignores = []) => ({
  files,
  ignores,
  rules: {
    "no-restricted-imports": ["error", { patterns: [{ group: groups, message }, ...extra] }],
  },
});

const DOMAIN_OUTSIDE = ["**/server", "**/server/**", "**/web", "**/web/**", "**/e2e/**", "**/scripts/**"];

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "data/**", ".tmp/**", "e2e/artifacts/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["web/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
  layer(
    ["domain/**/*.ts"],
    DOMAIN_OUTSIDE,
    "domain is pure: it imports nothing from server, web or tooling.",
    [{ regex: "^(?!\\.{1,2}/)", message: "domain imports no packages or Node built-ins: it runs unchanged in the browser." }],
    ["domain/**/*.test.ts"],
  ),
  layer(["domain/**/*.test.ts"], DOMAIN_OUTSIDE, "domain tests exercise domain only."),
  layer(["server/**/*.ts"], ["**/web", "**/web/**", "**/e2e/**"], "server must not import the web app or e2e code."),
  layer(["web/src/**/*.{ts,tsx}"], ["**/server", "**/server/**", "node:*"], "web runs in the browser: import domain, never server or Node built-ins.", [], ["web/src/**/*.test.ts"]),
  // Tests of the web app's pure helpers run under node's test runner; they still never reach into the server.
  layer(["web/src/**/*.test.ts"], ["**/server", "**/server/**"], "web tests exercise the web app's own code and domain only."),
);
