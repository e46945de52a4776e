// A graceful stop (SIGTERM, shared/DESIGN.md §4 "ringkv start"): the process exits 0 promptly,
// and a leader hands its leadership to a caught-up follower first, so the cluster gets a new
// leader at once instead of after an election timeout.
import { describe, expect, it } from "vitest";
import { ELECTION_TIMEOUT_MIN_MS, type NodeProcess, useCluster } from "./harness.ts";
import { errorCode, type HttpReply, httpRequest } from "./http.ts";
import { waitFor } from "./wait-for.ts";

const TEST_TIMEOUT_MS = 120_000;
/**
 * "Promptly": a follower has nothing to hand off, and a leader's handoff takes well under an
 * election timeout; what remains is a flush and closing sockets. 3 s leaves a loaded machine
 * plenty of room and stays clear of `docker stop`'s 10 s before SIGKILL.
 */
const STOP_MS_MAX = 3000;

const running = useCluster({ name: "shutdown", shards: 1 }, TEST_TIMEOUT_MS);

async function put(node: NodeProcess, key: string, value: string): Promise<void> {
  const reply = await httpRequest(node.http, { method: "PUT", path: `/v1/kv/${key}`, body: value });
  expect(reply.status, `PUT ${key} through ${node.id}: ${reply.body.toString()}`).toBe(200);
}

