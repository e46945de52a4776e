#!/usr/bin/env node
// The `ringkv` binary: the compiled CLI in dist/ (`npm run build`, which `npm install`, `npm ci`
// and `npm pack` run through `prepare`). Plain JavaScript, no TypeScript loader: what a user runs
// is what the package ships. The tests run the sources instead (test/support/ringkv-command.ts).
import { existsSync } from "node:fs";

const main = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(main)) {
  process.stderr.write("ringkv: dist/cli/main.js is missing; build it with `npm run build`\n");
  // 70 (EX_SOFTWARE): the installation is broken, whatever the command line said.
  process.exit(70);
}
await import(main.href);
