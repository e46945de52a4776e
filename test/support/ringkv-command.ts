// How the tests run `ringkv`: the CLI's current sources, transpiled into a build named by their
// hash (test/support/test-build.ts), never the compiled dist/ that bin/ringkv.mjs runs — a test
// can then not pass on a stale build. The compiled package itself is tested as users get it,
// packed and installed (test/package).
import { join } from "node:path";
import { testBuild } from "./test-build.ts";

export const CLI_MAIN = join(testBuild(), "cli", "main.js");

/** Node arguments that run `ringkv`; append the command line. */
export const RINGKV_NODE_ARGS: readonly string[] = [CLI_MAIN];
