// Progress of a long command (`snapshot save`, `snapshot restore`) on a terminal: "shards 3/16",
// rewritten in place on stderr. Nothing at all when stderr is not a terminal, so piped or
// scripted output stays clean.
import type { Writable } from "node:stream";

export class Progress {
  readonly #label: string;
  readonly #stream: Writable;
  readonly #tty: boolean;
  #shown = false;

  constructor(label: string, stream: Writable & { readonly isTTY?: boolean } = process.stderr) {
    this.#label = label;
    this.#stream = stream;
    this.#tty = stream.isTTY === true;
  }

  show(done: number, total: number): void {
    if (!this.#tty) return;
    this.#stream.write(`\r${this.#label}: shards ${done}/${total}`);
    this.#shown = true;
  }

  /** End the progress line (once), so what follows starts on its own line. */
  done(): void {
    if (this.#shown) this.#stream.write("\n");
    this.#shown = false;
  }
}
