// The sequential specification of one key of the store. Linearizability of a key-value store
// is per key (operations on different keys commute and never observe each other), so the
// checker splits a history by key and checks each key against this single-register model.

import type { KvInput, KvOutput } from "./history.ts";
import type { SequentialModel, StepResult } from "./model.ts";

/** The key's current value; null when the key is absent. */
export type KvState = string | null;

export const kvModel: SequentialModel<KvState, KvInput, KvOutput> = {
  init: () => null,
  step: stepKv,
  isReadOnly: isReadOnlyKv,
  isBlind: isBlindKv,
  equal: (a, b) => a === b,
  hash: hashKv,
};

/** Executes `input` as a correct store would: the answer it gives and the state it leaves. */
export function applyKv(state: KvState, input: KvInput): { output: KvOutput; next: KvState } {
  switch (input.kind) {
    case "put":
      return { output: { kind: "put" }, next: input.value };
    case "get":
      return { output: { kind: "get", value: state }, next: state };
    case "cas": {
      // Values are unique per write (see history.ts), so comparing values is comparing versions.
      const applies = state === input.expect;
      return { output: { kind: "cas", ok: applies }, next: applies ? input.value : state };
    }
    case "del":
      return { output: { kind: "del", existed: state !== null }, next: null };
  }
}

function stepKv(state: KvState, input: KvInput, output: KvOutput | null): StepResult<KvState> {
  const expected = applyKv(state, input);
  return { ok: output === null || sameOutput(output, expected.output), next: expected.next };
}

function sameOutput(a: KvOutput, b: KvOutput): boolean {
  switch (a.kind) {
    case "put":
      return b.kind === "put";
    case "get":
      return b.kind === "get" && a.value === b.value;
    case "cas":
      return b.kind === "cas" && a.ok === b.ok;
    case "del":
      return b.kind === "del" && a.existed === b.existed;
  }
}

function isReadOnlyKv(input: KvInput, output: KvOutput | null): boolean {
  if (output === null) return input.kind === "get";
  switch (output.kind) {
    case "get":
      return true;
    case "cas":
      // A failed CAS changes nothing; a successful one that writes back its expected value
      // cannot happen with unique values, and is not worth a special case.
      return input.kind === "cas" && !output.ok;
    case "del":
      // Deleting an absent key: it fits only when the key is absent, and leaves it absent.
      return !output.existed;
    case "put":
      return false;
  }
}

function isBlindKv(input: KvInput, output: KvOutput | null): boolean {
  // A put answers the same and leaves its value in every state. A delete leaves the key absent
  // in every state, but answers whether it existed, so only an unanswered one is blind.
  return input.kind === "put" || (input.kind === "del" && output === null);
}

/** FNV-1a over UTF-16 code units. A collision only costs the search an `equal` call. */
function hashKv(state: KvState): number {
  if (state === null) return 0x5bd1e995;
  let hash = 0x811c9dc5;
  for (let i = 0; i < state.length; i++) {
    hash = Math.imul(hash ^ state.charCodeAt(i), 0x01000193);
  }
  return hash >>> 0;
}
