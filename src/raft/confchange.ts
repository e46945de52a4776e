// Membership changes (model: etcd-io/raft confchange/confchange.go) and their entry encoding.
//
//   simple ─────────────────────────────────────────▶ C_new        (at most one voter changes)
//   enterJoint ──▶ C_old,new (votersOutgoing = C_old) ──leaveJoint──▶ C_new
//
// A simple change (thesis §4.1) is safe because any majority of C_old and any majority of C_new
// overlap when they differ by one voter. Anything larger goes through the joint configuration
// (thesis §4.3), in which decisions need a majority of both. Pure: each changer maps a ConfState
// to the next one or throws ConfChangeError; the same committed entry yields the same result on
// every replica.
import { invariant } from "../invariant.ts";
import type { ConfChangeSingle, ConfChangeV2, ConfState, NodeId } from "./types.ts";
import { ConfChangeTransition, ConfChangeType } from "./types.ts";

/** A change that cannot be applied to the configuration it was given. */
export class ConfChangeError extends Error {
  override readonly name = "ConfChangeError";
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeConfChange(cc: ConfChangeV2): Uint8Array {
  return encoder.encode(
    JSON.stringify({
      transition: cc.transition,
      changes: cc.changes.map((c) => ({ type: c.type, nodeId: c.nodeId })),
    }),
  );
}

/**
 * Decode a conf change entry. Entries written before joint consensus hold one `{type, nodeId}`
 * and still sit in WALs and snapshots: they decode as a V2 of that one change, transition Auto,
 * which applies them exactly as before (a simple change).
 */
export function decodeConfChange(data: Uint8Array): ConfChangeV2 {
  const parsed: unknown = JSON.parse(decoder.decode(data));
  invariant(typeof parsed === "object" && parsed !== null, "malformed conf change entry");
  if ("changes" in parsed) {
    const transition = "transition" in parsed ? parsed.transition : undefined;
    invariant(
      transition === ConfChangeTransition.Auto ||
        transition === ConfChangeTransition.JointImplicit ||
        transition === ConfChangeTransition.JointExplicit,
      "malformed conf change entry: transition",
    );
    invariant(Array.isArray(parsed.changes), "malformed conf change entry: changes");
    return { transition, changes: (parsed.changes as unknown[]).map(decodeSingle) };
  }
  return { transition: ConfChangeTransition.Auto, changes: [decodeSingle(parsed)] };
}

function decodeSingle(value: unknown): ConfChangeSingle {
  if (
    typeof value !== "object" ||
    value === null ||
    !("type" in value) ||
    !("nodeId" in value) ||
    typeof value.nodeId !== "string" ||
    !(
      value.type === ConfChangeType.AddNode ||
      value.type === ConfChangeType.AddLearner ||
      value.type === ConfChangeType.RemoveNode
    )
  ) {
    invariant(false, "malformed conf change entry");
  }
  return { type: value.type, nodeId: value.nodeId };
}

/** Is `cs` a joint configuration? */
export function isJoint(cs: ConfState): boolean {
  return cs.votersOutgoing.length > 0;
}

/** Every member of `cs` (voters of either half and learners of now and next), each once. */
export function members(cs: ConfState): NodeId[] {
  return sorted(new Set([...cs.voters, ...cs.votersOutgoing, ...cs.learners, ...cs.learnersNext]));
}

/** A one-change-of-one-voter configuration, or nothing: `simple` refuses anything more. */
export function simple(cs: ConfState, changes: readonly ConfChangeSingle[]): ConfState {
  if (isJoint(cs)) throw new ConfChangeError("can't apply a simple change in a joint configuration");
  const next = applyChanges(cs, changes, false);
  if (votersChanged(cs.voters, next.voters) > 1) {
    throw new ConfChangeError("more than one voter changed without entering a joint configuration");
  }
  return checked(next);
}

/** Enter C_old,new: the current voters become the outgoing half, `changes` build the incoming. */
export function enterJoint(
  cs: ConfState,
  autoLeave: boolean,
  changes: readonly ConfChangeSingle[],
): ConfState {
  if (isJoint(cs)) throw new ConfChangeError("already in a joint configuration");
  if (cs.voters.length === 0) throw new ConfChangeError("can't make a configuration without voters joint");
  const outgoing = { ...cs, votersOutgoing: cs.voters };
  return checked({ ...applyChanges(outgoing, changes, true), autoLeave });
}

/** Leave C_old,new for C_new: demoted voters become learners, removed ones leave. */
export function leaveJoint(cs: ConfState): ConfState {
  if (!isJoint(cs)) throw new ConfChangeError("can't leave a configuration that is not joint");
  return checked({
    voters: cs.voters,
    learners: sorted(new Set([...cs.learners, ...cs.learnersNext])),
    votersOutgoing: [],
    learnersNext: [],
    autoLeave: false,
  });
}

/**
 * The configuration after `cc` (etcd's dispatch, with ours for Auto): no changes = leave;
 * JointImplicit/JointExplicit = enter joint; Auto = simple when it may be, else joint with
 * auto-leave.
 */
export function changeConf(cs: ConfState, cc: ConfChangeV2): ConfState {
  if (cc.changes.length === 0) return leaveJoint(cs);
  switch (cc.transition) {
    case ConfChangeTransition.JointImplicit:
      return enterJoint(cs, true, cc.changes);
    case ConfChangeTransition.JointExplicit:
      return enterJoint(cs, false, cc.changes);
    case ConfChangeTransition.Auto:
      return needsJoint(cs, cc.changes) ? enterJoint(cs, true, cc.changes) : simple(cs, cc.changes);
  }
}

/**
 * The configuration after applying the committed entry `cc`. The leader validated `cc` against
 * this same configuration when it proposed it (no other change can be pending), so a refusal
 * here means an entry from before that validation (an old WAL): it leaves the configuration as
 * it is, identically on every replica, as the one-at-a-time core always did.
 */
export function applyConfChange(cs: ConfState, cc: ConfChangeV2): ConfState {
  try {
    return changeConf(cs, cc);
  } catch (e) {
    if (e instanceof ConfChangeError) return cs;
    throw e;
  }
}

/** Would these changes alter more than one voter, or demote one (which only joint may do)? */
function needsJoint(cs: ConfState, changes: readonly ConfChangeSingle[]): boolean {
  if (isJoint(cs)) return false; // enterJoint would refuse; let simple say why
  const demotes = changes.some((c) => c.type === ConfChangeType.AddLearner && cs.voters.includes(c.nodeId));
  return demotes || votersChanged(cs.voters, applyChanges(cs, changes, true).voters) > 1;
}

function applyChanges(cs: ConfState, changes: readonly ConfChangeSingle[], joint: boolean): ConfState {
  const voters = new Set(cs.voters);
  const learners = new Set(cs.learners);
  const learnersNext = new Set(cs.learnersNext);
  const outgoing = new Set(cs.votersOutgoing);
  for (const c of changes) {
    if (c.nodeId === "") throw new ConfChangeError("a conf change names a node");
    switch (c.type) {
      case ConfChangeType.AddNode:
        learners.delete(c.nodeId);
        learnersNext.delete(c.nodeId);
        voters.add(c.nodeId);
        break;
      case ConfChangeType.AddLearner:
        if (learners.has(c.nodeId)) break;
        if (!joint && voters.has(c.nodeId)) {
          throw new ConfChangeError(`demoting voter ${c.nodeId} needs a joint change`);
        }
        voters.delete(c.nodeId);
        // A voter of C_old stays one until the group leaves the joint configuration.
        if (outgoing.has(c.nodeId)) learnersNext.add(c.nodeId);
        else learners.add(c.nodeId);
        break;
      case ConfChangeType.RemoveNode:
        voters.delete(c.nodeId);
        learners.delete(c.nodeId);
        learnersNext.delete(c.nodeId);
        break;
    }
  }
  if (voters.size === 0) throw new ConfChangeError("the change removes every voter");
  return {
    voters: sorted(voters),
    learners: sorted(learners),
    votersOutgoing: sorted(outgoing),
    learnersNext: sorted(learnersNext),
    autoLeave: cs.autoLeave,
  };
}

function votersChanged(before: readonly NodeId[], after: readonly NodeId[]): number {
  const a = new Set(before);
  const b = new Set(after);
  let n = 0;
  for (const id of a) if (!b.has(id)) n++;
  for (const id of b) if (!a.has(id)) n++;
  return n;
}

/** The invariants written on ConfState; a violation is a bug in the changers, not in the input. */
function checked(cs: ConfState): ConfState {
  const voters = new Set([...cs.voters, ...cs.votersOutgoing]);
  for (const id of cs.learners) invariant(!voters.has(id), () => `${id} is both voter and learner`);
  for (const id of cs.learnersNext) {
    invariant(cs.votersOutgoing.includes(id), () => `learner-next ${id} is not an outgoing voter`);
    invariant(!cs.voters.includes(id), () => `learner-next ${id} is an incoming voter`);
    invariant(!cs.learners.includes(id), () => `learner-next ${id} is already a learner`);
  }
  invariant(
    isJoint(cs) || (cs.learnersNext.length === 0 && !cs.autoLeave),
    "learnersNext/autoLeave outside joint",
  );
  return cs;
}

const sorted = (ids: Iterable<NodeId>): NodeId[] => [...ids].sort();
