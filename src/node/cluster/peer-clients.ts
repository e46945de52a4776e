// gRPC clients to other nodes, one per address: key requests forwarded to the leader (one hop)
// travel batched over one long-lived Forward stream (forward-stream.ts); joins, leaves and status
// are rare and use the KV service's unary calls. Unlike the public client library there are no
// retries here: the original caller's client owns the retry budget.
//
// Both share one channel per peer, with its own connection (not grpc-js's process-wide pool) and
// a bounded reconnect backoff: grpc-js's default grows to 120 s, so a restarted peer went
// unused for up to that long. reconnect() (called when gossip sees the peer alive again) drops
// a channel that is backing off and starts a fresh connection at once.
import * as grpc from "@grpc/grpc-js";
import type { ShardState } from "../../api/admin-wire.ts";
import { RingkvError } from "../../api/errors.ts";
import { fromGrpcStatus } from "../../api/grpc-status.ts";
import type {
  DeleteOptions,
  GetOptions,
  JoinResult,
  MemberInfo,
  MembershipJson,
  PutOptions,
  StatusJson,
  VersionedValue,
} from "../../api/kv-api.ts";
import type {
  DeleteRangeResult,
  PutRequest as PutRecord,
  PutResult,
  RangeResult,
  TxnRequest,
  TxnResult,
} from "../../api/kv-model.ts";
import {
  deleteRangeResultFromWire,
  deleteRangeToWire,
  putRequestToWire,
  putResultFromWire,
  rangeRequestToWire,
  rangeResultFromWire,
  txnRequestToWire,
  txnResultFromWire,
  type WireDeleteRangeResponse,
  type WireRangeResponse,
  type WireTxnResponse,
} from "../../api/kv-model-wire.ts";
import type { DeleteResponse, GetResponse, PutResponse } from "../../api/kv-wire.ts";
import { kvServiceDefinition } from "../../api/kv-wire.ts";
import { type FeedSink, openRemoteFeed, type ShardFeed } from "../watch/index.ts";
import { ForwardStream } from "./forward-stream.ts";
import type { ForwardReply, RevisionsResponse } from "./forward-wire.ts";
import type { LeaseForward, LeaseForwardReply } from "./lease-wire.ts";
import type { DeleteRangePart, RangePartRequest } from "./peer.ts";
import { fetchShardState } from "./shard-state-client.ts";

/** Metadata key marking a forwarded request (see RequestOptions.forwarded). */
export const FORWARDED_METADATA_KEY = "ringkv-forwarded";

type Unary = (
  request: object,
  metadata: grpc.Metadata,
  options: grpc.CallOptions,
  callback: (error: grpc.ServiceError | null, response?: unknown) => void,
) => void;

const KvStub = grpc.makeGenericClientConstructor(kvServiceDefinition(), "KV");

/**
 * Reconnect backoff of a peer channel: the n-th failed connect waits about
 * min(PEER_RECONNECT_BACKOFF_MAX_MS, PEER_RECONNECT_BACKOFF_INITIAL_MS · 1.6^(n-1)) (grpc-js's
 * formula, with jitter). The cap bounds how long a peer that answers again goes unused: well
 * under one election timeout (1 s with the defaults).
 */
export const PEER_RECONNECT_BACKOFF_INITIAL_MS = 50;
export const PEER_RECONNECT_BACKOFF_MAX_MS = 300;

/** Channel options of a peer connection (see the header). */
export const PEER_CHANNEL_OPTIONS: grpc.ChannelOptions = {
  "grpc.initial_reconnect_backoff_ms": PEER_RECONNECT_BACKOFF_INITIAL_MS,
  "grpc.max_reconnect_backoff_ms": PEER_RECONNECT_BACKOFF_MAX_MS,
  // Its own connection, so replacing the channel (reconnect) really starts a new one.
  "grpc.use_local_subchannel_pool": 1,
  "grpc.enable_retries": 0,
};

export class PeerClient {
  readonly #channel: grpc.Channel;
  readonly #client: grpc.Client;
  readonly #forward: ForwardStream;
  readonly #addr: string;
  readonly #credentials: grpc.ChannelCredentials;
  readonly #clientOptions: grpc.ClientOptions;

