#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so the server needs no separate build step.
import { register } from "tsx/esm/api";

register();
await import("../server/cli/main.ts");
