// gRPC clients to other nodes' KV service, one per address, for forwarding a request to the
// leader (one hop) and for joining. Unlike the public client library there are no retries here:
// the original caller's client owns the retry budget.
import * as grpc from "@grpc/grpc-js";
import { fromGrpcStatus } from "../../api/grpc-status.ts";
import type {
  DeleteOptions,
  GetOptions,
  JoinResult,
  MemberInfo,
  PutOptions,
  StatusJson,
  VersionedValue,
} from "../../api/kv-api.ts";
import { kvServiceDefinition } from "../../api/kv-wire.ts";

/** Metadata key marking a forwarded request (see RequestOptions.forwarded). */
export const FORWARDED_METADATA_KEY = "ringkv-forwarded";

type Unary = (
  request: object,
  metadata: grpc.Metadata,
  options: grpc.CallOptions,
  callback: (error: grpc.ServiceError | null, response?: unknown) => void,
) => void;

export class PeerClient {
  readonly #client: grpc.Client;

  constructor(addr: string) {
    const Ctor = grpc.makeGenericClientConstructor(kvServiceDefinition(), "KV");
    this.#client = new Ctor(addr, grpc.credentials.createInsecure());
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

  /** Forward a put: the receiver answers, never forwards again. */
  put(
    key: Uint8Array,
    value: Uint8Array,
    options: PutOptions,
    deadline: number,
  ): Promise<{ version: number }> {
    const request =
      options.ifVersion === undefined ? { key, value } : { key, value, ifVersion: options.ifVersion };
    return this.#call("Put", request, deadline, true);
  }

  async get(key: Uint8Array, options: GetOptions, deadline: number): Promise<VersionedValue | null> {
    const stale = options.consistency === "stale";
    const r = await this.#call<{ found: boolean; value: Uint8Array; version: number }>(
      "Get",
      { key, stale },
      deadline,
      true,
    );
    return r.found ? { value: r.value, version: r.version } : null;
  }

  delete(key: Uint8Array, options: DeleteOptions, deadline: number): Promise<{ deleted: boolean }> {
    const request = options.ifVersion === undefined ? { key } : { key, ifVersion: options.ifVersion };
    return this.#call("Delete", request, deadline, true);
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

  close(): void {
    this.#client.close();
  }
}

export class PeerClients {
  readonly #clients = new Map<string, PeerClient>();

  get(addr: string): PeerClient {
    let c = this.#clients.get(addr);
    if (!c) {
      c = new PeerClient(addr);
      this.#clients.set(addr, c);
    }
    return c;
  }

  close(): void {
    for (const c of this.#clients.values()) c.close();
    this.#clients.clear();
  }
}
