// A conditional delete is decided where the log is applied, so it is atomic with every write
// committed before it: the state machine, not the proposer, compares versions.
import { describe, expect, it } from "vitest";
import { decodeCommand, encodeCommand } from "../../../src/node/kv/command.ts";
import { KvStateMachine } from "../../../src/node/kv/state-machine.ts";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Apply through the log encoding, as a replica does. */
function applyLogged(sm: KvStateMachine, command: Parameters<typeof encodeCommand>[0], index: number) {
  return sm.apply(decodeCommand(encodeCommand(command)), index);
}

describe("conditional delete in the state machine", () => {
  it("deletes at the expected version and refuses at any other, leaving the key intact", () => {
    const sm = new KvStateMachine();
    applyLogged(sm, { put: { key: utf8("k"), value: utf8("v1") } }, 5);
    applyLogged(sm, { put: { key: utf8("k"), value: utf8("v2") } }, 8);
    expect(applyLogged(sm, { delete: { key: utf8("k"), ifVersion: 5 } }, 9)).toEqual({
      kind: "versionMismatch",
      current: 8,
    });
    expect(sm.get(utf8("k"))?.version).toBe(8);
    expect(applyLogged(sm, { delete: { key: utf8("k"), ifVersion: 8 } }, 10)).toEqual({
      kind: "delete",
      deleted: true,
      revision: 10,
    });
    expect(sm.get(utf8("k"))).toBeNull();
  });

  it("a write committed between the read and the delete wins (the check is at apply time)", () => {
    const sm = new KvStateMachine();
    applyLogged(sm, { put: { key: utf8("k"), value: utf8("a") } }, 3);
    const seen = sm.version(utf8("k"));
    // Both proposed after the read; the put commits first.
    applyLogged(sm, { put: { key: utf8("k"), value: utf8("b") } }, 4);
    expect(applyLogged(sm, { delete: { key: utf8("k"), ifVersion: seen } }, 5).kind).toBe("versionMismatch");
    expect(new TextDecoder().decode(sm.get(utf8("k"))?.value)).toBe("b");
  });

  it("version 0 matches only an absent key, which stays absent", () => {
    const sm = new KvStateMachine();
    expect(applyLogged(sm, { delete: { key: utf8("k"), ifVersion: 0 } }, 1)).toEqual({
      kind: "delete",
      deleted: false,
      revision: 1,
    });
    applyLogged(sm, { put: { key: utf8("k"), value: utf8("v") } }, 2);
    expect(applyLogged(sm, { delete: { key: utf8("k"), ifVersion: 0 } }, 3).kind).toBe("versionMismatch");
  });

  it("an unconditional delete stays unconditional through the log encoding", () => {
    const decoded = decodeCommand(encodeCommand({ delete: { key: utf8("k") } }));
    expect("delete" in decoded && Object.keys(decoded.delete)).toEqual(["key"]);
    const sm = new KvStateMachine();
    applyLogged(sm, { put: { key: utf8("k"), value: utf8("v") } }, 7);
    expect(applyLogged(sm, { delete: { key: utf8("k") } }, 8)).toEqual({
      kind: "delete",
      deleted: true,
      revision: 8,
    });
  });
});
