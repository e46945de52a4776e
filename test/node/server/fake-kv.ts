// An in-memory KvApi for testing the API adapters without Raft: versions come from one counter
// (like Raft indexes, they only grow), compare-and-set follows PutOptions.ifVersion, and tests
// can script failures and count calls.

import { RingkvError } from "../../../src/api/errors.ts";
import type {
  DeleteOptions,
  GetOptions,
  JoinResult,
  KvApi,
  MemberInfo,
  MembershipJson,
  PutOptions,
  RequestOptions,
  StatusJson,
  VersionedValue,
} from "../../../src/api/kv-api.ts";

type Operation = "put" | "get" | "delete" | "join" | "leave" | "status";

export class FakeKv implements KvApi {
  readonly #data = new Map<string, VersionedValue>();
  #lastVersion = 0;
  /** Calls received, by operation. */
  readonly calls: Record<Operation, number> = { put: 0, get: 0, delete: 0, join: 0, leave: 0, status: 0 };
  /** Options of the most recent call, to check what the adapters pass through. */
  lastOptions: RequestOptions | undefined;
  readonly members: MemberInfo[] = [{ id: "n1", addr: "127.0.0.1:7001", http: "127.0.0.1:8001" }];
  /** When set, every operation fails with what this returns (or hangs, for "hang"). */
  failWith: ((operation: Operation) => RingkvError | Error | "hang" | null) | null = null;

  async put(key: Uint8Array, value: Uint8Array, options: PutOptions = {}): Promise<{ version: number }> {
    await this.#enter("put", options);
    const id = FakeKv.#id(key);
    const current = this.#data.get(id)?.version ?? 0;
    if (options.ifVersion !== undefined && options.ifVersion !== current) {
      throw new RingkvError("VersionMismatch", `version is ${current}, not ${options.ifVersion}`);
    }
    const version = ++this.#lastVersion;
    this.#data.set(id, { value: Uint8Array.from(value), version });
    return { version };
  }

  async get(key: Uint8Array, options: GetOptions = {}): Promise<VersionedValue | null> {
    await this.#enter("get", options);
    return this.#data.get(FakeKv.#id(key)) ?? null;
  }

  async delete(key: Uint8Array, options: DeleteOptions = {}): Promise<{ deleted: boolean }> {
    await this.#enter("delete", options);
    const id = FakeKv.#id(key);
    const current = this.#data.get(id)?.version ?? 0;
    if (options.ifVersion !== undefined && options.ifVersion !== current) {
      throw new RingkvError("VersionMismatch", `version is ${current}, not ${options.ifVersion}`);
    }
    return { deleted: this.#data.delete(id) };
  }

  async join(member: MemberInfo, options: RequestOptions = {}): Promise<JoinResult> {
    await this.#enter("join", options);
    if (!this.members.some((m) => m.id === member.id)) this.members.push(member);
    return { members: [...this.members] };
  }

  async leave(id: string, options: RequestOptions = {}): Promise<void> {
    await this.#enter("leave", options);
    const index = this.members.findIndex((m) => m.id === id);
    if (index < 0) throw new RingkvError("NotMember", `${id} is not a member`);
    this.members.splice(index, 1);
  }

  /** When set, status() answers this (e.g. a ring for client routing tests). */
  statusJson: StatusJson | null = null;

  async status(options: RequestOptions = {}): Promise<StatusJson> {
    await this.#enter("status", options);
    if (this.statusJson) return this.statusJson;
    const ids = this.members.map((m) => m.id);
    return {
      ...this.#membership(),
      shards: [0, 1].map((id) => ({
        id,
        leader: ids[id % ids.length] ?? "",
        term: 2,
        replicas: ids,
        learners: [],
        commitIndex: this.#lastVersion,
        appliedIndex: this.#lastVersion,
        keys: this.#data.size,
      })),
    };
  }

  membership(): MembershipJson {
    return this.#membership();
  }

  // status() does not call membership(): a test removes that to play a node without it.
  #membership(): MembershipJson {
    return {
      node: { id: "n1", addr: "127.0.0.1:7001", http: "127.0.0.1:8001" },
      epoch: 3,
      members: this.members.map((m) => ({ ...m, state: "alive" as const, incarnation: 1 })),
    };
  }

  async #enter(operation: Operation, options: RequestOptions): Promise<void> {
    this.calls[operation]++;
    this.lastOptions = options;
    const failure = this.failWith?.(operation) ?? null;
    if (failure === "hang") await new Promise<never>(() => {});
    if (failure) throw failure;
  }

  static #id(key: Uint8Array): string {
    return Buffer.from(key).toString("hex");
  }
}