describe("SIGTERM", () => {
  it(
    "a follower exits 0 promptly, and restarts from its data",
    async () => {
      const c = running();
      const leader = await c.reviveAll();
      const [follower] = c.others(leader) as [NodeProcess];
      await put(leader, "term-follower", "before");
      const sentAt = performance.now();
      const exit = await follower.kill("SIGTERM", 30_000);
      const stopMs = Math.round(performance.now() - sentAt);
      console.log(`follower ${follower.id} stopped in ${stopMs} ms with exit code ${exit.code}`);
      expect(exit).toEqual({ code: 0, signal: null });
      expect(stopMs).toBeLessThanOrEqual(STOP_MS_MAX);
      expect(follower.logs("stopped")).toHaveLength(1);
      // The leader was not disturbed.
      expect((await leader.status()).shards[0]?.leader).toBe(leader.id);

      await c.restart(follower);
      await c.waitForHealthy();
      const r = await httpRequest(follower.http, { path: "/v1/kv/term-follower?consistency=stale" });
      expect([r.status, r.body.toString()]).toEqual([200, "before"]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "the leader hands leadership off before it exits 0, faster than an election timeout",
    async () => {
      const c = running();
      const leader = await c.reviveAll();
      const others = c.others(leader);
      const { term } = (await leader.status()).shards[0]!;
      await put(leader, "term-leader", "before");
      const fromLine = others.map((n) => n.lines.length);

      const sentAtWall = Date.now();
      const sentAt = performance.now();
      const exit = await leader.kill("SIGTERM", 30_000);
      const stopMs = Math.round(performance.now() - sentAt);
      expect(exit).toEqual({ code: 0, signal: null });
      expect(stopMs).toBeLessThanOrEqual(STOP_MS_MAX);

      // The old leader says where leadership went, and that it moved before the stop.
      const transfer = leader.logs("leadership transfer").find((l) => l.json?.["group"] === "shard-0");
      expect(transfer?.json).toMatchObject({ moved: true });
      const successor = c.node(String(transfer?.json?.["to"]));
      expect(others).toContain(successor);
      // The successor took over in the next term: elected on the old leader's TimeoutNow, not
      // after its own election timer ran out. Its log's timestamp says how soon.
      const [took] = successor.lines
        .slice(fromLine[others.indexOf(successor)])
        .filter((l) => l.json?.["msg"] === "raft role" && l.json["role"] === "leader");
      expect(took?.json?.["term"]).toBe(term + 1);
      const handoffMs = Number(took?.json?.["time"]) - sentAtWall;
      console.log(
        `leader ${leader.id} stopped in ${stopMs} ms; ${successor.id} leader in term ${term + 1} ` +
          `${handoffMs} ms after SIGTERM (election timeout is at least ${ELECTION_TIMEOUT_MIN_MS} ms)`,
      );
      expect(handoffMs).toBeLessThan(ELECTION_TIMEOUT_MIN_MS);

      const newLeader = await c.waitForLeader({ among: others, timeoutMs: 10_000 });
      expect(newLeader).toBe(successor);
      await put(successor, "term-leader", "after");
      await c.restart(leader);
      await c.waitForHealthy();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "the leader answers every request it took before it exits: applied (200) or certainly not (503), never unknown",
    async () => {
      const c = running();
      const leader = await c.reviveAll();
      const lanes = new Lanes(leader, LANES);
      await waitFor(() => lanes.acknowledged.size >= 100 || null, { timeoutMs: 30_000, what: "load" });
      const exit = await leader.kill("SIGTERM", 30_000);
      await lanes.done;
      console.log(
        `SIGTERM under load: ${lanes.acknowledged.size} acknowledged; last answers ${lanes.summary()}`,
      );
      expect(exit).toEqual({ code: 0, signal: null });
      // A dropped connection or a 504 would leave the client not knowing whether its write applied.
      expect(lanes.unknown).toEqual([]);
      const successor = await c.waitForLeader({ among: c.others(leader), timeoutMs: 10_000 });
      const lost: string[] = [];
      for (const key of lanes.acknowledged) {
        const r = await httpRequest(successor.http, { path: `/v1/kv/${key}` });
        if (r.status !== 200 || r.body.toString() !== key) lost.push(`${key}: ${r.status}`);
      }
      expect(lost).toEqual([]);
      await c.restart(leader);
      await c.waitForHealthy();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "a follower stops within 3 s of SIGTERM: the stop does not wait for peers to close their streams",
    async () => {
      const c = running();
      const leader = await c.reviveAll();
      const [follower] = c.others(leader) as [NodeProcess];
      const sentAt = performance.now();
      const exit = await follower.kill("SIGTERM", 30_000);
      const stopMs = Math.round(performance.now() - sentAt);
      console.log(`follower ${follower.id} stopped in ${stopMs} ms (promised: ${STOP_MS_MAX} ms)`);
      expect(exit).toEqual({ code: 0, signal: null });
      expect(stopMs).toBeLessThanOrEqual(STOP_MS_MAX);
    },
    TEST_TIMEOUT_MS,
  );
});

/** Writer lanes at the node being stopped. */
const LANES = 32;
/** Bounds each lane's loop. */
const LANE_PUTS_MAX = 100_000;

/**
 * `count` lanes putting new keys through `node`, each until its first answer other than 200
 * (the node refusing work as it stops, or the connection failing): then a lane sends no more,
 * so no request of its is in flight when the node closes its sockets.
 */
class Lanes {
  readonly acknowledged = new Set<string>();
  /** Requests whose outcome the client cannot know: no answer, or 504. */
  readonly unknown: string[] = [];
  readonly #last: string[] = [];
  readonly done: Promise<void>;

  constructor(node: NodeProcess, count: number) {
    const lanes: Promise<void>[] = [];
    for (let lane = 0; lane < count; lane++) lanes.push(this.#lane(node, lane));
    this.done = Promise.all(lanes).then(() => {});
  }

  async #lane(node: NodeProcess, lane: number): Promise<void> {
    for (let i = 0; i < LANE_PUTS_MAX; i++) {
      const key = `drain-${lane}-${i}`;
      let reply: HttpReply;
      try {
        reply = await httpRequest(node.http, { method: "PUT", path: `/v1/kv/${key}`, body: key });
      } catch (e) {
        // Refused before sending (the port closed) is certainly not applied; anything else is not known.
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== "ECONNREFUSED") this.unknown.push(`${key}: ${String(e)}`);
        this.#last.push(String(code));
        return;
      }
      if (reply.status === 200) {
        this.acknowledged.add(key);
        continue;
      }
      this.#last.push(`${reply.status} ${errorCode(reply)}`);
      if (reply.status !== 503) this.unknown.push(`${key}: ${reply.status} ${reply.body.toString()}`);
      return;
    }
  }

  /** How the lanes ended, counted. */
  summary(): string {
    const counts = new Map<string, number>();
    for (const last of this.#last) counts.set(last, (counts.get(last) ?? 0) + 1);
    return JSON.stringify(Object.fromEntries(counts));
  }
}
