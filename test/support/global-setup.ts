// vitest's global setup: transpile the sources the process-level tests run once, before any
// worker starts, so no test file pays for it while another is timing a cluster.
import { testBuild } from "./test-build.ts";

export default function setup(): void {
  testBuild();
}
