// Ranges, range deletes, puts with options and transactions on the node (RangeOps of
// model-service.ts). Each runs its shards' parts at their leaders through the router's hook
// (router.ts onShardLeader: the leader here runs it on its replica, else it is forwarded one hop,
// following NotLeader hints, within the request's deadline), so these operations route and fail
// exactly as single-key requests do.
//
// Revisions (issue 13's design, "Revisions" 2 and 3):
// - a range of one key reads at the shard leader after a ReadIndex round; its revision is the
//   shard's floor at that point (every write not reflected has a higher revision);
// - a range over several shards takes H from the oracle and proposes fence{H, query} on each
//   shard in parallel: each shard's floor rises to ≥ H and the part is read at that point in its
//   log, so every write not reflected in the answer has a revision above H (revision = H);
// - a range delete proposes one revision R to every shard it touches; a transaction runs in one
//   shard (txn-shards.ts) at one revision. A write refused as stale retries (Proposer.proposeWrite).
//
// Memory: each shard is asked for at most `limit` keys (rangeMaxKeys when the limit is 0 or
// higher), so a range holds O(limit × shards) records at worst before the merge cuts to `limit`.
import { RingkvError } from "../../api/errors.ts";
import type { RequestOptions } from "../../api/kv-api.ts";
import type {
  DeleteRangeOptions,
  DeleteRangeResult,
  KeyRecord,
  KeySpan,
  PutRequest,
  PutResult,
  RangeOptions,
  RangeQuery,
  RangeResult,
  TxnRequest,
  TxnResult,
} from "../../api/kv-model.ts";
import { shardGroup } from "../host/groups.ts";
import type { Replica } from "../host/replica.ts";
import type { ApplyResult } from "../kv/apply-result.ts";
import type { Command, ShardPut } from "../kv/command.ts";
import { inConf } from "./conf.ts";
import type { ClusterContext } from "./context.ts";
import type { RangeOps } from "./model-service.ts";
import type { DeleteRangePart, RangePartRequest } from "./peer.ts";
import type { Proposer } from "./proposer.ts";
import { mergeRangeParts } from "./range-merge.ts";
import type { RevisionSource } from "./revision-source.ts";
import type { Router } from "./router.ts";
import { compareBytes, shardsOfSpan, singleKeyOf } from "./span-shards.ts";
import { txnShard } from "./txn-shards.ts";

export interface RangeOpsOptions {
  readonly ctx: ClusterContext;
  readonly router: Pick<Router, "onShardLeader">;
  readonly proposer: Pick<Proposer, "propose" | "proposeWrite" | "checkQuota">;
  /** Where writes and multi-shard ranges get their revisions (the meta group's oracle). */
  readonly revisions: RevisionSource;
  /**
   * Whether a lease exists (the lease helper's meta lookup). Absent: a put with a lease is not
   * checked here; the shard still refuses a lease it saw revoked.
   */
  readonly leaseExists?: ((id: number) => Promise<boolean>) | undefined;
}

/** The node's RangeOps, and the per-shard parts a peer forwards here (grpc-forward.ts). */
export class NodeRangeOps implements RangeOps {
  readonly #ctx: ClusterContext;
  readonly #router: Pick<Router, "onShardLeader">;
  readonly #proposer: Pick<Proposer, "propose" | "proposeWrite" | "checkQuota">;
  readonly #revisions: RevisionSource;
  readonly #leaseExists: ((id: number) => Promise<boolean>) | undefined;

  constructor(options: RangeOpsOptions) {
    this.#ctx = options.ctx;
    this.#router = options.router;
    this.#proposer = options.proposer;
    this.#revisions = options.revisions;
    this.#leaseExists = options.leaseExists;
  }

