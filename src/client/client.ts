// RingkvClient: the KV API over gRPC against a set of node addresses. Key requests go straight
// to the owning shard's leader (shard-router.ts: the ring, and leaders from one cluster status);
// any node accepts any key and routes it, so when that is unknown or fails the client sticks to
// the last address that answered, follows NotLeader hints, and moves on when an address fails,
// all under RetryPolicy.
import { setTimeout as delay } from "node:timers/promises";
import * as grpc from "@grpc/grpc-js";
import { RingkvError } from "../api/errors.ts";
import { fromGrpcStatus, isUnsentFailure } from "../api/grpc-status.ts";
import type {
  DeleteOptions,
  GetOptions,
  JoinResult,
  KvApi,
  MemberInfo,
  PutOptions,
  StatusJson,
} from "../api/kv-api.ts";
import type {
  DeleteRangeResult,
  LeaseGrant,
  LeaseTimeToLive,
  PutRequest as PutRecord,
  PutResult,
  RangeResult,
  TxnResult,
  WatchRequest,
  WatchStream,
} from "../api/kv-model.ts";
import {
  deleteRangeResultFromWire,
  deleteRangeToWire,
  hasPutOptions,
  putRequestToWire,
  putResultFromWire,
  rangeRequestToWire,
  rangeResultFromWire,
  txnRequestToWire,
  txnResultFromWire,
} from "../api/kv-model-wire.ts";
import { type KvMethod, type KvMethods, kvServiceDefinition } from "../api/kv-wire.ts";
import { validateLeaseId } from "../api/lease-id.ts";
import { validateNodeId, validateVersion } from "../api/limits.ts";
import { parseAddress } from "./address.ts";
import { type BytesInput, toBytes } from "./bytes.ts";
import { giveUpError } from "./give-up.ts";
import { KvValue } from "./kv-value.ts";
import {
  firstTxnKey,
  type RangeInput,
  rangeQueryFrom,
  type SpanInput,
  spanFrom,
  type TxnInput,
  txnFrom,
} from "./range-request.ts";
import { type Failure, type OperationKind, RetryPolicy, type RetrySettings } from "./retry-policy.ts";
import { ShardRouter } from "./shard-router.ts";
import { type ClientTlsOptions, clientCredentials } from "./tls.ts";
import { keepTlsHint, tlsFailure } from "./tls-failure.ts";
import { openWatch, WatchStub } from "./watch-call.ts";

/** A put's options: compare-and-set, or a lease the key is attached to (not both). */
export interface ClientPutOptions extends PutOptions {
  /** Attach the key to this lease: it is deleted when the lease ends. */
  readonly lease?: number;
}

export interface RingkvClientOptions {
  /** Node gRPC addresses, HOST:PORT; at least one. */
  readonly addresses: readonly string[];
  /** Deadline of one attempt in ms (the operation as a whole is bounded by retry.budgetMs). */
  readonly deadlineMs?: number;
  readonly retry?: Partial<RetrySettings>;
  /** [0, 1) source for backoff jitter; Math.random by default. */
  readonly random?: () => number;
  /** Send key requests straight to the shard's leader (default true); false: any node routes. */
  readonly routing?: boolean;
  /** Speak TLS to the nodes (they run with --cert); plaintext when absent. */
  readonly tls?: ClientTlsOptions;
  /**
   * The bearer token a node with authentication on asks for, sent on every call as the
   * `authorization: Bearer <token>` metadata. None by default.
   */
  readonly token?: string;
}

export const DEFAULT_DEADLINE_MS = 5_000;

/** grpc-js reconnects with up to 2 minutes of backoff by default; a restarted node should be
 * reachable again within a second. */
const CHANNEL_OPTIONS: grpc.ChannelOptions = {
  "grpc.initial_reconnect_backoff_ms": 100,
  "grpc.max_reconnect_backoff_ms": 1_000,
};

