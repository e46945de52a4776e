import { describe, expect, it } from "vitest";
import { BroadcastQueue, type BroadcastSelection } from "../../src/gossip/index.ts";

const roomy: BroadcastSelection = { countMax: 100, bytesMax: 10_000, separatorBytes: 1, transmitLimit: 3 };

describe("broadcast queue", () => {
  it("hands out the least-sent updates first, newest first among equals", () => {
    const queue = new BroadcastQueue<string>(100);
    queue.enqueue("a", "a", 10);
    queue.take({ ...roomy, countMax: 1 });
    queue.enqueue("b", "b", 10);
    queue.enqueue("c", "c", 10);
    expect(queue.take({ ...roomy, countMax: 2 })).toEqual(["c", "b"]);
    expect(["a", "b", "c"].map((key) => queue.transmitsOf(key))).toEqual([1, 1, 1]);
  });

  it("sends each update at most the retransmit limit, then forgets it", () => {
    const queue = new BroadcastQueue<string>(100);
    queue.enqueue("a", "a", 10);
    const sends = Array.from({ length: 5 }, () => queue.take(roomy).length);
    expect(sends).toEqual([1, 1, 1, 0, 0]);
    expect(queue.size).toBe(0);
  });

  it("a newer update about the same subject replaces the queued one and starts from zero sends", () => {
    const queue = new BroadcastQueue<string>(100);
    queue.enqueue("member:n1", "suspect", 10);
    queue.take(roomy);
    queue.take(roomy);
    queue.enqueue("member:n1", "alive", 10);
    expect(queue.size).toBe(1);
    expect(queue.transmitsOf("member:n1")).toBe(0);
    expect(queue.take(roomy)).toEqual(["alive"]);
  });

  it("never exceeds the count or byte budget, skipping what does not fit", () => {
    const queue = new BroadcastQueue<string>(100);
    queue.enqueue("big", "big", 60);
    queue.enqueue("s1", "s1", 20);
    queue.enqueue("s2", "s2", 20);
    // 20 + 1 + 20 = 41 fits in 50; the 60-byte one never does.
    expect(queue.take({ ...roomy, bytesMax: 50 })).toEqual(["s2", "s1"]);
    expect(queue.take({ ...roomy, countMax: 1 })).toEqual(["big"]);
  });

  it("past its capacity drops the most-sent update first", () => {
    const queue = new BroadcastQueue<string>(2);
    queue.enqueue("old", "old", 10);
    queue.take({ ...roomy, countMax: 1 });
    queue.enqueue("new1", "new1", 10);
    queue.enqueue("new2", "new2", 10);
    expect(queue.size).toBe(2);
    expect(queue.transmitsOf("old")).toBeUndefined();
  });
});
