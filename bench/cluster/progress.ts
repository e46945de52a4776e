// Progress on the terminal: each step prints what it is doing, then its result when it completes.
// On a terminal the line also counts the seconds while the step runs; in a log file or a pipe it
// is one plain line per step. Lines said while a step runs (the commands a start runs) go on
// lines of their own, and the step's result then repeats its label.

let interrupted = false;
/** The label of the step whose line is open (written without its newline), if any. */
let openLine: string | null = null;

/** After this, a step that fails reads "cut short" rather than "FAILED". */
export function markInterrupted(): void {
  interrupted = true;
}

/** A line of its own, outside the numbered steps. */
export function say(line: string): void {
  if (openLine !== null) process.stdout.write("\n");
  openLine = null;
  process.stdout.write(`${line}\n`);
}

export class Progress {
  readonly #total: number;
  #done = 0;
  readonly #tty = process.stdout.isTTY === true;

  constructor(totalSteps: number) {
    this.#total = totalSteps;
  }

  /** Run one numbered step; `describe` turns its value into the result text. */
  async step<T>(label: string, run: () => Promise<T>, describe: (value: T) => string): Promise<T> {
    this.#done++;
    const width = String(this.#total).length;
    const prefix = `[${String(this.#done).padStart(width)}/${this.#total}] ${label}`;
    const started = Date.now();
    process.stdout.write(`${prefix} …`);
    openLine = prefix;
    const timer = this.#tty
      ? setInterval(() => {
          const seconds = Math.round((Date.now() - started) / 1000);
          if (openLine === prefix) process.stdout.write(`\r${prefix} … ${seconds} s`);
        }, 1000)
      : null;
    try {
      const value = await run();
      this.#finish(prefix, describe(value));
      return value;
    } catch (e) {
      this.#finish(prefix, interrupted ? "cut short" : "FAILED");
      throw e;
    } finally {
      if (timer) clearInterval(timer);
    }
  }

  #finish(prefix: string, result: string): void {
    if (openLine !== prefix) process.stdout.write(`${prefix} → ${result}\n`);
    else process.stdout.write(this.#tty ? `\r\x1b[K${prefix} → ${result}\n` : ` → ${result}\n`);
    openLine = null;
  }
}
