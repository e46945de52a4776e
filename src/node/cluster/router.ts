// Routing: key → shard → the group's leader, and serving the KV operations there — locally when
// this node leads the group, else forwarded one hop through a Peer, following NotLeader hints.
// The only place that decides where a request runs (follower reads and batched forwarding plug
// in here).
import { NOT_APPLIED_CODES, RingkvError, toRingkvError } from "../../api/errors.ts";
import type { DeleteOptions, GetOptions, RequestOptions, VersionedValue } from "../../api/kv-api.ts";
import { NONE } from "../../raft/index.ts";
import { sleep } from "../host/clock.ts";
import { withDeadline } from "../host/deadline.ts";
import { shardGroup } from "../host/groups.ts";
import type { Replica } from "../host/replica.ts";
import type { Command } from "../kv/command.ts";
import type { ApplyResult } from "../kv/state-machine.ts";
import { inConf } from "./conf.ts";
import type { ClusterContext } from "./context.ts";
import { followerRead, type ReadBarrier, waitForReadIndex } from "./follower-read.ts";
import type { ForwardedPutOptions } from "./forward-wire.ts";
import { gossipLeader } from "./gossip-keys.ts";
import type { Peer } from "./peer.ts";
import type { Proposer } from "./proposer.ts";
import type { RevisionSource } from "./revision-source.ts";
import {
  forwardFailureMessage,
  groupLabel,
  type NoLeaderFacts,
  noLeaderMessage,
  quorumLost,
  type VoterReach,
} from "./shard-trouble.ts";

/**
 * How long before a caller's own deadline (RequestOptions.callerDeadline) the router stops
 * routing and answers with why the shard cannot be served: time for the answer to travel back
 * and for one last forward attempt, so the caller reads the reason instead of its own timeout.
 */
export const CALLER_DEADLINE_RESERVE_MS = 250;

/** How to run a request on a group: at its leader here, or forwarded to it. */
export interface GroupRequest<T> {
  readonly group: string;
  readonly options: RequestOptions;
  /** Absolute time on the node's clock. */
  readonly deadline: number;
  /** Safe to send to another node after a Timeout (whose outcome is unknown). */
  readonly idempotent: boolean;
  readonly remote: (peer: Peer, deadlineMs: number) => Promise<T>;
  readonly local: (replica: Replica) => Promise<T>;
}

export class Router {
  readonly #ctx: ClusterContext;
  readonly #proposer: Proposer;
  readonly #stopping: () => boolean;
  /** Shard group → the leader id a NotLeader answer named (for groups not hosted here). */
  readonly #leaderHints = new Map<string, string>();

  readonly #followerReadBarrier: ReadBarrier;
  readonly #revisions: { readonly source: RevisionSource; readonly enabled: () => boolean } | undefined;
  readonly #selfDiverged: (group: string) => boolean;
  /** Linearizable gets served by a local follower replica, and those that fell back to the leader. */
  readonly readStats = { followerReads: 0, followerReadFallbacks: 0 };

  constructor(
    ctx: ClusterContext,
    proposer: Proposer,
    options: {
      readonly stopping: () => boolean;
      /** This node's replica of the group was found diverged: it must not serve reads. */
      readonly selfDiverged: (group: string) => boolean;
      /** What follower reads wait for; only a planted-bug test replaces it. */
      readonly followerReadBarrier?: ReadBarrier | undefined;
      /**
       * Where puts and deletes get their revisions, and whether every member can apply commands
       * that carry one (features.ts); absent or not enabled: written at their log index.
       */
      readonly revisions?: { readonly source: RevisionSource; readonly enabled: () => boolean } | undefined;
    },
  ) {
    this.#ctx = ctx;
    this.#proposer = proposer;
    this.#stopping = options.stopping;
    this.#selfDiverged = options.selfDiverged;
    this.#followerReadBarrier = options.followerReadBarrier ?? waitForReadIndex;
    this.#revisions = options.revisions;
  }

