// The node's lease operations (LeaseOps of model-service.ts). Leases live in the meta group
// (grantLease / revokeLease / forgetLease); their deadlines live in the lease keeper
// (src/node/lease/lease-keeper.ts) on the meta leader's node, so every operation but the
// per-shard ones runs there: locally when this node leads meta, else forwarded one hop (the
// LeaseForward op of proto/forward.proto) through the router, which follows leadership.
//
// On the meta leader, every operation first waits until the meta replica applied everything
// committed before it (a ReadIndex round): a leader that just took over answers from the whole
// table, not a prefix of it. A keep-alive confirms leadership again after renewing: a node
// deposed unawares must not answer "renewed" for a deadline the new keeper never saw (the lease
// could then expire earlier than TTL after that answer).
//
// Ids of grants with id 0 are random in 1..2^53-1, drawn until one is free in the (caught-up)
// table: unlike revisions from the oracle they never collide with the small ids people choose
// themselves (etcdctl users pick 1, 2, …), and need no round trip to the oracle.
import { RingkvError } from "../../api/errors.ts";
import type { RequestOptions } from "../../api/kv-api.ts";
import type { LeaseGrant, LeaseTimeToLive } from "../../api/kv-model.ts";
import { formatLeaseId, LEASE_ID_MAX, validateLeaseId } from "../../api/lease-id.ts";
import type { Random } from "../../raft/index.ts";
import { leaseTtlMinEffectiveSeconds } from "../config.ts";
import { META_GROUP, shardGroup } from "../host/groups.ts";
import type { Replica } from "../host/replica.ts";
import type { Command } from "../kv/command.ts";
import { LeaseKeeper } from "../lease/lease-keeper.ts";
import type { LeaseTable } from "../lease/lease-table.ts";
import type { ClusterContext } from "./context.ts";
import type {
  LeaseForward,
  LeaseForwardReply,
  LeaseForwardReplyKind,
  LeaseKeysReply,
  LeaseReplyOf,
} from "./lease-wire.ts";
import { leaseReplyPart } from "./lease-wire.ts";
import type { LeaseOps } from "./model-service.ts";
import type { Proposer } from "./proposer.ts";
import type { RevisionSource } from "./revision-source.ts";
import type { GroupRequest } from "./router.ts";

/** How often a grant with id 0 draws again when the id it drew is taken (2^-53 each). */
const LEASE_ID_DRAWS_MAX = 8;

/** What the lease code reads from the replicated state machines (src/node/kv, helper kvsm). */
export interface LeaseState {
  /** The lease table of the meta replica. */
  table(meta: Replica): LeaseTable;
  /** The keys of a shard replica attached to `lease`. */
  keys(shard: Replica, lease: number): Iterable<Uint8Array>;
}

/** The router's one entry the lease code uses (router.ts onGroupLeader). */
export interface GroupRunner {
  onGroupLeader<T>(request: GroupRequest<T>): Promise<T>;
}

export interface LeaseServiceOptions {
  readonly router: GroupRunner;
  readonly proposer: Pick<Proposer, "propose" | "proposeWrite">;
  readonly revisions: RevisionSource;
  readonly random: Random;
  readonly state: LeaseState;
}

export class LeaseService implements LeaseOps {
  readonly #ctx: ClusterContext;
  readonly #options: LeaseServiceOptions;
  readonly keeper: LeaseKeeper;

  constructor(ctx: ClusterContext, options: LeaseServiceOptions) {
    this.#ctx = ctx;
    this.#options = options;
    const { meta, clock, logger } = ctx;
    this.keeper = new LeaseKeeper({
      now: () => clock.now(),
      leaderTerm: () => (meta.isLeader() ? meta.raw.term : null),
      table: this.#table,
      retirement: {
        markRevoking: (id) => this.#proposeMeta({ revokeLease: { id } }),
        revokeKeys: (id) => this.#revokeKeysEverywhere(id),
        forget: (id) => this.#proposeMeta({ forgetLease: { id } }),
      },
      logger,
    });
  }

