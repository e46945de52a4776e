// Every command survives the log encoding exactly: a replica applies what the proposer meant,
// and an optional field absent when proposed is absent when applied.
import { describe, expect, it } from "vitest";
import { wire } from "../../../src/api/proto.ts";
import { type Command, decodeCommand, encodeCommand } from "../../../src/node/kv/command.ts";

const b = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Bytes as plain arrays, so a decoded Buffer equals the Uint8Array it was encoded from. */
function plain(value: unknown): unknown {
  if (value instanceof Uint8Array) return { bytes: [...value] };
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

const commands: readonly Command[] = [
  { put: { key: b("k"), value: b("v") } },
  { put: { key: b("k"), value: b("v"), ifVersion: 0 } },
  {
    put: {
      key: b("k"),
      value: b(""),
      ifVersion: 7,
      revision: 12,
      lease: 99,
      prevKv: true,
      ignoreValue: true,
      ignoreLease: true,
    },
  },
  { delete: { key: b("k") } },
  { delete: { key: b("k"), ifVersion: 0, revision: 3 } },
  { deleteRange: { start: b("a"), revision: 5 } },
  { deleteRange: { start: b("a"), end: new Uint8Array(0), revision: 5, prevKv: true } },
  { deleteRange: { start: b("a"), end: b("b"), revision: 5 } },
  {
    txn: {
      compares: [
        { key: b("a"), target: "version", result: "equal", operand: 0 },
        { key: b("a"), rangeEnd: b("b"), target: "value", result: "notEqual", operand: b("x") },
        { key: b("c"), target: "lease", result: "greater", operand: 4 },
        { key: b("c"), target: "mod", result: "less", operand: 9 },
        { key: b("c"), target: "value", result: "equal", operand: new Uint8Array(0) },
      ],
      success: [
        { put: { key: b("a"), value: b("1"), lease: 3, prevKv: true } },
        { range: { start: b("a"), end: b("z"), limit: 2, sortOrder: "descend", sortTarget: "create" } },
        { deleteRange: { start: b("c"), prevKv: true } },
      ],
      failure: [
        {
          range: { start: b("a"), keysOnly: true, countOnly: true, minModRevision: 3, maxCreateRevision: 8 },
        },
      ],
      revision: 40,
    },
  },
  { fence: { revision: 17 } },
  {
    fence: { revision: 17, query: { start: b("p"), end: b("q"), sortTarget: "value", sortOrder: "ascend" } },
  },
  { revokeLeaseKeys: { lease: 5, revision: 30 } },
  { setMember: { id: "n1", addr: "127.0.0.1:1", http: "127.0.0.1:2" } },
  { setMember: { id: "n1", addr: "127.0.0.1:1", http: "127.0.0.1:2", leaving: true } },
  { removeMember: "n1" },
  { setConfig: { shardCount: 8, replicationFactor: 3 } },
  { reserveRevisions: { upTo: 10_000 } },
  { grantLease: { id: 7, ttlSeconds: 60 } },
  { revokeLease: { id: 7 } },
  { forgetLease: { id: 7 } },
];

describe("the log encoding of commands", () => {
  it.each(commands.map((c) => [Object.keys(c)[0], c] as const))(
    "%s decodes to what was encoded",
    (_name, command) => {
      expect(plain(decodeCommand(encodeCommand(command)))).toStrictEqual(plain(command));
    },
  );

  it("drops fields at their default, so every build decodes one canonical shape", () => {
    const decoded = decodeCommand(
      encodeCommand({
        put: { key: b("k"), value: b("v"), lease: 0, prevKv: false },
      }),
    );
    expect(plain(decoded)).toStrictEqual(plain({ put: { key: b("k"), value: b("v") } }));
  });

  it("an entry written before revisions (a put with only key, value, ifVersion) still decodes", () => {
    // The Put message as the old proto declared it: fields 1-3 only.
    const old = wire.command.Command.encode({ put: { key: b("k"), value: b("v"), ifVersion: 4 } }).finish();
    expect(plain(decodeCommand(old))).toStrictEqual(
      plain({ put: { key: b("k"), value: b("v"), ifVersion: 4 } }),
    );
  });
});