  /**
   * Propose a shard write: with a fresh revision when every member can apply one (the answer's
   * version is then that revision), else as before revisions, at its log index. A shard that
   * applied a revision (floor above 0) takes only revisions from then on, whatever the gate
   * says now: a write at its log index would be refused below the floor.
   */
  #proposeWrite(
    replica: Replica,
    command: (revision?: number) => Command,
    first?: number,
  ): Promise<ApplyResult> {
    const revisions = this.#revisions;
    if (!revisions) return this.#proposer.propose(replica, command());
    if (!revisions.enabled() && replica.sm.floor === 0) return this.#proposer.propose(replica, command());
    return this.#proposer.proposeWrite(replica, command, revisions.source, first);
  }

  /**
   * A revision for a put this node forwards, when it can take one at once (it holds the oracle):
   * taken after the request began, as every revision must be, and it saves the shard leader a
   * round trip back here to ask for one. Undefined otherwise: the leader asks the oracle itself.
   */
  #revisionToForward(): number | undefined {
    const revisions = this.#revisions;
    if (!revisions?.enabled()) return undefined;
    return revisions.source.now?.();
  }

  // Keys and values arrive validated (src/api/limits.ts, at the servers): not checked again.

  async put(key: Uint8Array, value: Uint8Array, options: ForwardedPutOptions): Promise<{ version: number }> {
    return this.#onShardLeader(key, options, false, {
      remote: (peer, deadline) => peer.put(key, value, options, deadline, this.#revisionToForward()),
      local: async (r) => {
        this.#proposer.checkQuota(r, key, value);
        const { ifVersion } = options;
        const result = await this.#proposeWrite(
          r,
          (revision) => ({
            put: {
              key,
              value,
              ...(ifVersion === undefined ? {} : { ifVersion }),
              ...(revision === undefined ? {} : { revision }),
            },
          }),
          options.revision,
        );
        if (result.kind === "versionMismatch") {
          throw new RingkvError("VersionMismatch", `version is ${result.current}, not ${options.ifVersion}`);
        }
        if (result.kind !== "put") throw new RingkvError("Internal", `unexpected result ${result.kind}`);
        return { version: result.version };
      },
    });
  }

  async get(key: Uint8Array, options: GetOptions): Promise<VersionedValue | null> {
    const { id, view, host } = this.#ctx;
    if (options.consistency === "stale") {
      const shard = view.shardOf(key);
      const local = shard === null ? undefined : host.replica(shardGroup(shard));
      // A stale read is served by any replica: here if we hold one that is still a member of
      // its group (one that moved off would be ever staler), else by the leader.
      const member = local !== undefined && inConf(local.raw.confState(), id);
      if (local && member && local.applied > 0) return local.sm.get(key);
    } else {
      const follower = this.#followerReplica(key);
      if (follower) {
        try {
          const { settings, clock } = this.#ctx;
          const found = await followerRead(
            follower,
            key,
            settings.electionTicks * settings.tickMs,
            clock,
            () => host.kick(),
            this.#followerReadBarrier,
          );
          this.readStats.followerReads++;
          return found;
        } catch {
          // Leadership moved or the round was lost: ask the leader (a read is safe to repeat).
          this.readStats.followerReadFallbacks++;
        }
      }
    }
    return this.#onShardLeader(key, options, true, {
      remote: (peer, deadline) => peer.get(key, options, deadline),
      local: async (r) => {
        if (options.consistency === "stale") return r.sm.get(key);
        await r.leaderReadBarrier();
        return r.sm.get(key);
      },
    });
  }

  /**
   * The replica here that may serve a linearizable get of `key` as a follower (follower-read.ts):
   * a voter or learner of its group's current configuration, with state, not flagged diverged,
   * that knows a leader other than itself (the leader serves through #onShardLeader), one gossip
   * calls alive, and a reachable majority.
   */
  #followerReplica(key: Uint8Array): Replica | undefined {
    const { id, view, host } = this.#ctx;
    const shard = view.shardOf(key);
    const r = shard === null ? undefined : host.replica(shardGroup(shard));
    if (!r || r.applied === 0 || this.#stopping() || this.#selfDiverged(r.group)) return undefined;
    const { leader } = r.raw.softState();
    if (leader === NONE || leader === id || !inConf(r.raw.confState(), id)) return undefined;
    // A leader gossip no longer calls alive, or no reachable majority: the read-index round
    // would only wait out its timeout. The leader path answers at once (NoQuorum, or re-routed).
    const leaderState = this.#ctx.gossip?.member(leader)?.state;
    if (leaderState !== undefined && leaderState !== "alive") return undefined;
    if (quorumLost(this.#noLeaderFacts(r.group))) return undefined;
    return r;
  }

  async delete(key: Uint8Array, options: DeleteOptions): Promise<{ deleted: boolean }> {
    return this.#onShardLeader(key, options, false, {
      remote: (peer, deadline) => peer.delete(key, options, deadline),
      local: async (r) => {
        const { ifVersion } = options;
        const result = await this.#proposeWrite(r, (revision) => ({
          delete: {
            key,
            ...(ifVersion === undefined ? {} : { ifVersion }),
            ...(revision === undefined ? {} : { revision }),
          },
        }));
        if (result.kind === "versionMismatch") {
          throw new RingkvError("VersionMismatch", `version is ${result.current}, not ${ifVersion}`);
        }
        if (result.kind !== "delete") throw new RingkvError("Internal", `unexpected result ${result.kind}`);
        return { deleted: result.deleted };
      },
    });
  }

  #onShardLeader<T>(
    key: Uint8Array,
    options: RequestOptions,
    idempotent: boolean,
    run: Pick<GroupRequest<T>, "remote" | "local">,
  ): Promise<T> {
    const { view, settings } = this.#ctx;
    const shard = view.shardOf(key);
    if (shard === null) {
      throw new RingkvError("Unavailable", "this node has not learned the cluster config yet", {
        retryAfterMs: settings.noConfigRetryAfterMs,
      });
    }
    return this.onShardLeader(shard, options, idempotent, run);
  }

  /**
   * Run one shard's part of a request at the shard's leader, as key requests run (onGroupLeader,
   * with the node's request timeout bounded by the caller's deadline): the hook ranges, range
   * deletes and transactions (range-ops.ts) use for each shard they touch.
   */
  onShardLeader<T>(
    shard: number,
    options: RequestOptions,
    idempotent: boolean,
    run: Pick<GroupRequest<T>, "remote" | "local">,
  ): Promise<T> {
    const { clock, settings } = this.#ctx;
    // The caller's deadline (ms since the epoch) is on the node's clock too: the system clock in
    // production, which is the only place it is set (the gRPC server). Past it nobody waits.
    const deadline = Math.min(
      clock.now() + settings.requestTimeoutMs,
      options.callerDeadline ?? Number.POSITIVE_INFINITY,
    );
    return this.onGroupLeader({ group: shardGroup(shard), options, deadline, idempotent, ...run });
  }

  /**
   * Run `local` if this node leads `group`; otherwise forward to the leader with `remote`,
   * following NotLeader hints and trying the group's placement when no leader is known. A
   * forwarded request is never forwarded again (one hop): the receiver answers or says NotLeader.
   *
   * After a forward fails, the next route (re-resolved: another leader, hint or voter) is tried
   * only when the failure proves nothing was applied (NotLeader, NoQuorum, Unavailable — a
   * forward that never left, see forward-stream.ts). A write that met Timeout may have committed
   * before the leader died: sending it again could apply it twice, so its caller gets the error
   * (the simulator found exactly that: a delete applied twice answered "absent").
   *
   * A group without a quorum (shard-trouble.ts says how this node judges it) is answered
   * NoQuorum at once when no leader is known, and by a leader here before it proposes anything:
   * certainly not applied, with Retry-After, instead of Timeout after the whole deadline.
   */
  async onGroupLeader<T>(request: GroupRequest<T>): Promise<T> {
    const { group, options, deadline, idempotent, remote, local } = request;
    const { id, clock, settings, host, meta, peers } = this.#ctx;
    // Refused before anything was proposed, so NotLeader: clients retry it elsewhere, writes too.
    if (this.#stopping()) {
      throw new RingkvError("NotLeader", "the node is shutting down", {
        retryAfterMs: settings.notLeaderRetryAfterMs,
      });
    }
    const tried = new Set<string>();
    // With a caller's deadline, routing stops a reserve before it, so the answer saying why the
    // shard cannot be served arrives while the caller still waits; a forward gets the same bound.
    const reserveMs = options.callerDeadline === undefined ? 0 : CALLER_DEADLINE_RESERVE_MS;
    const answerBy = deadline - reserveMs;
    // A local voter waits for an election once per request, not once per attempt, and early
    // enough to try the placement once more before answerBy.
    const electionUntil = Math.min(answerBy - reserveMs, clock.now() + settings.leaderWaitMs);
    let lastError: RingkvError | null = null;
    // The first attempt always runs: a short deadline is no reason to refuse a leader's work.
    for (
      let attempt = 0;
      attempt < settings.routeAttemptsMax && (attempt === 0 || clock.now() < answerBy);
      attempt++
    ) {
      const found = await this.#findLeader(group, tried, electionUntil, options.forwarded === true);
      const leader = found?.id ?? null;
      const replica = host.replica(group);
      // No leader known (a guess is no better), or this node leads without a reachable majority.
      if (found === null || !found.known || leader === id) {
        const noQuorum = this.#noQuorum(group);
        if (noQuorum) throw noQuorum;
      }
      if (leader === id && replica) {
        try {
          return await withDeadline(local(replica), deadline - clock.now(), "request", clock);
        } catch (e) {
          // Leadership moved before the request entered the log: follow it (unless forwarded).
          const error = this.#withLeaderAddress(e);
          if (options.forwarded || !(error instanceof RingkvError) || error.code !== "NotLeader") throw error;
          lastError = error;
          tried.add(id);
          const hinted = error.leaderHint ? this.#memberAt(error.leaderHint) : undefined;
          if (hinted) this.#leaderHints.set(group, hinted);
          continue;
        }
      }
      const addr = leader === null ? undefined : meta.sm.member(leader)?.addr;
      if (leader !== null && !addr && !options.forwarded) {
        tried.add(leader); // a leader we cannot reach (it left, or we lag): try the placement
        continue;
      }
      if (options.forwarded || !addr || leader === null) {
        throw new RingkvError(
          "NotLeader",
          this.#noLeaderMessage(
            group,
            options.forwarded === true,
            this.#staleHint(lastError, tried) ? null : lastError,
            leader,
          ),
          {
            leaderHint: options.forwarded && replica && leader ? (addr ?? "") : "",
            retryAfterMs: settings.notLeaderRetryAfterMs,
          },
        );
      }
      try {
        return await remote(peers.get(addr), Math.max(answerBy, clock.now() + reserveMs));
      } catch (e) {
        const error = this.#explainForwardFailure(
          toRingkvError(e),
          group,
          leader,
          addr,
          found?.known === true,
        );
        lastError = error;
        tried.add(leader);
        this.#leaderHints.delete(group);
        const hinted = error.leaderHint ? this.#memberAt(error.leaderHint) : undefined;
        if (error.code === "NotLeader" && hinted) this.#leaderHints.set(group, hinted);
        // Idempotent requests (reads, join, leave) may also go elsewhere after a Timeout.
        else if (!NOT_APPLIED_CODES.has(error.code) && !(idempotent && error.code === "Timeout")) throw error;
        if (!hinted) await sleep(clock, Math.min(settings.tickMs, Math.max(0, answerBy - clock.now())));
      }
    }
    if (this.#staleHint(lastError, tried)) {
      throw new RingkvError("NotLeader", this.#noLeaderMessage(group, false, null, null), {
        retryAfterMs: settings.notLeaderRetryAfterMs,
      });
    }
    throw (
      lastError ??
      new RingkvError("Unavailable", this.#noLeaderMessage(group, false, null, null), {
        retryAfterMs: settings.noLeaderRetryAfterMs,
      })
    );
  }

  /**
   * Whether `error` is a peer's NotLeader naming a leader this node already tried and could not
   * use (it died or moved): stale news, so an answer says what this node knows instead.
   */
  #staleHint(error: RingkvError | null, tried: ReadonlySet<string>): boolean {
    if (error?.code !== "NotLeader" || error.leaderHint === "") return false;
    const hinted = this.#memberAt(error.leaderHint);
    return hinted !== undefined && tried.has(hinted);
  }

  /**
   * What this node knows about `group` when it has no leader to use, or leads it: its voters
   * (both halves while joint) and how each is reached (gossip state; on a leader here, also
   * Raft's recentActive). Without a replica here, the placement's target voters (never joint).
   */
  #noLeaderFacts(group: string): NoLeaderFacts {
    const { id, host, view, gossip } = this.#ctx;
    const local = host.replica(group);
    const replica = local && inConf(local.raw.confState(), id) ? local : undefined;
    const conf = replica?.raw.confState();
    const voters = conf?.voters ?? view.target(group)?.voters ?? [];
    const progress = replica?.isLeader() ? replica.raw.status().progress : undefined;
    const reachOf = (v: string): VoterReach => ({
      id: v,
      reach: v === id ? "self" : (gossip?.member(v)?.state ?? "unknown"),
      ...(progress ? { active: progress.get(v)?.recentActive === true } : {}),
    });
    return {
      group,
      replica: replica ? { leaderlessForMs: replica.leaderlessForMs() } : undefined,
      voters: voters.map(reachOf),
      votersOutgoing: (conf?.votersOutgoing ?? []).map(reachOf),
    };
  }

  /** NoQuorum for `group` when this node can reach too few of its voters; else undefined. */
  #noQuorum(group: string): RingkvError | undefined {
    const facts = this.#noLeaderFacts(group);
    if (!quorumLost(facts)) return undefined;
    return new RingkvError("NoQuorum", noLeaderMessage(facts), {
      retryAfterMs: this.#ctx.settings.noLeaderRetryAfterMs,
    });
  }

  /**
   * Why no leader of `group` could be used, for a NotLeader answer. A forwarded request says so
   * from this node's side; otherwise the last forward failure (which already names the shard and
   * the node tried) says more than the facts alone.
   */
  #noLeaderMessage(
    group: string,
    forwarded: boolean,
    lastError: RingkvError | null,
    leader: string | null,
  ): string {
    // A forwarded request for a group another node leads: not "no leader", but not ours to serve.
    if (forwarded && leader !== null && leader !== this.#ctx.id) {
      return `${groupLabel(group)} is led by ${leader}, not by ${this.#ctx.id}`;
    }
    const message = noLeaderMessage(this.#noLeaderFacts(group));
    if (forwarded) return message;
    return lastError?.message.startsWith(groupLabel(group)) ? lastError.message : message;
  }

  /**
   * A forward that failed in transport names the shard and the node that did not answer, not the
   * transport's own words; an answer from the node (NotLeader, VersionMismatch…) passes as is.
   * The code stays: a write whose outcome is unknown stays Timeout and says so.
   */
  #explainForwardFailure(
    error: RingkvError,
    group: string,
    leader: string,
    addr: string,
    knownLeader: boolean,
  ): RingkvError {
    if (!error.fromTransport || (error.code !== "Unavailable" && error.code !== "Timeout")) return error;
    const message = forwardFailureMessage({
      group,
      node: leader,
      addr,
      knownLeader,
      code: error.code,
      outcomeUnknown: /outcome is unknown/.test(error.message),
      noLeader: knownLeader ? undefined : this.#noLeaderFacts(group),
    });
    return new RingkvError(error.code, message, {
      retryAfterMs: error.retryAfterMs,
      fromTransport: true,
    });
  }

  /**
   * Who leads `group`, as best this node knows: its own replica's view, a hint from an earlier
   * answer, or (no leader known) the group's placement. A local voter with no leader waits for
   * the election until `electionUntil`. null: nobody left to try. `known`: the node was named as
   * leader (by this node's replica or a NotLeader hint), not guessed from gossip or placement.
   */
  async #findLeader(
    group: string,
    tried: Set<string>,
    electionUntil: number,
    forwarded: boolean,
  ): Promise<{ id: string; known: boolean } | null> {
    const { id, clock, settings, host, view, gossip } = this.#ctx;
    // A replica here that is not in its own group's configuration (moved off this node, or not
    // yet caught up to its own addition) knows nothing current about the leader.
    const local = host.replica(group);
    const replica = local && inConf(local.raw.confState(), id) ? local : undefined;
    for (;;) {
      const leader = replica?.raw.softState().leader ?? NONE;
      if (leader !== NONE && !tried.has(leader)) return { id: leader, known: true };
      // A voter of either half of a joint configuration votes, and may be elected.
      const conf = replica?.raw.confState();
      const isVoter = conf !== undefined && (conf.voters.includes(id) || conf.votersOutgoing.includes(id));
      // No election can succeed without a majority: stop waiting for one (NoQuorum follows).
      if (!isVoter || clock.now() >= electionUntil || quorumLost(this.#noLeaderFacts(group))) break;
      await sleep(clock, settings.tickMs);
    }
    if (forwarded) return null;
    // A hint or gossip record naming this node is stale: had this node's replica led the group,
    // the loop above would have returned it. Taken as true, it would run the request on a replica
    // that does not lead, perhaps no longer even a member, whose ReadIndex the leader ignores
    // (raft.ts: no progress for the sender), so the request waited out its deadline, and that
    // Timeout kept the hint: every later get of the shard through this node timed out too
    // (sim:cluster seed 80).
    const hinted = this.#leaderHints.get(group);
    if (hinted && hinted !== id && !tried.has(hinted)) return { id: hinted, known: true };
    const gossiped = gossipLeader(gossip, group);
    // Gossip's record may be the last leader before the quorum went: a lead, not knowledge.
    if (gossiped && gossiped !== id && !tried.has(gossiped)) return { id: gossiped, known: false };
    const target = view.target(group)?.voters ?? [];
    const guess = target.find((v) => v !== id && !tried.has(v));
    return guess === undefined ? null : { id: guess, known: false };
  }

  #memberAt(addr: string): string | undefined {
    return this.#ctx.meta.sm.members().find((m) => m.addr === addr)?.id;
  }

  /** The core names leaders by id; clients need the address to go there. */
  #withLeaderAddress(e: unknown): unknown {
    if (!(e instanceof RingkvError) || e.code !== "NotLeader" || !e.leaderHint) return e;
    const addr = this.#ctx.meta.sm.member(e.leaderHint)?.addr ?? "";
    return new RingkvError("NotLeader", e.message, { leaderHint: addr, retryAfterMs: e.retryAfterMs });
  }
}
