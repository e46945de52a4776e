// etcd's ResponseHeader on every answer: cluster_id, member_id, revision, raft_term. The revision
// comes from each operation's own answer; the rest describe this node and change rarely, so they
// are read from the node's local status (its own replicas, no network) at most once per
// headerRefreshMs and cached — a header never waits for them.
import type { StatusJson } from "../../api/kv-api.ts";
import { etcdClusterId, etcdMemberId } from "./ids.ts";
import type { ResponseHeader } from "./wire.ts";

/** How stale raft_term and cluster_id in a header may be, in ms. */
export const HEADER_REFRESH_MS_DEFAULT = 1000;

export interface HeaderSourceOptions {
  readonly memberId: string;
  /** This node's own view (RingkvNode.status({ forwarded: true })). */
  readonly localStatus: () => Promise<StatusJson>;
  readonly headerRefreshMs?: number;
  readonly now?: () => number;
}

export class HeaderSource {
  readonly #memberId: number;
  readonly #localStatus: () => Promise<StatusJson>;
  readonly #refreshMs: number;
  readonly #now: () => number;
  #clusterId = 0;
  #raftTerm = 0;
  /** The last status read, for Maintenance.Status too. */
  #status: StatusJson | null = null;
  #readAt = Number.NEGATIVE_INFINITY;
  #reading: Promise<StatusJson> | null = null;

  constructor(options: HeaderSourceOptions) {
    this.#memberId = etcdMemberId(options.memberId);
    this.#localStatus = options.localStatus;
    this.#refreshMs = options.headerRefreshMs ?? HEADER_REFRESH_MS_DEFAULT;
    this.#now = options.now ?? Date.now;
  }

  get memberId(): number {
    return this.#memberId;
  }

  /** A header for an answer at `revision`; starts a refresh of the cached parts when due. */
  header(revision: number): ResponseHeader {
    if (this.#now() - this.#readAt >= this.#refreshMs) {
      this.status().catch(() => {
        // The next header tries again; a header with the last known term is still true enough.
      });
    }
    return { clusterId: this.#clusterId, memberId: this.#memberId, revision, raftTerm: this.#raftTerm };
  }

  /** The node's local status, read afresh (one read at a time; callers share it). */
  status(): Promise<StatusJson> {
    this.#reading ??= this.#localStatus().then(
      (status) => {
        this.#reading = null;
        this.#remember(status);
        return status;
      },
      (e: unknown) => {
        this.#reading = null;
        throw e;
      },
    );
    return this.#reading;
  }

  #remember(status: StatusJson): void {
    this.#status = status;
    this.#readAt = this.#now();
    if (status.ring) this.#clusterId = etcdClusterId(status.ring);
    // etcd's raft_term is its one group's; the meta group is ringkv's cluster-wide one.
    this.#raftTerm = status.meta?.term ?? this.#raftTerm;
  }

  get lastStatus(): StatusJson | null {
    return this.#status;
  }
}
