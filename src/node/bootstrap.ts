// The first entries of a brand-new cluster's group, written before its replica starts: the
// founding member as the only voter, and its address. Putting them in the log (not in an
// initial snapshot) lets a node that joins later learn the whole membership by replaying it.
import { ConfChangeType, EntryType, encodeConfChange } from "../raft/index.ts";
import type { MemberInfo } from "./api.ts";
import { encodeCommand } from "./command.ts";
import type { LogStore } from "./log-store.ts";

export async function bootstrapGroup(store: LogStore, group: string, founder: MemberInfo): Promise<void> {
  const entries = [
    {
      term: 1,
      index: 1,
      type: EntryType.ConfChange,
      data: encodeConfChange({ type: ConfChangeType.AddNode, nodeId: founder.id }),
    },
    { term: 1, index: 2, type: EntryType.Normal, data: encodeCommand({ setMember: founder }) },
  ];
  store.persist(group, { snapshot: null, entries, hardState: { term: 1, vote: "", commit: 2 } });
  await store.sync();
}
