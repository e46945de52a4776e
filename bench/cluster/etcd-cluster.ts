// A 3-member etcd cluster on loopback: the reference the ringkv numbers are read against.
// Driven through etcd's HTTP/JSON gateway (POST /v3/kv/put and /v3/kv/range, base64 keys and
// values), which is the closest etcd has to ringkv's /v1/kv. etcd runs with its defaults, so it
// too fsyncs its WAL before acknowledging a write, and its reads are linearizable.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Child, Supervisor } from "./processes.ts";
import { type BenchSystem, freePorts, type Leader, type Member, request, waitFor } from "./system.ts";

const IDS = ["e1", "e2", "e3"] as const;
const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 10_000;

interface MemberSpec {
  readonly id: string;
  readonly clientUrl: string;
  readonly peerUrl: string;
  child: Child | null;
}

export interface EtcdClusterOptions {
  readonly workDir: string;
  readonly supervisor: Supervisor;
  readonly log: (line: string) => void;
}

export class EtcdCluster implements BenchSystem {
  readonly name = "etcd" as const;
  readonly #o: EtcdClusterOptions;
  readonly #members: MemberSpec[] = [];

  constructor(options: EtcdClusterOptions) {
    this.#o = options;
  }

  async start(): Promise<void> {
    const ports = await freePorts(2 * IDS.length);
    IDS.forEach((id, i) => {
      this.#members.push({
        id,
        clientUrl: `http://127.0.0.1:${ports[i]}`,
        peerUrl: `http://127.0.0.1:${ports[i + IDS.length]}`,
        child: null,
      });
    });
    const initialCluster = this.#members.map((m) => `${m.id}=${m.peerUrl}`).join(",");
    const token = `ringkv-bench-${process.pid}-${Date.now()}`;
    for (const m of this.#members) {
      const dataDir = join(this.#o.workDir, `${m.id}.data`);
      mkdirSync(dataDir, { recursive: true });
      const args = [
        "--name",
        m.id,
        "--data-dir",
        dataDir,
        "--listen-client-urls",
        m.clientUrl,
        "--advertise-client-urls",
        m.clientUrl,
        "--listen-peer-urls",
        m.peerUrl,
        "--initial-advertise-peer-urls",
        m.peerUrl,
        "--initial-cluster",
        initialCluster,
        "--initial-cluster-state",
        "new",
        "--initial-cluster-token",
        token,
        "--logger",
        "zap",
        "--log-level",
        "warn",
      ];
      this.#o.log(`  $ etcd ${args.join(" ")}`);
      m.child = this.#o.supervisor.spawn(`etcd ${m.id}`, "etcd", args, {
        logFile: join(this.#o.workDir, `${m.id}.log`),
      });
    }
    await waitFor("etcd: one leader seen by every member", () => this.#agreedLeader(), READY_TIMEOUT_MS);
  }

  /** The member every member names as leader; null until they agree. */
  async #agreedLeader(): Promise<Leader | null> {
    const statuses = await Promise.all(
      this.#members.map(async (m) => {
        const r = await request(`${m.clientUrl}/v3/maintenance/status`, {
          method: "POST",
          body: "{}",
          timeoutMs: 3_000,
        });
        if (r.status !== 200) throw new Error(`etcd ${m.id} status: HTTP ${r.status}`);
        const s = JSON.parse(r.body) as {
          header?: { member_id?: string };
          leader?: string;
          raftTerm?: string;
        };
        return {
          member: m,
          self: s.header?.member_id ?? "",
          leader: s.leader ?? "",
          term: Number(s.raftTerm ?? 0),
        };
      }),
    );
    const leaderId = statuses[0]!.leader;
    if (!leaderId || leaderId === "0" || statuses.some((s) => s.leader !== leaderId)) return null;
    const leading = statuses.find((s) => s.self === leaderId);
    return leading ? { id: leading.member.id, url: leading.member.clientUrl, term: leading.term } : null;
  }

  leader(): Promise<Leader> {
    return waitFor("an etcd leader", () => this.#agreedLeader(), 30_000);
  }

  async put(leader: Leader, key: string, value: string): Promise<void> {
    const body = JSON.stringify({ key: base64(key), value: base64(value) });
    const r = await request(`${leader.url}/v3/kv/put`, {
      method: "POST",
      body,
      contentType: "application/json",
    });
    if (r.status !== 200) throw new Error(`etcd put ${key}: HTTP ${r.status} ${r.body.slice(0, 200)}`);
  }

  members(): readonly Member[] {
    return this.#members.flatMap((m) => (m.child ? [{ id: m.id, pid: m.child.pid }] : []));
  }

  urls(): readonly string[] {
    return this.#members.map((m) => m.clientUrl);
  }

  logFiles(): readonly string[] {
    return this.#members.map((m) => join(this.#o.workDir, `${m.id}.log`));
  }

  async stop(): Promise<void> {
    const children = this.#members.flatMap((m) => (m.child ? [m.child] : []));
    await this.#o.supervisor.stopAll(children, STOP_GRACE_MS);
  }
}

function base64(s: string): string {
  return Buffer.from(s, "utf8").toString("base64");
}
