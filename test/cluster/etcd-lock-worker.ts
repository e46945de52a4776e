// One contender of the etcd3 lock test (etcd-etcd3.test.ts), run as its own process: the etcd3
// npm client, unchanged, increments a shared counter `count` times under its Lock recipe. The
// counter is a JSON list of increment ids, so the test can tell a lost update (an id missing) from
// a repeated one (an id twice).
//
// Inside the lock the write is fenced, as etcd's own concurrency.Mutex does: a txn that puts the
// counter only if the lock key is still held by this lock's lease. A write that timed out when a
// node died may still apply later; the fence makes a late one fail instead of overwriting a
// successor's update. A failed increment is tried again (bounded), and a retry whose id is
// already in the list — the earlier attempt landed — adds nothing.
//
//   node --import tsx etcd-lock-worker.ts '{"hosts":[…],"worker":"w1","count":10,"lockKey":"…","counterKey":"…"}'
import { Etcd3 } from "etcd3";

interface WorkerArgs {
  readonly hosts: readonly string[];
  readonly worker: string;
  readonly count: number;
  readonly lockKey: string;
  readonly counterKey: string;
}

/** Attempts of one increment before the worker gives up (and exits non-zero). */
const ATTEMPTS_MAX = 1000;
/** The lock's lease: a contender that dies holds it at most this long. */
const LOCK_TTL_S = 5;
/** Backoff between attempts, randomised so contenders do not move in step. */
const BACKOFF_MS_MAX = 100;

const args = JSON.parse(process.argv[2] ?? "{}") as WorkerArgs;
const client = new Etcd3({ hosts: [...args.hosts], dialTimeout: 2000 });

async function incrementOnce(id: string): Promise<void> {
  const lock = client.lock(args.lockKey).ttl(LOCK_TTL_S);
  await lock.do(async () => {
    const leaseId = await lock.leaseId();
    if (leaseId === null) throw new Error("lock held without a lease");
    const current = await client.get(args.counterKey).string();
    const ids = current === null ? [] : (JSON.parse(current) as string[]);
    if (ids.includes(id)) return;
    ids.push(id);
    const fenced = await client
      .if(args.lockKey, "Lease", "==", leaseId)
      .then(client.put(args.counterKey).value(JSON.stringify(ids)))
      .commit();
    if (!fenced.succeeded) throw new Error("the lock was lost before the write");
  });
}

async function main(): Promise<void> {
  for (let seq = 0; seq < args.count; seq++) {
    const id = `${args.worker}-${seq}`;
    for (let attempt = 1; ; attempt++) {
      try {
        await incrementOnce(id);
        break;
      } catch (e) {
        if (attempt >= ATTEMPTS_MAX) throw e;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * BACKOFF_MS_MAX));
      }
    }
    process.stdout.write(`${id}\n`);
  }
}

main().then(
  () => {
    client.close();
    process.exit(0);
  },
  (e: unknown) => {
    process.stderr.write(`${args.worker} gave up: ${e instanceof Error ? e.message : String(e)}\n`);
    client.close();
    process.exit(1);
  },
);
