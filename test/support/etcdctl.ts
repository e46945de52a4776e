// etcdctl (etcd's own command-line client, Debian's etcd-client, v3 API), unchanged, against any
// endpoint that speaks etcd's API: finding it (test/support/ensure-etcdctl.sh installs it when it
// can), running it bounded in time, and one suite of its commands — put, get (single, --prefix,
// --limit, --keys-only, -w json), del --prefix, txn from stdin, watch --prefix while another
// process writes, lease grant/keep-alive/time-to-live/revoke with put --lease, member list,
// endpoint status — that checks what it prints. The suite runs against the in-memory twin
// (test/node/etcd) and against real clusters (test/cluster/etcd-etcdctl.test.ts).
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { waitFor, within } from "../cluster/wait-for.ts";

const ENSURE_ETCDCTL = fileURLToPath(new URL("./ensure-etcdctl.sh", import.meta.url));

/** etcdctl's own bound on each request; it retries Unavailable within it. */
export const ETCDCTL_COMMAND_TIMEOUT_S = 20;
/** The test's bound on one etcdctl run (its command timeout plus start-up on a loaded machine). */
const ETCDCTL_RUN_MS_MAX = (ETCDCTL_COMMAND_TIMEOUT_S + 20) * 1000;

/** etcdctl's path, or why there is none (the tests then skip and say so). */
export function findEtcdctl(): { path: string } | { reason: string } {
  try {
    const path = execFileSync("sh", [ENSURE_ETCDCTL], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return { path: path.trim() };
  } catch (e) {
    const stderr = (e as { stderr?: string }).stderr ?? String(e);
    return { reason: `etcdctl cannot be installed: ${stderr.trim()}` };
  }
}

export interface EtcdctlResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface Etcdctl {
  run(args: readonly string[], options?: { stdin?: string }): Promise<EtcdctlResult>;
  /** Run and expect exit 0; resolves with stdout. */
  ok(args: readonly string[], options?: { stdin?: string }): Promise<string>;
  /** Start a long-running command (watch); its stdout so far is in `output()`. */
  start(args: readonly string[]): { output(): string; stop(): Promise<void> };
}

export function etcdctlAt(
  path: string,
  endpoints: () => readonly string[],
  extra: readonly string[] = [],
): Etcdctl {
  const argv = (args: readonly string[]): string[] => [
    `--endpoints=${endpoints().join(",")}`,
    `--command-timeout=${ETCDCTL_COMMAND_TIMEOUT_S}s`,
    ...extra,
    ...args,
  ];
  const spawnIt = (args: readonly string[]): ChildProcess =>
    spawn(path, argv(args), { env: { ...process.env, ETCDCTL_API: "3" }, stdio: ["pipe", "pipe", "pipe"] });
  const run = async (args: readonly string[], options: { stdin?: string } = {}): Promise<EtcdctlResult> => {
    const child = spawnIt(args);
    let stdout = "";
    let stderr = "";
    child.stdout?.setEncoding("utf8").on("data", (c: string) => {
      stdout += c;
    });
    child.stderr?.setEncoding("utf8").on("data", (c: string) => {
      stderr += c;
    });
    child.stdin?.end(options.stdin ?? "");
    const code = await within(
      new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c))),
      { timeoutMs: ETCDCTL_RUN_MS_MAX, what: `etcdctl ${args.join(" ")}` },
    ).catch((e: unknown) => {
      child.kill("SIGKILL");
      throw e;
    });
    return { code, stdout, stderr };
  };
  return {
    run,
    async ok(args, options) {
      const result = await run(args, options);
      if (result.code !== 0) {
        throw new Error(`etcdctl ${args.join(" ")} exited ${result.code}: ${result.stderr.slice(-2000)}`);
      }
      return result.stdout;
    },
    start(args) {
      const child = spawnIt(args);
      let stdout = "";
      child.stdout?.setEncoding("utf8").on("data", (c: string) => {
        stdout += c;
      });
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      return {
        output: () => stdout,
        stop: async () => {
          child.kill("SIGTERM");
          await within(exited, { timeoutMs: 10_000, what: "etcdctl to stop" });
        },
      };
    },
  };
}

