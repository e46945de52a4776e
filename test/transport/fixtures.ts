// Shared test fixtures: message builders, fast-check arbitraries for Raft messages, and an
// inbox that turns a transport's deliveries into awaitable events.
import fc from "fast-check";
import { type Entry, EntryType, type Message, MessageType, type Snapshot } from "../../src/raft/types.ts";
import type { GroupMessage, Transport } from "../../src/transport/index.ts";
import { message as raftMessage } from "../raft/cluster-harness.ts";

/** A heartbeat in term 1 with every other field at its zero value, except those given. */
export function message(fields: Partial<Message> & Pick<Message, "from" | "to">): Message {
  return raftMessage({ type: MessageType.Heartbeat, term: 1, ...fields });
}

/** A heartbeat of `group` whose context tells test messages apart. */
export function heartbeat(group: string, from: string, to: string, context: string): GroupMessage {
  return { group, message: message({ from, to, context }) };
}

export function snap(group: string, from: string, to: string, data: Uint8Array): GroupMessage {
  const snapshot: Snapshot = {
    meta: {
      index: 40,
      term: 3,
      confState: { voters: [from, to], learners: [], votersOutgoing: [], learnersNext: [], autoLeave: false },
    },
    data,
  };
  return { group, message: message({ type: MessageType.Snap, from, to, term: 3, snapshot }) };
}

/** Deterministic, non-repeating-looking bytes, so a misplaced chunk shows. */
export function patternBytes(length: number): Uint8Array {
  const data = new Uint8Array(length);
  let x = 0x9e3779b9;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    data[i] = x & 0xff;
  }
  return data;
}

// ─── arbitraries ─────────────────────────────────────────────────────────────────────────────

const safeUint = fc.oneof(fc.nat(1000), fc.maxSafeNat());
const nodeIdArb = fc.string({ minLength: 1, maxLength: 12, unit: "grapheme" });
const groupArb = fc.string({ minLength: 1, maxLength: 24, unit: "grapheme" });
const bytesArb = fc.uint8Array({ maxLength: 64 }).map((b) => new Uint8Array(b));

const entryArb: fc.Arbitrary<Entry> = fc.record({
  term: safeUint,
  index: safeUint,
  type: fc.constantFrom(EntryType.Normal, EntryType.ConfChange),
  data: bytesArb,
});

const snapshotArb: fc.Arbitrary<Snapshot> = fc.record({
  meta: fc.record({
    index: safeUint,
    term: safeUint,
    confState: fc.record({
      voters: fc.array(nodeIdArb, { maxLength: 5 }),
      learners: fc.array(nodeIdArb, { maxLength: 3 }),
      votersOutgoing: fc.array(nodeIdArb, { maxLength: 5 }),
      learnersNext: fc.array(nodeIdArb, { maxLength: 3 }),
      autoLeave: fc.boolean(),
    }),
  }),
  data: fc.uint8Array({ maxLength: 2048 }).map((b) => new Uint8Array(b)),
});

/** Any message the Raft core could send from `from`: a snapshot exactly on Snap messages. */
export function messageArb(from: fc.Arbitrary<string> = nodeIdArb): fc.Arbitrary<Message> {
  return fc.constantFrom(...Object.values(MessageType)).chain((type) =>
    fc.record({
      type: fc.constant(type),
      from,
      to: nodeIdArb,
      term: safeUint,
      logTerm: safeUint,
      index: safeUint,
      entries: fc.array(entryArb, { maxLength: 4 }),
      commit: safeUint,
      reject: fc.boolean(),
      rejectHint: safeUint,
      rejectTerm: safeUint,
      snapshot: type === MessageType.Snap ? snapshotArb : fc.constant(null),
      context: fc.string({ maxLength: 16, unit: "grapheme" }),
    }),
  );
}

export function groupMessageArb(from?: fc.Arbitrary<string>): fc.Arbitrary<GroupMessage> {
  return fc.record({ group: groupArb, message: messageArb(from) });
}

// ─── inbox ───────────────────────────────────────────────────────────────────────────────────

/** Records what a transport delivers; waitFor() resolves once enough has arrived. */
export class Inbox {
  readonly batches: GroupMessage[][] = [];
  #waiters: Array<{ count: number; resolve: () => void }> = [];

  constructor(transport: Transport) {
    transport.onReceive((messages) => {
      this.batches.push([...messages]);
      const total = this.messages.length;
      this.#waiters = this.#waiters.filter((w) => {
        if (total < w.count) return true;
        w.resolve();
        return false;
      });
    });
  }

  get messages(): GroupMessage[] {
    return this.batches.flat();
  }

  /** Resolves with all messages received so far once there are at least `count`. */
  async waitFor(count: number): Promise<GroupMessage[]> {
    if (this.messages.length < count) {
      await new Promise<void>((resolve) => this.#waiters.push({ count, resolve }));
    }
    return this.messages;
  }
}

/** A promise and the function that resolves it, for awaiting a callback. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

export function contexts(messages: readonly GroupMessage[]): string[] {
  return messages.map((gm) => `${gm.group}/${gm.message.context}`);
}

/**
 * `gm` with its snapshot data replaced by the data's length and a checksum: vitest compares
 * typed arrays element by element, far too slowly for megabytes.
 */
export function summarized(gm: GroupMessage | undefined): unknown {
  const snapshot = gm?.message.snapshot;
  if (gm === undefined || snapshot === null || snapshot === undefined) return gm;
  const { data } = snapshot;
  let sum = 0;
  for (let i = 0; i < data.byteLength; i++) sum = (Math.imul(sum, 31) + data[i]!) | 0;
  return {
    ...gm,
    message: { ...gm.message, snapshot: { ...snapshot, data: { bytes: data.byteLength, sum } } },
  };
}
