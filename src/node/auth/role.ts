// The roles a token carries, ordered: each one may do everything the one before it may.
//   read  — get, status, ring, metrics, the status page
//   write — read + put, delete
//   admin — write + join, leave, snapshot (and the peer services, until certificates say who
//           is a peer: see access.ts)

export const ROLES = ["read", "write", "admin"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Readonly<Record<Role, number>> = { read: 1, write: 2, admin: 3 };

export function isRole(text: string): text is Role {
  return (ROLES as readonly string[]).includes(text);
}

/** Whether a token of role `held` may do what needs `needed`. */
export function roleAllows(held: Role, needed: Role): boolean {
  return RANK[held] >= RANK[needed];
}