  constructor(
    addr: string,
    credentials: grpc.ChannelCredentials = grpc.credentials.createInsecure(),
    clientOptions: grpc.ClientOptions = {},
  ) {
    this.#addr = addr;
    this.#credentials = credentials;
    this.#clientOptions = clientOptions;
    this.#channel = new grpc.Channel(addr, credentials, PEER_CHANNEL_OPTIONS);
    this.#client = new KvStub(addr, credentials, { ...clientOptions, channelOverride: this.#channel });
    this.#forward = new ForwardStream(addr, this.#channel, clientOptions);
  }

  /** The channel is failing to connect (backing off) or idle after failing. */
  get failing(): boolean {
    return this.#channel.getConnectivityState(false) === grpc.connectivityState.TRANSIENT_FAILURE;
  }

  #call<T>(method: string, request: object, deadline: number, forwarded: boolean): Promise<T> {
    const metadata = new grpc.Metadata();
    if (forwarded) metadata.set(FORWARDED_METADATA_KEY, "1");
    const fn = (this.#client as unknown as Record<string, Unary>)[method]!.bind(this.#client);
    return new Promise((resolve, reject) =>
      fn(request, metadata, { deadline }, (error, response) =>
        error ? reject(fromGrpcStatus(error)) : resolve(response as T),
      ),
    );
  }

  /**
   * Forward a put: the receiver answers, never forwards again. `revision`: one this node took from
   * the oracle after the request began (forward.proto ForwardRequest.revision).
   */
  async put(
    key: Uint8Array,
    value: Uint8Array,
    options: PutOptions,
    deadline: number,
    revision?: number,
  ): Promise<{ version: number }> {
    const put =
      options.ifVersion === undefined ? { key, value } : { key, value, ifVersion: options.ifVersion };
    const reply = await this.#forward.call(
      revision === undefined ? { put } : { put, revision },
      true,
      deadline,
    );
    return { version: field<PutResponse>(reply, "put").version };
  }

  async get(key: Uint8Array, options: GetOptions, deadline: number): Promise<VersionedValue | null> {
    const stale = options.consistency === "stale";
    const reply = await this.#forward.call({ get: { key, stale } }, false, deadline);
    const r = field<GetResponse>(reply, "get");
    return r.found ? { value: r.value, version: r.version } : null;
  }

  async delete(key: Uint8Array, options: DeleteOptions, deadline: number): Promise<{ deleted: boolean }> {
    const del = options.ifVersion === undefined ? { key } : { key, ifVersion: options.ifVersion };
    const reply = await this.#forward.call({ delete: del }, true, deadline);
    return { deleted: field<DeleteResponse>(reply, "delete").deleted };
  }

  /**
   * A lease operation. Counted as a write for the stream's failure answers: most change state,
   * and the router decides itself which may go elsewhere after a Timeout.
   */
  async lease(request: LeaseForward, deadline: number): Promise<LeaseForwardReply> {
    const reply = await this.#forward.call({ lease: request }, true, deadline);
    return field<LeaseForwardReply>(reply, "lease");
  }

  /** Revisions are safe to ask again anywhere (`write` false): a lost block is only a gap. */
  async revisions(count: number, atLeast: number, deadline: number): Promise<number> {
    const reply = await this.#forward.call({ revisions: { count, atLeast } }, false, deadline);
    return field<RevisionsResponse>(reply, "revisions").first;
  }

  async rangePart(part: RangePartRequest, deadline: number): Promise<RangeResult> {
    const rangePart = {
      shard: part.shard,
      query: rangeRequestToWire(part.query, part.stale),
      ...(part.fenceRevision === undefined ? {} : { fenceRevision: part.fenceRevision }),
    };
    // A fence only raises a floor: safe to repeat, so sent as a read.
    const reply = await this.#forward.call({ rangePart }, false, deadline);
    return rangeResultFromWire(field<WireRangeResponse>(reply, "rangePart"));
  }

  async deleteRangePart(part: DeleteRangePart, deadline: number): Promise<DeleteRangeResult> {
    const deleteRangePart = {
      shard: part.shard,
      span: deleteRangeToWire(part.span, part.prevKv),
      revision: part.revision,
    };
    const reply = await this.#forward.call({ deleteRangePart }, true, deadline);
    return deleteRangeResultFromWire(field<WireDeleteRangeResponse>(reply, "deleteRangePart"));
  }

  async putRecord(request: PutRecord, deadline: number): Promise<PutResult> {
    const reply = await this.#forward.call({ put: putRequestToWire(request) }, true, deadline);
    return putResultFromWire(field<PutResponse>(reply, "put"));
  }

  async txn(request: TxnRequest, deadline: number): Promise<TxnResult> {
    const reply = await this.#forward.call({ txn: txnRequestToWire(request) }, true, deadline);
    return txnResultFromWire(field<WireTxnResponse>(reply, "txn"));
  }

  /** `forwarded` is false when a joining node asks a member (the member may forward once). */
  join(member: MemberInfo, deadline: number, forwarded = true): Promise<JoinResult> {
    return this.#call("Join", { member }, deadline, forwarded);
  }

  async leave(id: string, deadline: number): Promise<void> {
    await this.#call("Leave", { id }, deadline, true);
  }

  /** `local`: the receiver reports its own replicas only, without asking anyone else. */
  async status(deadline: number, local = false): Promise<StatusJson> {
    const r = await this.#call<{ json: string }>("Status", {}, deadline, local);
    return JSON.parse(r.json) as StatusJson;
  }

  /** The receiver's own view of the members (an older receiver sends its whole status). */
  async membership(deadline: number): Promise<MembershipJson> {
    const r = await this.#call<{ json: string }>("Status", { membershipOnly: true }, deadline, true);
    return JSON.parse(r.json) as MembershipJson;
  }

  /** A shard's state from its leader at this address (which answers, never forwards again). */
  shardState(shard: number, deadline: number): Promise<ShardState> {
    const metadata = new grpc.Metadata();
    metadata.set(FORWARDED_METADATA_KEY, "1");
    return fetchShardState(this.#addr, shard, {
      deadline,
      metadata,
      credentials: this.#credentials,
      clientOptions: this.#clientOptions,
    });
  }

  shardWatch(shard: number, fromRevision: number, sink: FeedSink): ShardFeed {
    return openRemoteFeed(this.#addr, { shard, fromRevision }, sink, {
      credentials: this.#credentials,
      clientOptions: this.#clientOptions,
    });
  }

  close(): void {
    this.#forward.close();
    this.#client.close();
    this.#channel.close();
  }
}

