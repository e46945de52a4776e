// Restart recovery from the write-ahead log of a real node (shared/DESIGN.md §6): a torn last
// record (a write cut short by a crash) is detected by its framing and cut off, and the node
// catches up from the leader; damage in the middle of the log, with valid records after it, is
// never mistaken for a torn tail: the node refuses to start and names the file and the offset.
import { open, readFile, stat } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { type NodeProcess, useCluster } from "./harness.ts";
import { httpRequest } from "./http.ts";
import { within } from "./wait-for.ts";
import { FRAME_HEADER_BYTES, frameSpans, walSegments } from "./wal-files.ts";

const TEST_TIMEOUT_MS = 180_000;

const running = useCluster({ name: "wal", shards: 1 }, TEST_TIMEOUT_MS);

/** Put `count` keys `${prefix}-i` = `${prefix}-value-i` through `node`, each acknowledged. */
async function writeKeys(node: NodeProcess, prefix: string, count: number): Promise<Map<string, string>> {
  const written = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const key = `${prefix}-${i}`;
    const value = `${prefix}-value-${i}`;
    const reply = await httpRequest(node.http, { method: "PUT", path: `/v1/kv/${key}`, body: value });
    expect(reply.status, `PUT ${key}`).toBe(200);
    written.set(key, value);
  }
  return written;
}

async function expectLocalValues(node: NodeProcess, values: ReadonlyMap<string, string>): Promise<void> {
  for (const [key, value] of values) {
    const r = await httpRequest(node.http, { path: `/v1/kv/${key}?consistency=stale` });
    expect([r.status, r.body.toString()], `${key} on ${node.id}`).toEqual([200, value]);
  }
}

describe("write-ahead log recovery", () => {
  it(
    "a torn last record (an append cut short by a crash) is cut off on restart, and the node catches up",
    async () => {
      const c = running();
      const leader = await c.reviveAll();
      const [follower] = c.others(leader) as [NodeProcess];
      const before = await writeKeys(leader, "torn", 20);
      await c.waitForConvergence();
      await follower.kill("SIGKILL");

      // A crash in the middle of a write leaves the start of a record after the last whole one
      // of the last segment, where the log writes its next batch (over the zeros it wrote ahead
      // of it, if any). Made here as a copy of the segment's last record with a few bytes cut off
      // its end: a well-formed header whose record does not check out. A record cut short like
      // this was never fsynced, so never acknowledged. (Cutting bytes off a record the node had
      // acknowledged is another fault: lost fsynced data, not a torn write; see the report.)
      const segments = await walSegments(follower.dataDir);
      const last = segments.at(-1)!;
      const { frames, sizeBytes } = await frameSpans(last);
      const lastFrame = frames.at(-1)!;
      const whole = (await readFile(last)).subarray(lastFrame.offset, sizeBytes);
      // Cut at the record's last non-zero byte, inside its payload: a record missing only bytes
      // that are zero (the high bytes of a hard state's u64 commit) would read back whole over
      // the zeros the log wrote ahead, and there would be no tear to find.
      const cutAt = whole.findLastIndex((b) => b !== 0);
      expect(cutAt).toBeGreaterThan(whole.byteLength - lastFrame.payloadBytes);
      const torn = whole.subarray(0, cutAt);
      const handle = await open(last, "r+");
      await handle.write(torn, 0, torn.byteLength, sizeBytes);
      await handle.close();
      const fileBytes = (await stat(last)).size;
      expect(fileBytes).toBeGreaterThanOrEqual(sizeBytes + torn.byteLength);

      // The cluster moves on while the follower is down.
      const during = await writeKeys(leader, "torn-later", 10);

      const recoveredFrom = follower.lines.length;
      await c.restart(follower);
      const cut = await follower.waitForLog((l) => l.json?.["tornTail"] !== undefined, {
        from: recoveredFrom,
        timeoutMs: 10_000,
        what: `${follower.id} to log the torn tail it cut`,
      });
      expect(cut.json?.["level"]).toBe(40);
      expect(cut.json?.["tornTail"]).toMatchObject({
        file: last,
        offset: sizeBytes,
        bytesCut: fileBytes - sizeBytes,
      });
      // Past the end of the file, or, with zeros after it, a checksum that does not match.
      expect(String((cut.json?.["tornTail"] as { reason?: unknown } | undefined)?.reason)).toMatch(
        new RegExp(
          `record of ${lastFrame.payloadBytes} bytes runs past the end of the file|checksum mismatch`,
        ),
      );
      expect(follower.logs("storage recovered")).toHaveLength(1);

      const goal = await c.waitForConvergence({ timeoutMs: 60_000 });
      expect((await follower.status()).shards[0]?.appliedIndex).toBe(goal);
      await expectLocalValues(follower, new Map([...before, ...during]));
      // What was cut is gone from the file: it holds whole records only, the old ones intact.
      const after = await frameSpans(last);
      expect(after.frames.slice(0, frames.length)).toEqual(frames);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "a damaged record in the middle of a segment stops the node from starting, naming the file and the offset",
    async () => {
      const c = running();
      const leader = await c.reviveAll();
      const [follower] = c.others(leader) as [NodeProcess];
      await writeKeys(leader, "damage", 10);
      await c.waitForConvergence();
      await follower.kill("SIGKILL");

      const first = (await walSegments(follower.dataDir))[0]!;
      const { frames } = await frameSpans(first);
      const victim = frames[Math.floor(frames.length / 2)]!;
      expect(
        frames.length - frames.indexOf(victim) - 1,
        "valid records after the damaged one",
      ).toBeGreaterThanOrEqual(3);
      const handle = await open(first, "r+");
      try {
        const at = victim.offset + FRAME_HEADER_BYTES + Math.floor(victim.payloadBytes / 2);
        const byte = Buffer.alloc(1);
        await handle.read(byte, 0, 1, at);
        byte[0] = byte[0]! ^ 0xff;
        await handle.write(byte, 0, 1, at);
      } finally {
        await handle.close();
      }

      follower.spawn("restart");
      const exit = await within(follower.exited(), {
        timeoutMs: 60_000,
        what: `${follower.id} to refuse to start`,
      });
      expect(exit.code).not.toBe(0);
      expect(exit.code).not.toBeNull();
      const output = follower.lines
        .filter((l) => l.life === follower.life)
        .map((l) => l.text)
        .join("\n");
      const expected = `write-ahead log corrupt in ${first} at byte ${victim.offset}`;
      expect(output).toContain(expected);
      console.log(
        `refused to start with exit code ${exit.code}: ${output.split("\n").find((l) => l.includes(expected))}`,
      );
      expect(follower.logs("listening")).toEqual([]);

      // The majority is unaffected.
      const after = await writeKeys(leader, "damage-after", 3);
      await expectLocalValues(leader, after);
    },
    TEST_TIMEOUT_MS,
  );
});
