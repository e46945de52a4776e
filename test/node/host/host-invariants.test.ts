// What the host relies on, broken on purpose: each broken invariant reaches onFatal (the node
// logs it and exits 70) as an InvariantError, and the host does nothing more after it.

import { afterEach, describe, expect, it } from "vitest";
import { InvariantError } from "../../../src/invariant.ts";
import type { Clock } from "../../../src/node/host/clock.ts";
import type { MultiRaftHost } from "../../../src/node/host/host.ts";
import { seededRandom } from "../../../src/node/host/random.ts";
import {
  ConfChangeTransition,
  ConfChangeType,
  EntryType,
  encodeConfChange,
  type Message,
  MessageType,
  NONE,
} from "../../../src/raft/index.ts";
import { type GroupUpdate, MemoryLogStore } from "../../../src/storage/log-store.ts";
import { MemoryNetwork } from "../../../src/transport/index.ts";
import { waitFor } from "../../cluster/wait-for.ts";
import { testHost } from "./test-host.ts";

const GROUP = "shard-0";
const hosts: MultiRaftHost[] = [];

afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.stop()));
});

/** Ticks only when the test says so; counts the passes the host asks for. */
class TestClock implements Clock {
  readonly #intervals = new Set<() => void>();
  kicks = 0;
  now(): number {
    return Date.now();
  }
  setTimeout(fn: () => void, ms: number): () => void {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  }
  setInterval(fn: () => void): () => void {
    this.#intervals.add(fn);
    return () => this.#intervals.delete(fn);
  }
  setImmediate(fn: () => void): void {
    this.kicks++;
    setImmediate(fn);
  }
  get ticking(): boolean {
    return this.#intervals.size > 0;
  }
  tick(): void {
    for (const fn of [...this.#intervals]) fn();
  }
}

/** A store whose persist() silently loses part of each update. */
class LossyStore extends MemoryLogStore {
  readonly #lose: (update: GroupUpdate) => GroupUpdate;
  constructor(lose: (update: GroupUpdate) => GroupUpdate) {
    super();
    this.#lose = lose;
  }
  override persist(group: string, update: GroupUpdate): void {
    super.persist(group, this.#lose(update));
  }
}

/** `voters` founded the group with one committed conf change each (term 1), as bootstrap does. */
function found(store: MemoryLogStore, voters: readonly string[]): void {
  for (const voter of voters) {
    const index = store.group(GROUP).lastIndex() + 1;
    const data = encodeConfChange({
      transition: ConfChangeTransition.Auto,
      changes: [{ type: ConfChangeType.AddNode, nodeId: voter }],
    });
    // MemoryLogStore.prototype: founding must not go through a lossy persist.
    MemoryLogStore.prototype.persist.call(store, GROUP, {
      snapshot: null,
      entries: [{ term: 1, index, type: EntryType.ConfChange, data }],
      hardState: { term: 1, vote: NONE, commit: index },
    });
  }
}

/**
 * Starts host n1 over `store`. `fatal` resolves the first error handed to onFatal, ticking the
 * host's clock while it waits; `errors` holds every one.
 */
function startHost(store: MemoryLogStore, network = new MemoryNetwork()) {
  const errors: unknown[] = [];
  const clock = new TestClock();
  const host = testHost(
    "n1",
    { store, transport: network.transport("n1") },
    {
      tickMs: 2,
      random: seededRandom(1),
      onFatal: (e) => errors.push(e),
      clock,
    },
  );
  host.openReplica(GROUP);
  host.start();
  hosts.push(host);
  const fatal = waitFor(
    () => {
      if (errors.length === 0) clock.tick();
      return errors[0] ?? null;
    },
    { what: "onFatal", timeoutMs: 10_000, intervalMs: 2 },
  );
  return { host, errors, fatal, clock };
}

/** An App from n2 as leader of term 5, matching our founding entry 2 and carrying nothing. */
const appFromN2 = (): Message => ({
  type: MessageType.App,
  from: "n2",
  to: "n1",
  term: 5,
  logTerm: 1,
  index: 2,
  entries: [],
  commit: 2,
  reject: false,
  rejectHint: 0,
  rejectTerm: 0,
  snapshot: null,
  context: "",
});

describe("host invariants reach onFatal", () => {
  it("persisted before advance: a store that loses a Ready's entries is caught", async () => {
    const store = new LossyStore((u) => ({ ...u, entries: [] }));
    found(store, ["n1"]); // a single voter elects itself and appends: a Ready with entries
    const { fatal, errors, host, clock } = startHost(store);
    const error = await fatal;
    expect(error).toBeInstanceOf(InvariantError);
    expect((error as InvariantError).message).toContain("the store holds a Ready's entries");
    expect((error as InvariantError).context).toMatchObject({ group: GROUP, storedLastIndex: 1 });
    // The host stopped: it no longer ticks, and a kick schedules no pass.
    expect(clock.ticking).toBe(false);
    const kicks = clock.kicks;
    host.kick();
    expect(clock.kicks).toBe(kicks);
    expect(errors).toHaveLength(1);
  });

  it("persisted before advance: a store that loses a Ready's hard state (term and vote) is caught", async () => {
    const store = new LossyStore((u) => ({ ...u, hardState: null }));
    found(store, ["n1"]);
    const { fatal } = startHost(store);
    const error = await fatal;
    expect(error).toBeInstanceOf(InvariantError);
    expect((error as InvariantError).message).toContain("the store holds a Ready's hard state");
  });

  it("persisted before advance: a store that loses a Ready's snapshot is caught", async () => {
    const store = new LossyStore((u) => ({ ...u, snapshot: null }));
    found(store, ["n1", "n2"]);
    const network = new MemoryNetwork();
    const { fatal } = startHost(store, network);
    const n2 = network.transport("n2");
    n2.setPeer("n1", "n1");
    // The leader n2 sends a snapshot past our log: the core installs it and hands it over.
    const snapshot = {
      meta: {
        index: 10,
        term: 5,
        confState: {
          voters: ["n1", "n2"],
          learners: [],
          votersOutgoing: [],
          learnersNext: [],
          autoLeave: false,
        },
      },
      data: new Uint8Array(),
    };
    n2.send([
      { group: GROUP, message: { ...appFromN2(), type: MessageType.Snap, index: 10, logTerm: 5, snapshot } },
    ]);
    const error = await fatal;
    expect(error).toBeInstanceOf(InvariantError);
    expect((error as InvariantError).context).toEqual({
      group: GROUP,
      snapshotIndex: 10,
      storedSnapshotIndex: 0,
    });
    await n2.close();
  });

  it("an invariant broken while stepping a message reaches onFatal, not the transport", async () => {
    const store = new MemoryLogStore();
    found(store, ["n1", "n2"]); // entries 1..2 committed at term 1
    const network = new MemoryNetwork();
    const { fatal } = startHost(store, network);
    const n2 = network.transport("n2");
    n2.setPeer("n1", "n1");
    // A broken leader: its App matches our entry 2, then rewrites committed entry 1.
    const message: Message = {
      ...appFromN2(),
      entries: [{ index: 1, term: 5, type: EntryType.Normal, data: new Uint8Array() }],
    };
    n2.send([{ group: GROUP, message }]);
    const error = await fatal;
    expect(error).toBeInstanceOf(InvariantError);
    expect((error as InvariantError).message).toContain("conflicts with committed");
    await n2.close();
  });

  it("an invariant broken on a tick reaches onFatal, not the timer", async () => {
    const store = new MemoryLogStore();
    found(store, ["n1"]);
    const { host, fatal, errors, clock } = startHost(store);
    let ticks = 0;
    host.onTick(() => {
      ticks++;
      throw new InvariantError("planted on a tick", { ticks });
    });
    const error = await fatal;
    expect(error).toBeInstanceOf(InvariantError);
    expect((error as InvariantError).context).toEqual({ ticks: 1 });
    // Ticking stopped with the first fatal error.
    expect(clock.ticking).toBe(false);
    clock.tick();
    expect(ticks).toBe(1);
    expect(errors).toHaveLength(1);
  });
});
