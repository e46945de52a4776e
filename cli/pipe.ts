// A reader that goes away (`ringkv status | head -1`, `| true`) is not a failure of the command:
// the output was not wanted. Without this, the EPIPE of the next write is an unhandled 'error'
// event — a stack trace and exit 1, which the contract reserves for "not found".
import type { Writable } from "node:stream";

export function exitQuietlyOnClosedPipe(stream: Writable): void {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
    // Whatever the command had decided stands (0 unless it had already failed); nothing more can
    // be said on a closed stream, so stop here rather than write into it again.
    process.exit(process.exitCode ?? 0);
  });
}
