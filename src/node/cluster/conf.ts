// Membership of a node in a group's configuration (or in its placement target).

/** Whether `id` is a voter or a learner of a configuration (or placement target). */
export function inConf(
  conf: { readonly voters: readonly unknown[]; readonly learners: readonly unknown[] },
  id: string,
): boolean {
  return conf.voters.includes(id) || conf.learners.includes(id);
}
