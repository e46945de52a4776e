import { describe, expect, it } from "vitest";
import { bytes, Harness, text } from "./cluster-harness.ts";

describe("raft core basics", () => {
  it("elects one leader and replicates a proposal to every replica", () => {
    const h = new Harness(["n1", "n2", "n3"]);
    h.node("n1").campaign();
    h.stabilize();
    expect(h.leader()).toBe("n1");
    const { index } = h.node("n1").propose(bytes("hello"));
    h.stabilize();
    h.tickAll(1); // heartbeat carries the commit index to followers
    for (const id of ["n1", "n2", "n3"]) {
      expect(h.applied.get(id)!.map((e) => text(e.data))).toEqual(["hello"]);
      expect(h.node(id).status().commit).toBeGreaterThanOrEqual(index);
    }
  });

  it("a follower elects itself after the leader goes silent", () => {
    const h = new Harness(["n1", "n2", "n3"]);
    h.node("n1").campaign();
    h.stabilize();
    h.drop = (m) => m.from === "n1" || m.to === "n1";
    h.tickAll(40);
    const leaders = ["n2", "n3"].filter((id) => h.node(id).status().role === "leader");
    expect(leaders).toHaveLength(1);
    expect(h.node("n1").status().role).not.toBe("leader"); // CheckQuorum made it step down
  });

  it("a single-voter group commits on its own", () => {
    const h = new Harness(["n1"]);
    h.node("n1").campaign();
    h.stabilize();
    expect(h.leader()).toBe("n1");
    h.node("n1").propose(bytes("solo"));
    h.stabilize();
    expect(h.applied.get("n1")!.map((e) => text(e.data))).toEqual(["solo"]);
  });
});