  async range(query: RangeOptions): Promise<RangeResult> {
    const limitKeys = this.#limitKeys(query.limit);
    // Sorting by value needs the values: keys-only is applied after the merge.
    const stripValues = query.keysOnly === true && query.sortTarget === "value";
    const partQuery: RangeQuery = {
      ...rangeQueryOf(query),
      limit: limitKeys,
      keysOnly: query.keysOnly === true && !stripValues,
    };
    const shards = shardsOfSpan(query, this.#ring());
    const stale = query.consistency === "stale";
    let parts: RangeResult[];
    let revision: number;
    if (shards.length === 1 && singleKeyOf(query) !== undefined) {
      const part = await this.#rangePart({ shard: shards[0] as number, query: partQuery, stale }, query);
      parts = [part];
      revision = part.revision;
    } else if (stale) {
      parts = await Promise.all(
        shards.map((shard) => this.#rangePart({ shard, query: partQuery, stale }, query)),
      );
      // Each part reflects every write up to its shard's floor: the lowest floor holds for all.
      revision = parts.reduce((low, p) => Math.min(low, p.revision), Number.POSITIVE_INFINITY);
      if (!Number.isFinite(revision)) revision = 0;
    } else {
      revision = await this.#revisions.next();
      const fenceRevision = revision;
      parts = await Promise.all(
        shards.map((shard) => this.#rangePart({ shard, query: partQuery, stale, fenceRevision }, query)),
      );
    }
    const merged = mergeRangeParts(parts, query, limitKeys);
    const kvs = stripValues ? merged.kvs.map((kv) => ({ ...kv, value: new Uint8Array(0) })) : merged.kvs;
    return { kvs, more: merged.more, count: merged.count, revision };
  }

  /** One shard's part of a range, at its leader (or a local replica, stale). */
  rangePart(part: RangePartRequest, options: RequestOptions): Promise<RangeResult> {
    return this.#rangePart(part, options);
  }

  async #rangePart(part: RangePartRequest, options: RequestOptions): Promise<RangeResult> {
    if (part.stale && part.fenceRevision === undefined) {
      const local = this.#memberReplica(part.shard);
      if (local) return readAt(local, part.query);
    }
    return this.#router.onShardLeader(part.shard, options, true, {
      remote: (peer, deadline) => {
        if (!peer.rangePart) throw new RingkvError("Unavailable", "this peer cannot serve ranges");
        return peer.rangePart(part, deadline);
      },
      local: async (replica) => {
        if (part.fenceRevision !== undefined) return this.#fenceAt(replica, part.fenceRevision, part.query);
        if (!part.stale) await replica.leaderReadBarrier();
        return readAt(replica, part.query);
      },
    });
  }

