// Entry point of the `ringkv` binary (bin/ringkv.mjs): parse, run, and turn what went wrong into
// an exit code — usage errors 2, RingkvErrors through ERROR_MAPPINGS (output.ts).
import { CommanderError } from "commander";
import { Output } from "./output.ts";
import { exitQuietlyOnClosedPipe } from "./pipe.ts";
import { createProgram } from "./program.ts";
import { dropIpServerNameWarning } from "./tls-warning.ts";

exitQuietlyOnClosedPipe(process.stdout);
exitQuietlyOnClosedPipe(process.stderr);
dropIpServerNameWarning();
try {
  await createProgram().parseAsync(process.argv);
} catch (e) {
  // Commander has already printed its message; exit code 0 is --help or --version.
  if (e instanceof CommanderError) process.exitCode = e.exitCode === 0 ? 0 : 2;
  else process.exitCode = new Output(false).failure(e);
}
