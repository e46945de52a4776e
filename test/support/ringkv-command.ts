// How the tests run `ringkv`: the CLI's sources through tsx (`node --import tsx cli/main.ts …`),
// never the compiled dist/ that bin/ringkv.mjs runs — a test can then not pass on a stale build.
// The compiled package itself is tested as users get it, packed and installed (test/package).
import { fileURLToPath } from "node:url";

export const CLI_MAIN = fileURLToPath(new URL("../../cli/main.ts", import.meta.url));

/** Node arguments that run `ringkv`; append the command line. */
export const RINGKV_NODE_ARGS: readonly string[] = ["--import", "tsx", CLI_MAIN];
