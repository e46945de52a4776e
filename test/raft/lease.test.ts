// What a leader lease rests on in the core (RawNode.leaseState, RaftConfig.leaseOnStart): a
// voter that acknowledged a leader refuses other candidates for an election timeout, even if it
// restarts meanwhile; a leader that sent TimeoutNow or has a conf change pending holds none.
import { describe, expect, it } from "vitest";
import { ConfChangeTransition, ConfChangeType, MessageType } from "../../src/raft/index.ts";
import { Harness } from "./cluster-harness.ts";

/** n1 leads n1..n3; then n1 is cut off, n2 restarted, and n3 campaigns at once. */
function restartThenCampaign(leaseOnStart: boolean): Harness {
  const h = new Harness(["n1", "n2", "n3"], { leaseOnStart });
  // Out of the start lease everywhere, as a running cluster is.
  h.tickAll(10);
  h.node("n1").campaign();
  h.stabilize();
  expect(h.leader()).toBe("n1");
  h.isolate("n1");
  h.restart("n2");
  h.node("n3").campaign(); // as if its timer ran out (a partition, a slow clock)
  h.stabilize();
  return h;
}

describe("leader lease in the core", () => {
  it("a restarted voter refuses votes for its first election timeout with leaseOnStart", () => {
    const h = restartThenCampaign(true);
    expect(h.node("n3").status().role).not.toBe("leader");
    // After a full election timeout the restarted voter votes again.
    h.tickAll(10);
    h.node("n3").campaign();
    h.stabilize();
    expect(h.node("n3").status().role).toBe("leader");
  });

  it("without leaseOnStart a restarted voter votes at once (the hole the option closes)", () => {
    const h = restartThenCampaign(false);
    expect(h.node("n3").status().role).toBe("leader");
  });

  it("a leader holds a lease state in its term and configuration, and none after sending TimeoutNow", () => {
    const h = new Harness(["n1", "n2", "n3"]);
    h.node("n1").campaign();
    h.stabilize();
    const lease = h.node("n1").leaseState();
    expect(lease).toEqual({ term: h.node("n1").status().term, conf: "n1,n2,n3|" });
    expect(h.node("n2").leaseState()).toBeUndefined();
    // The TimeoutNow is lost: the transfer is abandoned after an election timeout, n1 leads on.
    h.drop = (m) => m.type === MessageType.TimeoutNow;
    h.node("n1").transferLeadership("n2");
    h.stabilize();
    h.tickAll(12);
    expect(h.node("n1").status().role).toBe("leader");
    expect(h.node("n1").status().leadTransferee).toBe("");
    // A TimeoutNow still in flight would win n2 votes despite any lease: none for this term.
    expect(h.node("n1").leaseState()).toBeUndefined();
  });

  it("a leader with a conf change in the log holds no lease state until it is applied", () => {
    const h = new Harness(["n1", "n2", "n3"]);
    h.node("n1").campaign();
    h.stabilize();
    h.isolate("n2", "n3");
    h.node("n1").proposeConfChange({
      transition: ConfChangeTransition.Auto,
      changes: [{ type: ConfChangeType.AddNode, nodeId: "n4" }],
    });
    h.flush();
    expect(h.node("n1").leaseState()).toBeUndefined();
    h.heal();
    h.stabilize();
    h.tickAll(1);
    h.stabilize();
    expect(h.node("n1").leaseState()?.conf).toBe("n1,n2,n3,n4|");
  });
});