/** etcdctl's hex member id of `id` (ringkv's FNV-derived id, printed as etcd does). */
const hexId = (id: number): string => id.toString(16);

export interface EtcdctlSuiteOptions {
  readonly etcdctl: () => Etcdctl;
  /** Every member's ringkv id → its etcd id (for member list and endpoint status). */
  readonly members: () => readonly {
    readonly name: string;
    readonly etcdId: number;
    readonly addr: string;
  }[];
  /** Key prefix, so two runs against one store do not meet. */
  readonly prefix: string;
  readonly timeoutMs: number;
}

/** The etcdctl suite, as `it`s of the caller's describe. */
export function etcdctlSuite(options: EtcdctlSuiteOptions): void {
  const ctl = (): Etcdctl => options.etcdctl();
  const k = (name: string): string => `${options.prefix}${name}`;
  const t = options.timeoutMs;

  it("put, then get prints the key and its value", { timeout: t }, async () => {
    expect(await ctl().ok(["put", k("foo"), "bar"])).toBe("OK\n");
    expect(await ctl().ok(["get", k("foo")])).toBe(`${k("foo")}\nbar\n`);
    // An absent key prints nothing and exits 0, as etcd does.
    expect(await ctl().ok(["get", k("absent")])).toBe("");
  });

  it("get --prefix, --limit, --keys-only and -w json", { timeout: t }, async () => {
    for (const [name, value] of [
      ["p/a", "1"],
      ["p/b", "2"],
      ["p/c", "3"],
      ["q", "4"],
    ] as const) {
      await ctl().ok(["put", k(name), value]);
    }
    expect(await ctl().ok(["get", "--prefix", k("p/")])).toBe(
      `${k("p/a")}\n1\n${k("p/b")}\n2\n${k("p/c")}\n3\n`,
    );
    expect(await ctl().ok(["get", "--prefix", k("p/"), "--limit", "2"])).toBe(
      `${k("p/a")}\n1\n${k("p/b")}\n2\n`,
    );
    expect(await ctl().ok(["get", "--prefix", k("p/"), "--keys-only"])).toBe(
      `${k("p/a")}\n\n${k("p/b")}\n\n${k("p/c")}\n\n`,
    );
    const json = JSON.parse(await ctl().ok(["get", "--prefix", k("p/"), "--limit", "2", "-w", "json"])) as {
      header: { revision: number; member_id: number };
      kvs: { key: string; value: string; create_revision: number; mod_revision: number; version: number }[];
      more: boolean;
      count: number;
    };
    const text = (b64: string): string => Buffer.from(b64, "base64").toString();
    expect(json.kvs.map((kv) => [text(kv.key), text(kv.value), kv.version])).toEqual([
      [k("p/a"), "1", 1],
      [k("p/b"), "2", 1],
    ]);
    expect(json.more).toBe(true);
    expect(json.count).toBe(3);
    for (const kv of json.kvs) {
      expect(kv.create_revision).toBe(kv.mod_revision);
      expect(json.header.revision).toBeGreaterThanOrEqual(kv.mod_revision);
    }
  });

  it("del --prefix prints how many keys it deleted", { timeout: t }, async () => {
    for (const name of ["d/1", "d/2", "d/3"]) await ctl().ok(["put", k(name), "x"]);
    expect(await ctl().ok(["del", "--prefix", k("d/")])).toBe("3\n");
    expect(await ctl().ok(["get", "--prefix", k("d/")])).toBe("");
    expect(await ctl().ok(["del", k("d/1")])).toBe("0\n");
  });

  it("txn from stdin takes the success branch, then the failure branch", { timeout: t }, async () => {
    await ctl().ok(["put", k("t"), "old"]);
    const txn = (compare: string): string =>
      `value("${k("t")}") = "${compare}"\n\nput ${k("t")} new\n\nget ${k("t")}\n\n`;
    expect(await ctl().ok(["txn"], { stdin: txn("old") })).toBe("SUCCESS\n\nOK\n");
    expect(await ctl().ok(["txn"], { stdin: txn("old") })).toBe(`FAILURE\n\n${k("t")}\nnew\n`);
  });

  it("watch --prefix prints the changes another process makes", { timeout: t }, async () => {
    const watch = ctl().start(["watch", "--prefix", k("w/")]);
    try {
      // etcdctl prints nothing when its watch is created: write until the first change shows,
      // then the next ones must follow in order.
      // Wait for the last ready put written, not any: an earlier one's event seen while a later
      // one is still on its way would print after `before`.
      let attempt = 0;
      let last = "";
      await waitFor(
        async () => {
          if (last !== "" && watch.output().includes(`${k("w/ready")}\n${last}\n`)) return true;
          last = `r${attempt++}`;
          await ctl().ok(["put", k("w/ready"), last]);
          return false;
        },
        { timeoutMs: t / 2, intervalMs: 200, what: "the watch to see the last ready put" },
      );
      const before = watch.output().length;
      await ctl().ok(["put", k("w/1"), "a"]);
      await ctl().ok(["put", k("other"), "not watched"]);
      await ctl().ok(["del", k("w/1")]);
      // A delete prints the key and an empty value.
      const expected = `PUT\n${k("w/1")}\na\nDELETE\n${k("w/1")}\n\n`;
      await waitFor(
        () =>
          watch
            .output()
            .slice(before)
            .includes(`DELETE\n${k("w/1")}\n\n`),
        {
          timeoutMs: t / 4,
          what: "the watch to print a put and a delete",
        },
      );
      expect(watch.output().slice(before)).toBe(expected);
    } finally {
      await watch.stop();
    }
  });

  it("lease grant, put --lease, keep-alive --once, timetolive --keys, revoke", { timeout: t }, async () => {
    const granted = await ctl().ok(["lease", "grant", "60"]);
    const id = /^lease ([0-9a-f]+) granted with TTL\(60s\)$/.exec(granted.trim())?.[1];
    expect(id, granted).toBeDefined();
    await ctl().ok(["put", "--lease", id!, k("leased"), "x"]);
    expect(await ctl().ok(["lease", "keep-alive", "--once", id!])).toBe(
      `lease ${id} keepalived with TTL(60)\n`,
    );
    const ttl = await ctl().ok(["lease", "timetolive", "--keys", id!]);
    expect(ttl).toMatch(
      new RegExp(
        `^lease ${id} granted with TTL\\(60s\\), remaining\\(\\d+s\\), attached keys\\(\\[${k("leased")}\\]\\)`,
      ),
    );
    expect(await ctl().ok(["lease", "list"])).toContain(id!);
    expect(await ctl().ok(["lease", "revoke", id!])).toBe(`lease ${id} revoked\n`);
    expect(await ctl().ok(["get", k("leased")])).toBe("");
    const again = await ctl().run(["lease", "revoke", id!]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain("etcdserver: requested lease not found");
  });

  it("member list names every member with its etcd id and URLs", { timeout: t }, async () => {
    const lines = (await ctl().ok(["member", "list"])).trim().split("\n").sort();
    const expected = options
      .members()
      .map((m) => `${hexId(m.etcdId)}, started, ${m.name}, http://${m.addr}, http://${m.addr}, false`)
      .sort();
    expect(lines).toEqual(expected);
  });

  it("endpoint status reports the etcd API version and the member's id", { timeout: t }, async () => {
    const out = await ctl().ok(["endpoint", "status", "-w", "json"]);
    const status = JSON.parse(out) as {
      Endpoint: string;
      Status: { header: { member_id: number }; version: string; leader: number };
    }[];
    const ids = new Set(options.members().map((m) => m.etcdId));
    expect(status.length).toBeGreaterThan(0);
    for (const s of status) {
      expect(s.Status.version).toBe("3.4.0");
      expect(ids.has(s.Status.header.member_id)).toBe(true);
      expect(ids.has(s.Status.leader)).toBe(true);
    }
  });
}
