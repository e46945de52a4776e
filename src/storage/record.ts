// What the write-ahead log holds: records, each tagged with the Raft group it belongs to, since
// one log serves every group on the node. Truncation has no record of its own: an entries
// record starting at index i replaces the group's log from i on, at write time and on replay.
// A drop record forgets the group: on replay, everything of the group before it is discarded.
import type { Entry, HardState } from "../raft/types.ts";

/**
 * Where a snapshot came from, which decides what it does to the log around it:
 * - "installed": received from a leader. It replaces the whole log (every entry before it in
 *   the write-ahead log is stale), as MemoryStorage.applySnapshot does.
 * - "taken": made locally from the state machine. It only compacts entries up to its index.
 */
export type SnapshotOrigin = "installed" | "taken";

/**
 * A snapshot mark records, at its place in the log, that a group's snapshot moved. "checkpoint"
 * repeats the current snapshot at the end of each segment's first batch (with every group's
 * hard state), so older segments can be deleted without losing either.
 */
export type SnapshotMarkKind = SnapshotOrigin | "checkpoint";

export type WalRecord =
  | { readonly kind: "entries"; readonly group: string; readonly entries: readonly Entry[] }
  | { readonly kind: "hardState"; readonly group: string; readonly hardState: HardState }
  | {
      readonly kind: "snapshotMark";
      readonly group: string;
      readonly mark: SnapshotMarkKind;
      readonly index: number;
      readonly term: number;
    }
  | {
      /**
       * The group's entries, hard state and snapshot are forgotten (its replica was removed, or
       * is rebuilt from scratch); what follows in the log starts the group anew. From here on its
       * snapshot files belong to `generation`: files of an older generation are stale, even if a
       * crash left them on disk (see snapshot-store.ts).
       */
      readonly kind: "drop";
      readonly group: string;
      readonly generation: number;
    };
