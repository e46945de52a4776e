// Group commit: one write and one fdatasync serve every caller waiting on a batch. Counted with
// the store's fsync counter, never by timing.
import { describe, expect, it } from "vitest";
import { entry, hardState, openStore, tempDir } from "./support.ts";

describe("group commit", () => {
  it("64 concurrent persist+sync callers share two fsyncs: one in flight, one for everyone who arrived meanwhile", async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const before = store.stats();
    const callers = Array.from({ length: 64 }, (_, i) => {
      const group = `shard-${i}`;
      store.persist(group, { entries: [entry(1, 1)], hardState: hardState(1, 1) });
      return store.sync();
    });
    await Promise.all(callers);
    const after = store.stats();
    expect(after.fsyncs - before.fsyncs).toBe(2);
    expect(after.batches - before.batches).toBe(2);
    expect(after.recordsWritten - before.recordsWritten).toBe(128);
  });

  it("writers looping persist+sync need far fewer fsyncs than syncs", async () => {
    const store = await openStore(await tempDir());
    const writers = 16;
    const rounds = 20;
    const before = store.stats().fsyncs;
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let i = 1; i <= rounds; i++) {
          store.persist(`w${w}`, { entries: [entry(i, 1)], hardState: hardState(1, i) });
          await store.sync();
        }
      }),
    );
    const fsyncs = store.stats().fsyncs - before;
    // Each round's 16 syncs land in one batch (the first round may take two).
    expect(fsyncs).toBeLessThanOrEqual(rounds + 1);
    expect(writers * rounds).toBeGreaterThanOrEqual(fsyncs * 10);
  });

  it("a sync called while a batch is in flight resolves only after a later batch holds its records", async () => {
    const store = await openStore(await tempDir());
    const order: string[] = [];
    store.persist("a", { entries: [entry(1, 1)] });
    const first = store.sync().then(() => order.push(`first:${store.stats().recordsWritten}`));
    store.persist("b", { entries: [entry(1, 1)] });
    const second = store.sync().then(() => order.push(`second:${store.stats().recordsWritten}`));
    await Promise.all([first, second]);
    // A fresh store has no groups, so its opening checkpoint wrote no records.
    expect(order).toEqual(["first:1", "second:2"]);
  });

  it("a sync with nothing new buffered waits for the batch in flight and costs no fsync", async () => {
    const store = await openStore(await tempDir());
    const before = store.stats().fsyncs;
    store.persist("a", { hardState: hardState(2, 0, "n1") });
    const first = store.sync();
    const second = store.sync();
    let firstDone = false;
    void first.then(() => {
      firstDone = true;
    });
    await second;
    expect(firstDone).toBe(true);
    expect(store.stats().fsyncs - before).toBe(1);
  });

  it("syncing an empty buffer resolves without writing", async () => {
    const store = await openStore(await tempDir());
    const before = store.stats();
    await store.sync();
    expect(store.stats()).toEqual(before);
  });
});
