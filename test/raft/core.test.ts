import { describe, expect, it } from "vitest";
import { MessageType } from "../../src/raft/index.ts";
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

  it("a stale candidate's rejected vote request does not restart the fresher server's election timer", () => {
    // n1 leads, commits "x" with n3 while n2 misses it, then goes away. Without PreVote and
    // CheckQuorum nothing shields n3 from n2's campaigns: only its timer can give it its turn.
    const setup = (): Harness => {
      const h = new Harness(["n1", "n2", "n3"], { preVote: false, checkQuorum: false });
      h.node("n1").campaign();
      h.stabilize();
      h.drop = (m) => m.to === "n2";
      h.node("n1").propose(bytes("x"));
      h.stabilize();
      h.drop = (m) => m.from === "n1" || m.to === "n1";
      return h;
    };
    const tickN3 = (h: Harness): void => {
      h.node("n3").tick();
      h.stabilize();
    };
    // The same seeds replay the same timeouts: measure when n3 campaigns when left alone.
    const alone = setup();
    let timeoutTicks = 0;
    while (alone.node("n3").status().role === "follower" && timeoutTicks < 100) {
      tickN3(alone);
      timeoutTicks++;
    }
    expect(alone.node("n3").status().role).not.toBe("follower");

    const h = setup();
    for (let i = 0; i < timeoutTicks - 1; i++) tickN3(h);
    h.node("n2").campaign(); // a higher term, and a log n3 must refuse
    h.stabilize();
    const staleTerm = h.node("n2").status().term;
    expect(h.node("n3").status()).toMatchObject({ role: "follower", term: staleTerm, vote: "" });
    tickN3(h); // n3's own deadline: §5.2 resets the timer only on granting a vote or a leader's word
    expect(h.node("n3").status().term).toBeGreaterThan(staleTerm);
    expect(h.node("n3").status().role).toBe("leader");
  });

  it("a commit update still queued is folded into the next App to the same follower", () => {
    const h = new Harness(["n1", "n2", "n3"]);
    h.node("n1").campaign();
    h.stabilize();
    const leader = h.node("n1");
    // "a" reaches both followers; their answers commit it at the leader, which queues an App
    // without entries to tell each follower the new commit index.
    const { index: a } = leader.propose(bytes("a"));
    h.flush();
    const appendsOfA = h.mailbox;
    h.mailbox = [];
    for (const m of appendsOfA) h.node(m.to).step(m);
    h.flush();
    const answers = h.mailbox.filter((m) => m.to === "n1" && m.type === MessageType.AppResp);
    h.mailbox = [];
    expect(answers).toHaveLength(2);
    for (const m of answers) leader.step(m);
    expect(leader.status().commit).toBe(a);
    // "b" is proposed before the leader's next Ready: that Ready sends each follower one App,
    // with "b" and the commit index of "a", not an empty App and then another.
    leader.propose(bytes("b"));
    const rd = leader.ready();
    for (const follower of ["n2", "n3"]) {
      const apps = rd.messages.filter((m) => m.to === follower && m.type === MessageType.App);
      expect(apps, `Apps to ${follower}`).toHaveLength(1);
      expect(apps[0]!.entries.map((e) => text(e.data))).toEqual(["b"]);
      expect(apps[0]!.commit).toBe(a);
    }
    const storage = h.storages.get("n1")!;
    storage.append(rd.entries);
    if (rd.hardState) storage.setHardState(rd.hardState);
    h.applied.get("n1")!.push(...rd.committedEntries.filter((e) => e.data.length > 0));
    leader.advance(rd);
    h.mailbox.push(...rd.messages);
    h.stabilize();
    h.tickAll(1);
    for (const id of ["n1", "n2", "n3"]) {
      expect(
        h.applied.get(id)!.map((e) => text(e.data)),
        id,
      ).toEqual(["a", "b"]);
    }
  });

  it("a follower replicated to steadily is told a new commit index without answering; a probe is answered", () => {
    const h = new Harness(["n1", "n2", "n3"]);
    h.node("n1").campaign();
    h.stabilize();
    const leader = h.node("n1");
    const { index } = leader.propose(bytes("a"));
    h.flush();
    // Deliver "a" and its answers, then look at what the commit brings.
    for (let round = 0; round < 2; round++) {
      const batch = h.mailbox;
      h.mailbox = [];
      for (const m of batch) h.node(m.to).step(m);
      h.flush();
    }
    const commitUpdates = h.mailbox.filter((m) => m.type === MessageType.App && m.from === "n1");
    expect(commitUpdates.map((m) => [m.to, m.entries.length, m.commit, m.context])).toEqual([
      ["n2", 0, index, "commit"],
      ["n3", 0, index, "commit"],
    ]);
    h.mailbox = [];
    for (const m of commitUpdates) h.node(m.to).step(m);
    h.flush();
    expect(h.mailbox, "no answers to commit-only Apps").toEqual([]);
    for (const id of ["n2", "n3"]) expect(h.node(id).status().commit).toBe(index);

    // A follower the leader probes (after a refusal, say) answers even an App without entries.
    const probe = { ...commitUpdates[0]!, context: "" };
    h.node("n2").step(probe);
    h.flush();
    expect(h.mailbox.map((m) => [m.type, m.from, m.to])).toEqual([[MessageType.AppResp, "n2", "n1"]]);
  });
});
