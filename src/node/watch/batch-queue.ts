// The batches of one watch between the hub and its one reader, as an async iterable. Bounded:
// when the unread events pass the backlog limit the watch fails (the reader sees the error after
// what it had not read yet is dropped), instead of growing without limit.
import { RingkvError } from "../../api/errors.ts";
import type { WatchBatch } from "../../api/kv-model.ts";

type Ending = { readonly error: RingkvError | null };

export class BatchQueue implements AsyncIterable<WatchBatch> {
  readonly #backlogEventsMax: number;
  readonly #onClose: () => void;
  #batches: WatchBatch[] = [];
  #queuedEvents = 0;
  #ending: Ending | null = null;
  #wake: (() => void) | null = null;
  #iterated = false;

  /** `onClose`: the queue ended (finished, failed or the reader stopped): release the sources. */
  constructor(backlogEventsMax: number, onClose: () => void) {
    this.#backlogEventsMax = backlogEventsMax;
    this.#onClose = onClose;
  }

  get ended(): boolean {
    return this.#ending !== null;
  }

  push(batch: WatchBatch): void {
    if (this.#ending) return;
    this.#queuedEvents += batch.events.length;
    if (this.#queuedEvents > this.#backlogEventsMax) {
      this.end(
        new RingkvError(
          "Unavailable",
          `watch cut off: its reader fell ${this.#queuedEvents} events behind (backlogEventsMax ${this.#backlogEventsMax}); watch again from the revision after the last one read`,
        ),
      );
      // What was queued is dropped: the reader resumes from what it read.
      this.#batches = [];
      return;
    }
    this.#batches.push(batch);
    this.#signal();
  }

  /** No more batches: the reader gets what is queued, then the end (or `error`). */
  end(error: RingkvError | null = null): void {
    if (this.#ending) return;
    this.#ending = { error };
    this.#signal();
    this.#onClose();
  }

  #signal(): void {
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
  }

  [Symbol.asyncIterator](): AsyncIterator<WatchBatch> {
    if (this.#iterated) throw new Error("a watch has one reader: its batches are iterated once");
    this.#iterated = true;
    return {
      next: async (): Promise<IteratorResult<WatchBatch>> => {
        for (;;) {
          const batch = this.#batches.shift();
          if (batch) {
            this.#queuedEvents -= batch.events.length;
            return { done: false, value: batch };
          }
          if (this.#ending) {
            if (this.#ending.error) throw this.#ending.error;
            return { done: true, value: undefined };
          }
          await new Promise<void>((resolve) => {
            this.#wake = resolve;
          });
        }
      },
      return: async (): Promise<IteratorResult<WatchBatch>> => {
        this.end();
        this.#batches = [];
        return { done: true, value: undefined };
      },
    };
  }
}
