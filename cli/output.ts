// Where a CLI command's results and failures go: text for people, JSON with --json, errors on
// stderr as `error: <code>: <message>`, and the exit code taken from ERROR_MAPPINGS (the one
// place codes map to exits).
import type { Writable } from "node:stream";
import { toRingkvError } from "../src/api/errors.ts";

export interface OutputStreams {
  readonly stdout: Writable;
  readonly stderr: Writable;
}

export class Output {
  readonly json: boolean;
  readonly #streams: OutputStreams;

  constructor(json: boolean, streams: OutputStreams = { stdout: process.stdout, stderr: process.stderr }) {
    this.json = json;
    this.#streams = streams;
  }

  /** Print `value` as one JSON line with --json, else `text` followed by a newline. */
  result(value: unknown, text: string | Uint8Array): void {
    if (this.json) {
      this.#streams.stdout.write(`${JSON.stringify(value)}\n`);
    } else {
      this.#streams.stdout.write(text);
      this.#streams.stdout.write("\n");
    }
  }

  /** Print a failure the command goes on after (`what`: what it does next) on stderr. */
  warning(e: unknown, what: string): void {
    const error = toRingkvError(e);
    const line = this.json
      ? JSON.stringify({ warning: { code: error.code, message: error.message, next: what } })
      : `warning: ${error.code}: ${error.message}; ${what}`;
    this.#streams.stderr.write(`${line}\n`);
  }

  /** Print a failure and return the process exit code it stands for. */
  failure(e: unknown): number {
    const error = toRingkvError(e);
    const line = this.json ? JSON.stringify(error.toJSON()) : `error: ${error.code}: ${error.message}`;
    this.#streams.stderr.write(`${line}\n`);
    return error.mapping.exit;
  }
}