type Callback<T> = (error: grpc.ServiceError | null, response?: T) => void;
type UnaryMethod<Req, Res> = (
  request: Req,
  metadata: grpc.Metadata,
  options: grpc.CallOptions,
  callback: Callback<Res>,
) => grpc.ClientUnaryCall;

const KvStub = grpc.makeGenericClientConstructor(kvServiceDefinition(), "KV");

export class RingkvClient implements KvApi {
  /** Known addresses: the configured ones, then leader hints learned along the way. */
  readonly #addresses: string[];
  readonly #stubs = new Map<string, grpc.Client>();
  readonly #watchStubs = new Map<string, grpc.Client>();
  readonly #policy: RetryPolicy;
  readonly #deadlineMs: number;
  #preferred: string;
  readonly #router: ShardRouter | null;
  readonly #credentials: grpc.ChannelCredentials;
  readonly #tls: boolean;
  /** The `authorization` metadata value, or null for none. */
  readonly #authorization: string | null;
  #closed = false;

  constructor(options: RingkvClientOptions) {
    const addresses = [...new Set(options.addresses.map((a) => a.trim()).filter((a) => a !== ""))];
    const first = addresses[0];
    if (first === undefined) throw new RingkvError("InvalidArgument", "no node address given");
    for (const address of addresses) parseAddress(address);
    this.#addresses = addresses;
    this.#preferred = first;
    this.#deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
    this.#policy = new RetryPolicy(options.retry, options.random);
    this.#router = options.routing === false ? null : new ShardRouter(() => this.status());
    this.#credentials = clientCredentials(options.tls);
    this.#tls = options.tls !== undefined;
    this.#authorization = options.token === undefined ? null : `Bearer ${checkedToken(options.token)}`;
  }

