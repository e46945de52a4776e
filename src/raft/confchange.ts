// Membership changes, one server at a time (Raft thesis §4.1), and their entry encoding.
import { invariant } from "../invariant.ts";
import type { ConfChange, ConfState, NodeId } from "./types.ts";
import { ConfChangeType } from "./types.ts";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeConfChange(cc: ConfChange): Uint8Array {
  return encoder.encode(JSON.stringify({ type: cc.type, nodeId: cc.nodeId }));
}

export function decodeConfChange(data: Uint8Array): ConfChange {
  const parsed: unknown = JSON.parse(decoder.decode(data));
  if (
    typeof parsed !== "object" ||
    parsed === null ||
    !("type" in parsed) ||
    !("nodeId" in parsed) ||
    typeof parsed.nodeId !== "string" ||
    !(
      parsed.type === ConfChangeType.AddNode ||
      parsed.type === ConfChangeType.AddLearner ||
      parsed.type === ConfChangeType.RemoveNode
    )
  ) {
    invariant(false, "malformed conf change entry");
  }
  return { type: parsed.type, nodeId: parsed.nodeId };
}

const sorted = (ids: Iterable<NodeId>): NodeId[] => [...ids].sort();

/** The configuration after `cc`. Pure; an impossible change leaves the configuration as it is. */
export function applyConfChange(cs: ConfState, cc: ConfChange): ConfState {
  const voters = new Set(cs.voters);
  const learners = new Set(cs.learners);
  switch (cc.type) {
    case ConfChangeType.AddNode:
      learners.delete(cc.nodeId);
      voters.add(cc.nodeId);
      break;
    case ConfChangeType.AddLearner:
      // A voter is never demoted by AddLearner: that would be two changes at once.
      if (!voters.has(cc.nodeId)) learners.add(cc.nodeId);
      break;
    case ConfChangeType.RemoveNode:
      voters.delete(cc.nodeId);
      learners.delete(cc.nodeId);
      break;
  }
  return { voters: sorted(voters), learners: sorted(learners) };
}
