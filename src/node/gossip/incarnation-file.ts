// The one piece of gossip state a node keeps across restarts: its incarnation, in
// `${dataDir}/gossip.json`. A restarted node must outrank every record of its previous life
// the cluster still holds (alive, suspect or dead at some incarnation i), so it starts at the
// highest incarnation it ever persisted + 1 — and persists that before gossiping, so that even
// a restart that crashes at once moves the next life further up.
//
// A refutation raises the incarnation while running; the agent persists each new value. If a
// crash loses the latest one, the cluster's record of it may outrank the next life: the member
// then refutes on first contact (one round trip later), which is correct, only slower.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { isErrnoCode, writeFileDurably } from "../../storage/index.ts";
import { GossipAgentError } from "./errors.ts";

export const INCARNATION_FILE = "gossip.json";

interface IncarnationFileJson {
  /** Which member the file belongs to: a data directory moved to another id is refused. */
  readonly id: string;
  readonly incarnation: number;
}

export class IncarnationFile {
  readonly path: string;
  readonly #id: string;
  /** The write in progress (writes are chained, never concurrent), and the value to write next. */
  #writing: Promise<void> = Promise.resolve();
  #pending: number | undefined;
  #written: number;

  private constructor(path: string, id: string, written: number) {
    this.path = path;
    this.#id = id;
    this.#written = written;
  }

  /**
   * Reads the persisted incarnation (none: -1) and durably records persisted + 1, which it
   * returns as `incarnation`: the one this life starts with.
   */
  static async open(dataDir: string, id: string): Promise<{ file: IncarnationFile; incarnation: number }> {
    const path = join(dataDir, INCARNATION_FILE);
    const persisted = await readIncarnation(path, id);
    const incarnation = persisted + 1;
    await writeFileDurably(path, encode({ id, incarnation }));
    return { file: new IncarnationFile(path, id, incarnation), incarnation };
  }

  /** The highest incarnation written so far. */
  get written(): number {
    return this.#written;
  }

  /**
   * Persists `incarnation` if it is higher than anything written or queued. Returns when it is
   * durable; a failed write rejects (the caller logs it: the next life refutes instead).
   */
  save(incarnation: number): Promise<void> {
    if (incarnation <= Math.max(this.#written, this.#pending ?? -1)) return this.#writing;
    this.#pending = incarnation;
    this.#writing = this.#writing
      .catch(() => {})
      .then(async () => {
        const next = this.#pending;
        if (next === undefined || next <= this.#written) return;
        this.#pending = undefined;
        await writeFileDurably(this.path, encode({ id: this.#id, incarnation: next }));
        this.#written = next;
      });
    return this.#writing;
  }

  /** Waits for the writes queued so far (their failures were reported to save's callers). */
  async flush(): Promise<void> {
    await this.#writing.catch(() => {});
  }
}

async function readIncarnation(path: string, id: string): Promise<number> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    if (isErrnoCode(e, "ENOENT")) return -1;
    throw e;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw corrupt(path, "not JSON");
  }
  const o = (typeof json === "object" && json !== null ? json : {}) as Partial<Record<string, unknown>>;
  const incarnation = o["incarnation"];
  if (typeof incarnation !== "number" || !Number.isSafeInteger(incarnation) || incarnation < 0) {
    throw corrupt(path, "incarnation must be a non-negative integer");
  }
  // +1 must stay a safe integer.
  if (incarnation >= Number.MAX_SAFE_INTEGER) throw corrupt(path, "incarnation is exhausted");
  if (o["id"] !== id) throw corrupt(path, `it belongs to member ${JSON.stringify(o["id"])}, not ${id}`);
  return incarnation;
}

function encode(json: IncarnationFileJson): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(json)}\n`);
}

function corrupt(path: string, reason: string): GossipAgentError {
  return new GossipAgentError("StateCorrupt", `${path}: ${reason}`);
}