  /**
   * Write `value` under `key`; strings are sent as UTF-8. Resolves the key's new version.
   * Arguments of another type reject with InvalidArgument before anything is sent.
   */
  async put(
    key: BytesInput,
    value: BytesInput,
    options: ClientPutOptions = {},
  ): Promise<{ version: number }> {
    const request = { key: toBytes(key, "key"), value: toBytes(value, "value") };
    const { ifVersion, lease } = options;
    if (ifVersion !== undefined) checkVersion(ifVersion);
    if (lease !== undefined) checkLeaseId(lease);
    const { version } = await this.#call(
      "Put",
      "write",
      {
        ...request,
        ...(ifVersion === undefined ? {} : { ifVersion }),
        ...(lease === undefined ? {} : { lease }),
      },
      request.key,
    );
    return { version };
  }

  // ─── leases ────────────────────────────────────────────────────────────────────────────────

  /** Grant a lease of `ttlSeconds` (raised to the cluster's minimum); `id` 0: the cluster picks. */
  async leaseGrant(ttlSeconds: number, id = 0): Promise<LeaseGrant> {
    if (typeof ttlSeconds !== "number" || !Number.isSafeInteger(ttlSeconds) || ttlSeconds < 1) {
      throw new RingkvError("InvalidArgument", "ttlSeconds must be an integer ≥ 1");
    }
    if (id !== 0) checkLeaseId(id);
    const r = await this.#call("LeaseGrant", "write", { ttlSeconds, id });
    return { id: r.id, ttlSeconds: r.ttlSeconds };
  }

  /** Revoke a lease: its keys are deleted on every shard before this resolves. */
  async leaseRevoke(id: number): Promise<void> {
    checkLeaseId(id);
    await this.#call("LeaseRevoke", "write", { id });
  }

  /** Renew a lease once (its deadline becomes now + TTL). LeaseNotFound when it has ended. */
  async leaseKeepAlive(id: number): Promise<LeaseGrant> {
    checkLeaseId(id);
    // A renewal is safe to repeat: retried as a read.
    const r = await this.#call("LeaseKeepAlive", "read", { id });
    return { id: r.id, ttlSeconds: r.ttlSeconds };
  }

  /** Seconds left (-1 when the lease does not exist), and its keys if asked. */
  async leaseTimeToLive(id: number, options: { readonly keys?: boolean } = {}): Promise<LeaseTimeToLive> {
    checkLeaseId(id);
    const r = await this.#call("LeaseTimeToLive", "read", { id, keys: options.keys === true });
    return {
      id: r.id,
      ttlSeconds: r.ttlSeconds,
      grantedTtlSeconds: r.grantedTtlSeconds,
      keys: r.keys.map((k) => new Uint8Array(k.buffer, k.byteOffset, k.byteLength)),
    };
  }

  /** The ids of every live lease. */
  async leases(): Promise<readonly number[]> {
    const r = await this.#call("LeaseLeases", "read", {});
    return [...r.ids];
  }

  /** The value under `key` (`.bytes`, `.string()`, `.version`), or null when absent. */
  async get(key: BytesInput, options: GetOptions = {}): Promise<KvValue | null> {
    const bytes = toBytes(key, "key");
    const { consistency = "linearizable" } = options;
    if (consistency !== "linearizable" && consistency !== "stale") {
      throw new RingkvError("InvalidArgument", `consistency must be "linearizable" or "stale"`);
    }
    const response = await this.#call("Get", "read", { key: bytes, stale: consistency === "stale" }, bytes);
    if (!response.found) return null;
    // A plain Uint8Array view, not the Buffer the decoder hands out: callers get what KvApi says.
    const { buffer, byteOffset, byteLength } = response.value;
    return new KvValue(new Uint8Array(buffer, byteOffset, byteLength), response.version);
  }

  async delete(key: BytesInput, options: DeleteOptions = {}): Promise<{ deleted: boolean }> {
    const bytes = toBytes(key, "key");
    const { ifVersion } = options;
    if (ifVersion !== undefined) checkVersion(ifVersion);
    const request = ifVersion === undefined ? { key: bytes } : { key: bytes, ifVersion };
    const { deleted } = await this.#call("Delete", "write", request, bytes);
    return { deleted };
  }

  async join(member: MemberInfo): Promise<JoinResult> {
    const fields = [member?.id, member?.addr, member?.http];
    if (!fields.every((f) => typeof f === "string")) {
      throw new RingkvError("InvalidArgument", "member must have string id, addr and http");
    }
    const response = await this.#call("Join", "read", {
      member: { id: member.id, addr: member.addr, http: member.http },
    });
    return { members: response.members.map((m) => ({ id: m.id, addr: m.addr, http: m.http })) };
  }

  async leave(id: string): Promise<void> {
    if (typeof id !== "string") throw new RingkvError("InvalidArgument", "node id must be a string");
    validateNodeId(id);
    await this.#call("Leave", "write", { id });
  }

  async status(): Promise<StatusJson> {
    const { json } = await this.#call("Status", "read", {});
    try {
      return JSON.parse(json) as StatusJson;
    } catch {
      throw new RingkvError("Internal", "status: the node sent malformed JSON");
    }
  }

  /**
   * Watch a key (`end` absent) or a range (`{ start: prefix, end: prefixEnd(prefix) }`): batches
   * of changes in revision order per key, from `startRevision` (0: from now on), until cancel()
   * or a `break` out of the loop. Served by one node (the last that answered); when the stream
   * fails (the node stopped: Unavailable) it throws, and the caller watches again from the
   * revision after the last event it read.
   */
  watch(request: WatchRequest): WatchStream {
    if (this.#closed) throw new RingkvError("Unavailable", "the client is closed");
    const address = this.#preferred;
    let stub = this.#watchStubs.get(address);
    if (!stub) {
      stub = new WatchStub(address, this.#credentials, CHANNEL_OPTIONS);
      this.#watchStubs.set(address, stub);
    }
    const metadata = new grpc.Metadata();
    if (this.#authorization !== null) metadata.set("authorization", this.#authorization);
    return openWatch(stub, address, request, metadata);
  }

  /**
   * The keys of a span (`{prefix}`, `{start, end}`, or `{start}` for one key), in key order
   * unless sorted otherwise; at most `limit` (`more` says whether more matched). Linearizable
   * by default: every write acknowledged before the call is reflected.
   */
  async range(input: SpanInput & RangeInput): Promise<RangeResult> {
    const query = rangeQueryFrom(input);
    const stale = input.consistency === "stale";
    const key = query.end === undefined ? query.start : undefined;
    return rangeResultFromWire(await this.#call("Range", "read", rangeRequestToWire(query, stale), key));
  }

  /** Delete every key of the span, atomically within each shard; answers how many. */
  async deleteRange(
    input: SpanInput,
    options: { readonly prevKv?: boolean } = {},
  ): Promise<DeleteRangeResult> {
    const span = spanFrom(input);
    const key = span.end === undefined ? span.start : undefined;
    const request = deleteRangeToWire(span, options.prevKv === true);
    return deleteRangeResultFromWire(await this.#call("DeleteRange", "write", request, key));
  }

  /**
   * If every compare holds, run `success`, else `failure`, atomically. Keys of one shard only:
   * keys of several shards reject with CrossShard, naming them.
   */
  async txn(input: TxnInput): Promise<TxnResult> {
    const txn = txnFrom(input);
    const response = await this.#call("Txn", "write", txnRequestToWire(txn), firstTxnKey(txn));
    return txnResultFromWire(response);
  }

  /** A put with etcd's options (lease, prevKv, ignoreValue, ignoreLease); answers its revision. */
  async putRecord(
    key: BytesInput,
    value: BytesInput,
    options: Omit<PutRecord, "key" | "value"> = {},
  ): Promise<PutResult> {
    const request = putRequestToWire({
      ...options,
      key: toBytes(key, "key"),
      value: toBytes(value, "value"),
    });
    if (!hasPutOptions(request)) {
      // Without options the node serves it as a plain put, whose version is its revision.
      const { version } = await this.put(request.key, request.value);
      return { revision: version };
    }
    return putResultFromWire(await this.#call("Put", "write", request, request.key));
  }

  /** Close every connection; later calls fail with Unavailable. */
  close(): void {
    this.#closed = true;
    for (const stub of [...this.#stubs.values(), ...this.#watchStubs.values()]) stub.close();
    this.#stubs.clear();
    this.#watchStubs.clear();
  }

  async #call<M extends KvMethod>(
    method: M,
    kind: OperationKind,
    request: KvMethods[M][0],
    key?: Uint8Array,
  ): Promise<KvMethods[M][1]> {
    const started = performance.now();
    let shard: number | null = null;
    if (key && this.#router) {
      await this.#router.ready();
      shard = this.#router.shardOf(key);
    }
    let address = this.#router?.leaderOf(shard) ?? this.#preferred;
    let previous: RingkvError | null = null;
    for (let attempt = 1; ; attempt++) {
      const remainingMs = this.#policy.settings.budgetMs - (performance.now() - started);
      try {
        const response = await this.#attempt(
          address,
          method,
          request,
          Math.min(this.#deadlineMs, remainingMs),
        );
        // Whatever answered is where the next operation without a known leader starts.
        this.#preferred = address;
        return response;
      } catch (e) {
        const failure = asFailure(e, address, this.#tls);
        // A starting point that did not answer stops being one: otherwise every later operation
        // spends its first attempts on the same dead addresses, and with as many of them at the
        // front of the list as attemptsMax, never reaches a live node at all.
        if (address === this.#preferred && failure.error.fromTransport)
          this.#preferred = this.#after(address);
        if (failure.error.code === "NotLeader" && failure.error.leaderHint) {
          this.#router?.learn(shard, failure.error.leaderHint);
        } else if (address === this.#router?.leaderOf(shard)) {
          this.#router.forget(shard);
        }
        const elapsedMs = performance.now() - started;
        // Said as the user needs it: which shard, which node, what failed before (give-up.ts).
        const explained = keepTlsHint(
          giveUpError(failure.error, {
            shard,
            address,
            node: this.#router?.nodeAt(address),
            previous,
            elapsedMs,
            write: kind === "write",
          }),
          failure.error,
        );
        const decision = this.#policy.decide(failure, { kind, attempt, elapsedMs });
        if (!decision.retry || this.#closed) throw explained;
        previous = explained;
        address = decision.target === "leader" ? this.#learn(failure.error.leaderHint) : this.#after(address);
        if (decision.delayMs > 0) await delay(decision.delayMs);
      }
    }
  }

  #attempt<M extends KvMethod>(
    address: string,
    method: M,
    request: KvMethods[M][0],
    deadlineMs: number,
  ): Promise<KvMethods[M][1]> {
    if (this.#closed) return Promise.reject(new RingkvError("Unavailable", "the client is closed"));
    const stub = this.#stub(address);
    const call = stub[method as string] as UnaryMethod<KvMethods[M][0], KvMethods[M][1]>;
    const deadline = new Date(Date.now() + Math.max(1, deadlineMs));
    const metadata = new grpc.Metadata();
    if (this.#authorization !== null) metadata.set("authorization", this.#authorization);
    return new Promise((resolve, reject) => {
      call.call(stub, request, metadata, { deadline }, (error, response) => {
        if (error) reject(error);
        else if (response === undefined) reject(new RingkvError("Internal", `${method}: empty response`));
        else resolve(response);
      });
    });
  }

  #stub(address: string): grpc.Client & Record<string, unknown> {
    let stub = this.#stubs.get(address);
    if (!stub) {
      stub = new KvStub(address, this.#credentials, CHANNEL_OPTIONS);
      this.#stubs.set(address, stub);
    }
    return stub as grpc.Client & Record<string, unknown>;
  }

  #learn(address: string): string {
    if (!this.#addresses.includes(address)) this.#addresses.push(address);
    return address;
  }

  #after(address: string): string {
    const index = this.#addresses.indexOf(address);
    return this.#addresses[(index + 1) % this.#addresses.length] ?? address;
  }
}

/** A token as metadata can carry it: visible ASCII, no spaces (a pasted newline is a mistake). */
function checkedToken(token: unknown): string {
  if (typeof token !== "string" || !/^[\x21-\x7e]+$/.test(token)) {
    throw new RingkvError("InvalidArgument", "token must be a non-empty string of visible ASCII characters");
  }
  return token;
}

/** validateLeaseId, for callers whose types did not stop a non-number (plain JavaScript). */
function checkLeaseId(id: unknown): void {
  if (typeof id !== "number") throw new RingkvError("InvalidArgument", "lease id must be a number");
  validateLeaseId(id);
}

/** validateVersion, for callers whose types did not stop a non-number (plain JavaScript). */
function checkVersion(version: unknown): void {
  if (typeof version !== "number") throw new RingkvError("InvalidArgument", "ifVersion must be a number");
  validateVersion(version);
}

function asFailure(e: unknown, address: string, tls: boolean): Failure {
  if (e instanceof RingkvError) return { error: e, unsent: false };
  if (isServiceError(e)) {
    // No handshake, no request: a TLS failure is always unsent.
    const tlsError = tlsFailure(e.details, address, tls);
    if (tlsError) return { error: tlsError, unsent: true };
    return { error: fromGrpcStatus(e, address), unsent: isUnsentFailure(e) };
  }
  return { error: new RingkvError("Internal", e instanceof Error ? e.message : String(e)), unsent: false };
}

function isServiceError(e: unknown): e is grpc.ServiceError {
  return e instanceof Error && typeof (e as Partial<grpc.ServiceError>).code === "number";
}
