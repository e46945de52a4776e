// A syncing store opens its active log segment with O_DSYNC, so a batch's write is durable when
// it returns and no fdatasync follows it (wal.ts segmentOpenFlags). Nothing short of pulling the
// power shows durability, so this looks at what the kernel was asked for: the open flags of the
// segment's file descriptor, in /proc/self/fdinfo (Linux only). Dropping the flag, or opening a
// rolled or reopened segment without it, fails here. It also checks the other half of a cheap
// durable write: batches land on zeros the log wrote ahead of them (wal.ts #zeroAhead), so the
// open segment is bigger than its batches while the log runs, and cut back to them when it
// rolls or closes.
import { readdirSync, readFileSync, readlinkSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { segmentOpenFlags } from "../../src/storage/wal.ts";
import { entry, hardState, openStore, segmentRecords, tempDir } from "./support.ts";

// From the kernel's include/uapi/asm-generic/fcntl.h (x86 and arm64 alike).
const O_DSYNC = 0o10000;
const O_APPEND = 0o2000;

/** The open flags of every descriptor of this process that points into `dir`, by path. */
function openFlagsUnder(dir: string): Map<string, number> {
  const flags = new Map<string, number>();
  for (const fd of readdirSync("/proc/self/fd")) {
    let target: string;
    try {
      target = readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      continue; // closed meanwhile (the readdir's own descriptor)
    }
    if (!target.startsWith(dir)) continue;
    const info = readFileSync(`/proc/self/fdinfo/${fd}`, "utf8");
    const octal = /^flags:\s+([0-7]+)$/m.exec(info)?.[1];
    if (octal !== undefined) flags.set(target, Number.parseInt(octal, 8));
  }
  return flags;
}

function segments(dir: string): Map<string, number> {
  const wal = join(dir, "wal");
  return new Map([...openFlagsUnder(wal)].filter(([path]) => path.endsWith(".log")));
}

describe.runIf(process.platform === "linux")("durable writes", () => {
  it("the active segment is opened with O_DSYNC (writing at positions, not appending), also after a roll and a reopen", async () => {
    const dir = await tempDir();
    const store = await openStore(dir, { segmentBytesMax: 4096 });
    store.persist("g", { entries: [entry(1, 1)], hardState: hardState(1, 1) });
    await store.sync();
    const first = segments(dir);
    expect(first.size, "one open segment").toBe(1);
    for (const [path, flags] of first) {
      expect(flags & O_DSYNC, `${path} has O_DSYNC`).toBe(O_DSYNC);
      // Batches are written at their position over the zeros ahead, which O_APPEND would skip.
      expect(flags & O_APPEND, `${path} is not append-only`).toBe(0);
    }
    // Past segmentBytesMax: the log rolls to a new segment, which must be durable the same way.
    for (let i = 2; i <= 40; i++) {
      store.persist("g", { entries: [entry(i, 1, "x".repeat(200))], hardState: hardState(1, i) });
      await store.sync();
    }
    expect(store.stats().segmentsCreated, "the log rolled").toBeGreaterThan(1);
    const rolled = segments(dir);
    expect(rolled.size).toBe(1);
    expect([...rolled.keys()][0]).not.toBe([...first.keys()][0]);
    for (const [path, flags] of rolled) expect(flags & O_DSYNC, `${path} has O_DSYNC`).toBe(O_DSYNC);
    await store.close();

    const reopened = await openStore(dir, { segmentBytesMax: 4096 });
    const again = segments(dir);
    expect(again.size).toBe(1);
    for (const [path, flags] of again) expect(flags & O_DSYNC, `${path} has O_DSYNC`).toBe(O_DSYNC);
    expect(reopened.group("g").lastIndex()).toBe(40);
  });

  it("a store with sync turned off does not pay for O_DSYNC", async () => {
    const dir = await tempDir();
    const store = await openStore(dir, { syncEnabled: false });
    store.persist("g", { entries: [entry(1, 1)], hardState: hardState(1, 1) });
    await store.sync();
    const open = segments(dir);
    expect(open.size).toBe(1);
    for (const [path, flags] of open) expect(flags & O_DSYNC, `${path} without O_DSYNC`).toBe(0);
  });

  it("the flags follow the request: exclusive only when creating, O_DSYNC only when syncing", () => {
    expect(segmentOpenFlags({ create: true, sync: true }) & O_DSYNC).toBe(O_DSYNC);
    expect(segmentOpenFlags({ create: false, sync: false }) & O_DSYNC).toBe(0);
  });

  it("writes zeros ahead of its batches while it runs, and leaves every segment ending at its last batch", async () => {
    const dir = await tempDir();
    const store = await openStore(dir, { segmentBytesMax: 256 << 10 });
    let batches = 0;
    const sizes = () =>
      readdirSync(join(dir, "wal"))
        .filter((f) => f.endsWith(".log"))
        .sort()
        .map((f) => statSync(join(dir, "wal", f)).size);
    store.persist("g", { entries: [entry(1, 1)], hardState: hardState(1, 1) });
    await store.sync();
    const bytesAfterOne = store.stats().bytesWritten;
    // The open segment holds zeros past its one batch.
    expect(sizes()[0]).toBeGreaterThan(bytesAfterOne);
    for (let i = 2; i <= 600; i++) {
      store.persist("g", { entries: [entry(i, 1, "x".repeat(1000))], hardState: hardState(1, i) });
      await store.sync();
      batches++;
    }
    expect(store.stats().segmentsCreated, "the log rolled").toBeGreaterThan(1);
    // Every sealed segment was cut to its batches (read as sealed, zeros would be damage).
    const files = readdirSync(join(dir, "wal"))
      .filter((f) => f.endsWith(".log"))
      .sort()
      .map((f) => join(dir, "wal", f));
    for (const file of files.slice(0, -1)) expect((await segmentRecords(file)).length).toBeGreaterThan(0);
    await store.close();
    // Closed cleanly: the segments together hold exactly the bytes written, no zeros.
    expect(sizes().reduce((a, b) => a + b, 0)).toBe(store.stats().bytesWritten);
    const reopened = await openStore(dir, { segmentBytesMax: 256 << 10 });
    expect(reopened.recovery.tornTail).toBeUndefined();
    expect(reopened.group("g").lastIndex()).toBe(batches + 1);
    await reopened.close();
  });
});
