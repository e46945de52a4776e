// The revision checker (revision-check.ts) on small planted histories: it passes a correct one
// and catches each broken promise.
import { describe, expect, test } from "vitest";
import { type AckedWrite, checkRevisions, type LoggedWrite } from "./revision-check.ts";

const w = (label: string, revision: number, startMs: number, endMs: number): AckedWrite => ({
  label,
  revision,
  startMs,
  endMs,
});
const at = (label: string, shard: number, index: number, revision: number): LoggedWrite => ({
  label,
  shard,
  index,
  revision,
});

describe("revision checker", () => {
  test("a correct history passes, concurrent writes in any order", () => {
    const writes = [w("a", 5, 0, 10), w("b", 3, 5, 12), w("c", 7, 11, 20)];
    const logged = [at("a", 0, 4, 5), at("c", 0, 9, 7), at("b", 1, 2, 3)];
    expect(checkRevisions(writes, logged)).toEqual([]);
  });

  test("catches one revision given twice, across shards", () => {
    const found = checkRevisions([w("a", 5, 0, 10), w("b", 5, 0, 10)], []);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/5 was given to both a and b/);
  });

  test("catches a later write with a lower revision (real-time order)", () => {
    const found = checkRevisions([w("a", 9, 0, 10), w("b", 4, 11, 15)], []);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/a completed at 10 with revision 9, before b began at 11, which got 4/);
  });

  test("catches a shard that applied a lower revision after a higher one", () => {
    const found = checkRevisions([w("a", 9, 0, 10), w("b", 4, 0, 10)], [at("a", 2, 5, 9), at("b", 2, 6, 4)]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/shard 2 applied b \(revision 4\) at index 6 after a \(revision 9\)/);
  });
});