  async #fenceAt(replica: Replica, revision: number, query: RangeQuery): Promise<RangeResult> {
    const result = await this.#proposer.propose(replica, { fence: { revision, query } });
    if (result.kind !== "fence" || result.range === undefined) throw unexpected(result);
    return { ...result.range, revision };
  }

  async putRecord(request: PutRequest, options: RequestOptions = {}): Promise<PutResult> {
    await this.#checkLeases([request]);
    const shard = this.#shardOf(request.key);
    return this.#router.onShardLeader(shard, options, false, {
      remote: (peer, deadline) => {
        if (!peer.putRecord) throw new RingkvError("Unavailable", "this peer cannot serve puts with options");
        return peer.putRecord(request, deadline);
      },
      local: async (replica) => {
        this.#proposer.checkQuota(
          replica,
          request.key,
          request.ignoreValue ? new Uint8Array(0) : request.value,
        );
        const result = await this.#write(replica, (revision) => ({ put: shardPut(request, revision) }));
        if (result.kind !== "put") throw unexpected(result);
        return result.prevKv === undefined
          ? { revision: result.version }
          : { revision: result.version, prevKv: result.prevKv };
      },
    });
  }

  async deleteRange(span: KeySpan, options: DeleteRangeOptions = {}): Promise<DeleteRangeResult> {
    const shards = shardsOfSpan(span, this.#ring());
    // One revision for the whole deletion (etcd's one main revision per operation).
    const revision = await this.#revisions.next();
    const prevKv = options.prevKv === true;
    const settled = await Promise.allSettled(
      shards.map((shard) => this.deleteRangePart({ shard, span, revision, prevKv }, options)),
    );
    // Every shard has answered before the caller hears of a failure: none is left running.
    const failed = settled.find((s) => s.status === "rejected");
    if (failed) throw failed.reason;
    const parts = settled.map((s) => (s as PromiseFulfilledResult<DeleteRangeResult>).value);
    const prevKvs: KeyRecord[] = parts.flatMap((p) => p.prevKvs).sort((a, b) => compareBytes(a.key, b.key));
    return {
      deleted: parts.reduce((n, p) => n + p.deleted, 0),
      prevKvs,
      revision: parts.reduce((high, p) => Math.max(high, p.revision), revision),
    };
  }

  /** One shard's part of a range delete, proposed at its leader starting at `part.revision`. */
  deleteRangePart(part: DeleteRangePart, options: RequestOptions): Promise<DeleteRangeResult> {
    const { shard, span, prevKv } = part;
    return this.#router.onShardLeader(shard, options, false, {
      remote: (peer, deadline) => {
        if (!peer.deleteRangePart)
          throw new RingkvError("Unavailable", "this peer cannot serve range deletes");
        return peer.deleteRangePart(part, deadline);
      },
      local: async (replica) => {
        const command = (revision: number): Command => ({
          deleteRange: { ...spanOf(span), revision, ...(prevKv ? { prevKv } : {}) },
        });
        const result = await this.#write(replica, command, part.revision);
        if (result.kind !== "deleteRange") throw unexpected(result);
        return result.result;
      },
    });
  }

  async txn(request: TxnRequest, options: RequestOptions = {}): Promise<TxnResult> {
    const shard = txnShard(request, (key) => this.#shardOf(key));
    const puts = [...request.success, ...request.failure].flatMap((op) => ("put" in op ? [op.put] : []));
    await this.#checkLeases(puts);
    return this.#router.onShardLeader(shard, options, false, {
      remote: (peer, deadline) => {
        if (!peer.txn) throw new RingkvError("Unavailable", "this peer cannot serve transactions");
        return peer.txn(request, deadline);
      },
      local: async (replica) => {
        for (const put of puts) this.#proposer.checkQuota(replica, put.key, put.value);
        const { compares, success, failure } = request;
        const result = await this.#write(replica, (revision) => ({
          txn: { compares, success, failure, revision },
        }));
        if (result.kind !== "txn") throw unexpected(result);
        return result.result;
      },
    });
  }

  /** Propose at a revision (Proposer.proposeWrite retries stale ones); map the shared refusals. */
  async #write(
    replica: Replica,
    command: (revision: number) => Command,
    revision?: number,
  ): Promise<ApplyResult> {
    const result = await this.#proposer.proposeWrite(replica, command, this.#revisions, revision);
    if (result.kind === "keyNotFound") throw new RingkvError("NotFound", "key not found");
    if (result.kind === "leaseRevoked")
      throw new RingkvError("LeaseNotFound", `lease ${result.lease} not found`);
    return result;
  }

  async #checkLeases(puts: readonly PutRequest[]): Promise<void> {
    const exists = this.#leaseExists;
    if (!exists) return;
    for (const put of puts) {
      if (put.lease && !(await exists(put.lease))) {
        throw new RingkvError("LeaseNotFound", `lease ${put.lease} not found`);
      }
    }
  }

  #limitKeys(limit: number | undefined): number {
    const max = this.#ctx.settings.rangeMaxKeys;
    return limit === undefined || limit <= 0 ? max : Math.min(limit, max);
  }

  #ring(): { shardCount: number; shardOf(key: Uint8Array): number } {
    const shardCount = this.#ctx.view.config?.shardCount;
    if (shardCount === undefined) throw this.#noConfig();
    return { shardCount, shardOf: (key) => this.#shardOf(key) };
  }

  #shardOf(key: Uint8Array): number {
    const shard = this.#ctx.view.shardOf(key);
    if (shard === null) throw this.#noConfig();
    return shard;
  }

  #noConfig(): RingkvError {
    return new RingkvError("Unavailable", "this node has not learned the cluster config yet", {
      retryAfterMs: this.#ctx.settings.noConfigRetryAfterMs,
    });
  }

  /** This node's replica of `shard`, if it is a member of its group with state (stale reads). */
  #memberReplica(shard: number): Replica | undefined {
    const { host, id } = this.#ctx;
    const local = host.replica(shardGroup(shard));
    return local && local.applied > 0 && inConf(local.raw.confState(), id) ? local : undefined;
  }
}

/** The query at the replica's applied point; its revision is the shard's floor there. */
function readAt(replica: Replica, query: RangeQuery): RangeResult {
  return replica.sm.range(query);
}

/** The query fields of RangeOptions (without the request options), for the shards. */
function rangeQueryOf(options: RangeOptions): RangeQuery {
  const { callerDeadline: _deadline, forwarded: _forwarded, consistency: _consistency, ...query } = options;
  return query;
}

function spanOf(span: KeySpan): KeySpan {
  return span.end === undefined ? { start: span.start } : { start: span.start, end: span.end };
}

function shardPut(request: PutRequest, revision: number): ShardPut {
  const { key, value, lease, prevKv, ignoreValue, ignoreLease } = request;
  return {
    key,
    value,
    revision,
    ...(lease ? { lease } : {}),
    ...(prevKv ? { prevKv } : {}),
    ...(ignoreValue ? { ignoreValue } : {}),
    ...(ignoreLease ? { ignoreLease } : {}),
  };
}

function unexpected(result: ApplyResult): RingkvError {
  return new RingkvError("Internal", `unexpected apply result ${result.kind}`);
}
