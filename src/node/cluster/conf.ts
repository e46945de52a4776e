// Membership of a node in a group's configuration (or in its placement target).

/**
 * Whether `id` is a voter or a learner of a configuration (or placement target). In a joint
 * configuration the outgoing voters and the learners-to-be are members too: they still hold a
 * replica the group counts on until it leaves the joint configuration.
 */
export function inConf(
  conf: {
    readonly voters: readonly unknown[];
    readonly learners: readonly unknown[];
    readonly votersOutgoing?: readonly unknown[];
    readonly learnersNext?: readonly unknown[];
  },
  id: string,
): boolean {
  return (
    conf.voters.includes(id) ||
    conf.learners.includes(id) ||
    (conf.votersOutgoing?.includes(id) ?? false) ||
    (conf.learnersNext?.includes(id) ?? false)
  );
}
