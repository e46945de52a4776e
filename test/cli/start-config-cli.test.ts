// `ringkv start --config` as a user runs it: a real process reading a real YAML file, overridden
// by an environment variable and a flag, inspected through --print-config (which starts nothing).
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ringkv } from "./run-cli.ts";

// Real processes (tsx compiles the CLI on start-up): slow on a loaded machine. Port 1 is never
// bound: nothing here listens.
describe("ringkv start --config", { timeout: 120_000 }, () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "ringkv-config-"));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  test.concurrent("--print-config: flag > env > file > default, each source named, nothing started", async () => {
    const file = join(root, "n1.yaml");
    const data = join(root, "n1-data");
    await writeFile(
      file,
      [
        "# a node's configuration",
        "id: n1",
        "listen: 127.0.0.1:7101",
        "http: 127.0.0.1:8101",
        `data: ${data}`,
        "bootstrap: true",
        "shards: 8",
        "logLevel: warn",
        "settings:",
        "  deadMemberTimeoutMs: 30000",
        "",
      ].join("\n"),
    );
    const run = await ringkv(["start", "--config", file, "--listen", "127.0.0.1:1", "--print-config"], {
      RINGKV_HTTP: "127.0.0.1:8201",
      RINGKV_ADVERTISE_HTTP: "n1.example:80",
      RINGKV_SETTINGS: '{"tickMs": 50}',
    });
    expect([run.code, run.stderr]).toEqual([0, ""]);
    const printed = JSON.parse(run.stdout) as {
      config: Record<string, unknown> & { settings: Record<string, number> };
      from: Record<string, unknown> & { settings: Record<string, string> };
    };
    expect(printed.config).toMatchObject({
      id: "n1",
      listen: "127.0.0.1:1",
      http: "127.0.0.1:8201",
      advertiseHttp: "n1.example:80",
      data,
      bootstrap: true,
      shards: 8,
      logLevel: "warn",
    });
    expect(printed.config.settings).toMatchObject({
      deadMemberTimeoutMs: 30_000,
      tickMs: 50,
      electionTicks: 10,
    });
    expect(printed.from).toMatchObject({
      id: `config file ${file}`,
      listen: "flag --listen",
      http: "env RINGKV_HTTP",
      advertiseHttp: "env RINGKV_ADVERTISE_HTTP",
      logLevel: `config file ${file}`,
    });
    expect(printed.from.settings).toMatchObject({
      deadMemberTimeoutMs: `config file ${file}`,
      tickMs: "env RINGKV_SETTINGS",
      electionTicks: "default",
    });
    expect(await readdir(root)).not.toContain("n1-data");
  });

  test.concurrent("RINGKV_CONFIG names the file when --config is not given", async () => {
    const file = join(root, "env.json");
    await writeFile(file, JSON.stringify({ id: "n9", listen: "127.0.0.1:1", data: join(root, "n9-data") }));
    const run = await ringkv(["start", "--print-config"], { RINGKV_CONFIG: file });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      config: { id: "n9" },
      from: { id: `config file ${file}` },
    });
  });

  test.concurrent("an unknown key in the file: exit 2, the file and the key named, nothing created", async () => {
    const file = join(root, "typo.yaml");
    await writeFile(
      file,
      `id: n1\nlisten: 127.0.0.1:1\ndataDir: ${join(root, "typo-data")}\nbootstrap: true\n`,
    );
    const run = await ringkv(["start", "--config", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      new RegExp(
        `^error: InvalidArgument: config file ${file.replaceAll(".", "\\.")}: unknown key "dataDir" \\(known: `,
        "m",
      ),
    );
    expect(await readdir(root)).not.toContain("typo-data");
  });

  test.concurrent("a bad value from the environment: exit 2, the variable named", async () => {
    const run = await ringkv(["start", "--id", "n1", "--listen", "127.0.0.1:1", "--data", join(root, "x")], {
      RINGKV_REPLICAS: "3",
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "error: InvalidArgument: replicas (env RINGKV_REPLICAS): applies only with bootstrap",
    );
  });

  test.concurrent("a config file that does not exist: exit 2, the path named", async () => {
    const run = await ringkv(["start", "--config", join(root, "absent.yaml"), "--print-config"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`flag --config: cannot read config file ${join(root, "absent.yaml")}`);
  });
});
