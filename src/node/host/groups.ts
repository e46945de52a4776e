// The Raft groups a cluster runs, by name: one meta group (members, cluster config, placement
// epoch) and one group per shard. Every record in the write-ahead log and every peer message
// carries one of these names.

export const META_GROUP = "meta";

export function shardGroup(shard: number): string {
  return `shard-${shard}`;
}

/** The shard a group name stands for, or null for the meta group and anything malformed. */
export function shardOfGroup(group: string): number | null {
  const match = /^shard-(0|[1-9][0-9]{0,5})$/.exec(group);
  return match ? Number(match[1]) : null;
}
