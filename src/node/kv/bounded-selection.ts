// The `capacity` smallest of a stream of items, in O(capacity) memory: a max-heap of what is
// kept so far, whose root (the largest kept) the next smaller item replaces. A range sorted by
// something other than the key must see every matching key before it knows the first; this
// keeps its memory to what it answers.
import { invariant } from "../../invariant.ts";

export class BoundedSelection<T> {
  readonly #capacity: number;
  readonly #compare: (a: T, b: T) => number;
  readonly #heap: T[] = [];

  constructor(capacity: number, compare: (a: T, b: T) => number) {
    invariant(
      Number.isInteger(capacity) && capacity >= 0,
      "selection capacity must be a non-negative integer",
      {
        capacity,
      },
    );
    this.#capacity = capacity;
    this.#compare = compare;
  }

  offer(item: T): void {
    const heap = this.#heap;
    if (heap.length < this.#capacity) {
      heap.push(item);
      this.#siftUp(heap.length - 1);
    } else if (heap.length > 0 && this.#compare(item, heap[0] as T) < 0) {
      heap[0] = item;
      this.#siftDown(0);
    }
  }

  /** What was kept, smallest first. */
  sorted(): T[] {
    return [...this.#heap].sort(this.#compare);
  }

  #siftUp(i: number): void {
    const heap = this.#heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.#compare(heap[i] as T, heap[parent] as T) <= 0) return;
      [heap[i], heap[parent]] = [heap[parent] as T, heap[i] as T];
      i = parent;
    }
  }

  #siftDown(i: number): void {
    const heap = this.#heap;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let largest = i;
      if (left < heap.length && this.#compare(heap[left] as T, heap[largest] as T) > 0) largest = left;
      if (right < heap.length && this.#compare(heap[right] as T, heap[largest] as T) > 0) largest = right;
      if (largest === i) return;
      [heap[i], heap[largest]] = [heap[largest] as T, heap[i] as T];
      i = largest;
    }
  }
}
