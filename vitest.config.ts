import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    // Process-level tests spawn real clusters; give them room on a 2-core machine.
    testTimeout: 60_000,
    // Two test files at a time, also on 2 cores (vitest's default there is one): the process
    // tests spend most of their time waiting on timers and on the nodes they started, so two
    // overlap well, and the suite stays within ten minutes.
    maxWorkers: 2,
    hookTimeout: 60_000,
  },
});