/** The result of a reply, which must be of the kind asked for. */
function field<T>(
  reply: ForwardReply,
  kind: "put" | "get" | "delete" | "revisions" | "rangePart" | "deleteRangePart" | "txn" | "lease",
): T {
  const value = (reply as unknown as Record<string, unknown>)[kind];
  if (value === undefined || value === null)
    throw new RingkvError("Internal", `forward reply ${reply.id} is not a ${kind} answer`);
  return value as T;
}

export class PeerClients {
  readonly #clients = new Map<string, PeerClient>();
  readonly #credentials: grpc.ChannelCredentials;
  readonly #clientOptions: grpc.ClientOptions;

  /**
   * `credentials`: how to dial peers; default plaintext (TLS when node.ts is given it).
   * `clientOptions` go to every client: the interceptor presenting this node's peer token.
   */
  constructor(
    credentials: grpc.ChannelCredentials = grpc.credentials.createInsecure(),
    clientOptions: grpc.ClientOptions = {},
  ) {
    this.#credentials = credentials;
    this.#clientOptions = clientOptions;
  }

  get(addr: string): PeerClient {
    let c = this.#clients.get(addr);
    if (!c) {
      c = new PeerClient(addr, this.#credentials, this.#clientOptions);
      this.#clients.set(addr, c);
    }
    return c;
  }

  /**
   * The peer at `addr` is alive again (gossip says so): if its channel is backing off after
   * failed connects, replace it so the next request connects now instead of after the backoff.
   * Nothing is in flight on a failing channel (grpc-js fails calls on it at once).
   */
  reconnect(addr: string): void {
    const c = this.#clients.get(addr);
    if (!c?.failing) return;
    c.close();
    this.#clients.delete(addr);
  }

  close(): void {
    for (const c of this.#clients.values()) c.close();
    this.#clients.clear();
  }
}