  /** The meta replica's table, read through LeaseState each time (it follows snapshots). */
  get #table(): LeaseTable {
    const { state } = this.#options;
    const meta = this.#ctx.meta;
    return {
      leases: () => state.table(meta).leases(),
      lease: (id) => state.table(meta).lease(id),
    };
  }

  /** One keeper round (the host's tick). */
  tick(): void {
    this.keeper.tick();
  }

  // ─── LeaseOps ─────────────────────────────────────────────────────────────────────────────

  leaseGrant = async (ttlSeconds: number, id = 0, options: RequestOptions = {}): Promise<LeaseGrant> => {
    const { settings } = this.#ctx;
    if (!Number.isSafeInteger(ttlSeconds) || ttlSeconds < 1) {
      throw new RingkvError("InvalidArgument", `lease TTL must be an integer ≥ 1 second, got ${ttlSeconds}`);
    }
    if (ttlSeconds > settings.leaseTtlMaxSeconds) {
      throw new RingkvError(
        "InvalidArgument",
        `lease TTL ${ttlSeconds} s is over the longest, leaseTtlMaxSeconds = ${settings.leaseTtlMaxSeconds}`,
      );
    }
    if (id !== 0) validateLeaseId(id);
    // As etcd: a TTL under the minimum is raised to it, not refused.
    const ttl = Math.max(ttlSeconds, leaseTtlMinEffectiveSeconds(settings));
    // Not idempotent: a grant of id 0 sent again after an unknown outcome could grant two leases.
    const reply = await this.#onMeta(options, false, { grant: { ttlSeconds: ttl, id } }, "grant", (r) =>
      this.#grantHere(r, ttl, id),
    );
    return { id: reply.id, ttlSeconds: reply.ttlSeconds };
  };

  leaseRevoke = async (id: number, options: RequestOptions = {}): Promise<void> => {
    validateLeaseId(id);
    await this.#onMeta(options, false, { revoke: { id } }, "revoke", async (r) => {
      await this.#caughtUp(r);
      await this.keeper.revoke(id);
      return {};
    });
  };

  leaseKeepAlive = async (id: number, options: RequestOptions = {}): Promise<LeaseGrant> => {
    validateLeaseId(id);
    return this.#onMeta(options, true, { keepAlive: { id } }, "keepAlive", async (r) => {
      await this.#caughtUp(r);
      const lease = this.keeper.keepAlive(id);
      await this.#confirmLeading(r);
      return { id, ttlSeconds: lease.ttlSeconds };
    });
  };

  leaseTimeToLive = async (
    id: number,
    withKeys: boolean,
    options: RequestOptions = {},
  ): Promise<LeaseTimeToLive> => {
    validateLeaseId(id);
    const left = await this.#onMeta(options, true, { timeToLive: { id, keys: false } }, "timeToLive", (r) =>
      this.#timeToLiveHere(r, id),
    );
    const keys = withKeys && left.ttlSeconds >= 0 ? await this.#keysEverywhere(id, options) : [];
    return { id, ttlSeconds: left.ttlSeconds, grantedTtlSeconds: left.grantedTtlSeconds, keys };
  };

  leases = async (options: RequestOptions = {}): Promise<readonly number[]> => {
    const reply = await this.#onMeta(options, true, { leases: {} }, "leases", async (r) => {
      await this.#caughtUp(r);
      const ids = [...this.#table.leases()].filter((l) => !l.revoking).map((l) => l.id);
      return { ids: ids.sort((a, b) => a - b) };
    });
    return reply.ids;
  };

  /**
   * Whether lease `id` exists (a put with it checks). The local meta replica first; when it does
   * not know the lease (a grant just applied at the leader may not be applied here yet), a
   * linearizable read at the meta leader.
   */
  async leaseExists(id: number, options: RequestOptions = {}): Promise<boolean> {
    const local = this.#table.lease(id);
    if (local !== undefined && !local.revoking) return true;
    const reply = await this.#onMeta(options, true, { exists: { id } }, "exists", async (r) => {
      await this.#caughtUp(r);
      const lease = this.#table.lease(id);
      return { exists: lease !== undefined && !lease.revoking };
    });
    return reply.exists;
  }

  /** A lease operation another node forwarded here: answered here, never forwarded again. */
  async serveForwarded(request: LeaseForward): Promise<LeaseForwardReply> {
    const fwd: RequestOptions = { forwarded: true };
    if ("grant" in request && request.grant) {
      return { grant: await this.leaseGrant(request.grant.ttlSeconds, request.grant.id, fwd) };
    }
    if ("revoke" in request && request.revoke) {
      await this.leaseRevoke(request.revoke.id, fwd);
      return { revoke: {} };
    }
    if ("keepAlive" in request && request.keepAlive) {
      return { keepAlive: await this.leaseKeepAlive(request.keepAlive.id, fwd) };
    }
    if ("timeToLive" in request && request.timeToLive) {
      return { timeToLive: await this.leaseTimeToLive(request.timeToLive.id, false, fwd) };
    }
    if ("leases" in request && request.leases) return { leases: { ids: await this.leases(fwd) } };
    if ("exists" in request && request.exists) {
      return { exists: { exists: await this.leaseExists(request.exists.id, fwd) } };
    }
    if ("revokeKeys" in request && request.revokeKeys) {
      const { shard, lease } = request.revokeKeys;
      return { revokeKeys: { deleted: await this.#revokeKeysOn(shard, lease, fwd) } };
    }
    if ("keys" in request && request.keys) {
      const { shard, lease, keysMax } = request.keys;
      return {
        keys: await this.#keysOn(shard, lease, Math.min(keysMax, this.#ctx.settings.leaseKeysMax), fwd),
      };
    }
    throw new RingkvError("InvalidArgument", "a forwarded lease request without an operation");
  }

  // ─── on the meta leader ───────────────────────────────────────────────────────────────────

  async #grantHere(r: Replica, ttlSeconds: number, asked: number): Promise<LeaseGrant> {
    await this.#caughtUp(r);
    const id = asked === 0 ? this.#freshId() : asked;
    if (asked !== 0 && this.#table.lease(id) !== undefined) {
      throw new RingkvError("InvalidArgument", `lease ${formatLeaseId(id)} already exists`);
    }
    const result = await this.#options.proposer.propose(r, { grantLease: { id, ttlSeconds } });
    if (result.kind !== "lease") throw new RingkvError("Internal", `unexpected result ${result.kind}`);
    this.keeper.granted({ id, ttlSeconds, revoking: false });
    return { id, ttlSeconds };
  }

  #freshId(): number {
    const { random } = this.#options;
    for (let draw = 0; draw < LEASE_ID_DRAWS_MAX; draw++) {
      // Two draws make 53 bits: intBelow takes bounds up to 2^32 exactly.
      const high = random.intBelow(2 ** 21);
      const low = random.intBelow(2 ** 32);
      const id = high * 2 ** 32 + low;
      if (id >= 1 && id <= LEASE_ID_MAX && this.#table.lease(id) === undefined) return id;
    }
    throw new RingkvError("Internal", `no free lease id in ${LEASE_ID_DRAWS_MAX} random draws`);
  }

  async #timeToLiveHere(r: Replica, id: number): Promise<LeaseTimeToLive> {
    await this.#caughtUp(r);
    const lease = this.#table.lease(id);
    const ttlSeconds = this.keeper.remainingSeconds(id);
    return { id, ttlSeconds, grantedTtlSeconds: lease?.ttlSeconds ?? 0, keys: [] };
  }

  async #proposeMeta(command: Command): Promise<void> {
    const { meta } = this.#ctx;
    if (!meta.isLeader()) throw new RingkvError("NotLeader", "this node no longer leads the meta group");
    const result = await this.#options.proposer.propose(meta, command);
    if (result.kind !== "lease") throw new RingkvError("Internal", `unexpected result ${result.kind}`);
  }

  /** Wait until `r` applied everything committed before now (and still leads). */
  async #caughtUp(r: Replica): Promise<void> {
    const index = r.readIndex();
    this.#ctx.host.kick();
    await r.waitApplied(await index);
  }

  async #confirmLeading(r: Replica): Promise<void> {
    const index = r.readIndex();
    this.#ctx.host.kick();
    await index;
  }

  // ─── on the shards ────────────────────────────────────────────────────────────────────────

  /** revokeLeaseKeys on every shard; resolves when every shard applied it. */
  async #revokeKeysEverywhere(id: number): Promise<void> {
    const shards = this.#ctx.view.config?.shardCount ?? 0;
    if (shards === 0) throw new RingkvError("Unavailable", "the cluster config is not known here yet");
    const all = [];
    for (let shard = 0; shard < shards; shard++) all.push(this.#revokeKeysOn(shard, id, {}));
    await Promise.all(all);
  }

  #revokeKeysOn(shard: number, lease: number, options: RequestOptions): Promise<number> {
    // Idempotent: deleting a lease's keys twice deletes nothing the second time.
    return this.#onShard(shard, options, true, {
      local: (r) => this.#revokeKeysHere(r, lease),
      remote: async (peer, deadline) => {
        const reply = await peer.lease({ revokeKeys: { shard, lease, keysMax: 0 } }, deadline);
        return leaseReplyPart(reply, "revokeKeys").deleted;
      },
    });
  }

  /** On the shard's leader: at a fresh revision from the oracle (a stale one asked again). */
  async #revokeKeysHere(r: Replica, lease: number): Promise<number> {
    const result = await this.#options.proposer.proposeWrite(
      r,
      (revision) => ({ revokeLeaseKeys: { lease, revision } }),
      this.#options.revisions,
    );
    if (result.kind !== "leaseKeysRevoked")
      throw new RingkvError("Internal", `unexpected result ${result.kind}`);
    return result.deleted;
  }

  /** The keys attached to `id`, shard after shard, at most leaseKeysMax in all. */
  async #keysEverywhere(id: number, options: RequestOptions): Promise<Uint8Array[]> {
    const shards = this.#ctx.view.config?.shardCount ?? 0;
    const keys: Uint8Array[] = [];
    for (let shard = 0; shard < shards; shard++) {
      const budget = this.#ctx.settings.leaseKeysMax - keys.length;
      if (budget <= 0) break;
      const part = await this.#keysOn(shard, id, budget, options);
      keys.push(...part.keys);
    }
    return keys;
  }

  #keysOn(shard: number, lease: number, keysMax: number, options: RequestOptions): Promise<LeaseKeysReply> {
    return this.#onShard(shard, options, true, {
      local: async (r) => {
        await this.#caughtUp(r);
        const keys: Uint8Array[] = [];
        for (const key of this.#options.state.keys(r, lease)) {
          if (keys.length === keysMax) return { keys, more: true };
          keys.push(key);
        }
        return { keys, more: false };
      },
      remote: async (peer, deadline) =>
        leaseReplyPart(await peer.lease({ keys: { shard, lease, keysMax } }, deadline), "keys"),
    });
  }

  // ─── routing ──────────────────────────────────────────────────────────────────────────────

  #onMeta<K extends LeaseForwardReplyKind>(
    options: RequestOptions,
    idempotent: boolean,
    forward: LeaseForward,
    kind: K,
    local: (r: Replica) => Promise<LeaseReplyOf<K>>,
  ): Promise<LeaseReplyOf<K>> {
    return this.#options.router.onGroupLeader({
      group: META_GROUP,
      options,
      deadline: this.#deadline(options),
      idempotent,
      local,
      remote: async (peer, deadline) => leaseReplyPart(await peer.lease(forward, deadline), kind),
    });
  }

  #onShard<T>(
    shard: number,
    options: RequestOptions,
    idempotent: boolean,
    run: Pick<GroupRequest<T>, "local" | "remote">,
  ): Promise<T> {
    const deadline = this.#deadline(options);
    return this.#options.router.onGroupLeader({
      group: shardGroup(shard),
      options,
      deadline,
      idempotent,
      ...run,
    });
  }

  #deadline(options: RequestOptions): number {
    const { clock, settings } = this.#ctx;
    return Math.min(
      clock.now() + settings.requestTimeoutMs,
      options.callerDeadline ?? Number.POSITIVE_INFINITY,
    );
  }
}
