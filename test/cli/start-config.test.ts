import { describe, expect, test } from "vitest";
import {
  CONFIG_FILE_KEYS,
  envName,
  parseConfigFile,
  resolveStartConfig,
  type StartConfigInput,
  withoutStartEnv,
} from "../../cli/start-config.ts";
import { RingkvError } from "../../src/api/errors.ts";
import { NODE_DEFAULTS } from "../../src/node/config.ts";

const REQUIRED = { id: "n1", listen: "127.0.0.1:7001", data: "/d" };
const FILE = "/etc/ringkv/n1.yaml";

function refusal(input: StartConfigInput): RingkvError {
  try {
    resolveStartConfig(input);
  } catch (e) {
    if (e instanceof RingkvError) return e;
    throw e;
  }
  throw new Error("resolveStartConfig accepted it");
}

describe("resolveStartConfig: precedence flag > env > file > default", () => {
  test("each value from the highest source that sets it, and that source named", () => {
    const { config, from } = resolveStartConfig({
      flags: { id: "n1", listen: "127.0.0.1:7101" },
      env: { RINGKV_LISTEN: "127.0.0.1:7201", RINGKV_HTTP: "127.0.0.1:8201", RINGKV_ADDR: "ignored:1" },
      file: {
        path: FILE,
        content: {
          listen: "127.0.0.1:7301",
          http: "127.0.0.1:8301",
          data: "/var/lib/ringkv",
          shards: 8,
          bootstrap: true,
        },
      },
    });
    expect(config).toMatchObject({
      id: "n1",
      listen: "127.0.0.1:7101",
      http: "127.0.0.1:8201",
      data: "/var/lib/ringkv",
      bootstrap: true,
      shards: 8,
      logLevel: "info",
    });
    expect(from).toMatchObject({
      id: "flag --id",
      listen: "flag --listen",
      http: "env RINGKV_HTTP",
      data: `config file ${FILE}`,
      bootstrap: `config file ${FILE}`,
      logLevel: "default",
    });
    expect(config.advertise).toBeUndefined();
  });

  test("every flag has its environment variable, typed as on the command line", () => {
    const { config, from } = resolveStartConfig({
      flags: {},
      env: {
        RINGKV_ID: "n2",
        RINGKV_LISTEN: "0.0.0.0:7002",
        RINGKV_ADVERTISE: "n2.example:7002",
        RINGKV_HTTP: "0.0.0.0:8002",
        RINGKV_ADVERTISE_HTTP: "n2.example:8002",
        RINGKV_DATA: "/d2",
        RINGKV_BOOTSTRAP: "true",
        RINGKV_SHARDS: "32",
        RINGKV_REPLICAS: "5",
        RINGKV_LOG_LEVEL: "debug",
      },
    });
    expect(config).toMatchObject({
      id: "n2",
      listen: "0.0.0.0:7002",
      advertise: "n2.example:7002",
      http: "0.0.0.0:8002",
      advertiseHttp: "n2.example:8002",
      data: "/d2",
      bootstrap: true,
      shards: 32,
      replicas: 5,
      logLevel: "debug",
    });
    expect(from.advertiseHttp).toBe("env RINGKV_ADVERTISE_HTTP");
    expect(envName("--advertise-http")).toBe("RINGKV_ADVERTISE_HTTP");
  });

  test("join: comma-separated in env and flags, a list (or that string) in the file", () => {
    const fromEnv = resolveStartConfig({ flags: REQUIRED, env: { RINGKV_JOIN: "h1:7001, h2:7002" } });
    expect(fromEnv.config.join).toEqual(["h1:7001", "h2:7002"]);
    const fromFile = resolveStartConfig({
      flags: REQUIRED,
      env: {},
      file: { path: FILE, content: { join: ["h3:1"] } },
    });
    expect(fromFile.config.join).toEqual(["h3:1"]);
    const fromFileText = resolveStartConfig({
      flags: REQUIRED,
      env: {},
      file: { path: FILE, content: { join: "h3:1,h4:2" } },
    });
    expect(fromFileText.config.join).toEqual(["h3:1", "h4:2"]);
  });

  test("an empty environment variable counts as unset", () => {
    const { config } = resolveStartConfig({
      flags: REQUIRED,
      env: { RINGKV_JOIN: "" },
      file: { path: FILE, content: { http: "127.0.0.1:8001" } },
    });
    expect(config.join).toBeUndefined();
  });

  test("RINGKV_BOOTSTRAP=false overrides the file's bootstrap: true", () => {
    const { config } = resolveStartConfig({
      flags: REQUIRED,
      env: { RINGKV_BOOTSTRAP: "false" },
      file: { path: FILE, content: { bootstrap: true } },
    });
    expect(config.bootstrap).toBe(false);
  });

  test("settings: the file's, then RINGKV_SETTINGS per setting, over the defaults", () => {
    const { config, from } = resolveStartConfig({
      flags: REQUIRED,
      env: { RINGKV_SETTINGS: JSON.stringify({ tickMs: 50 }) },
      file: { path: FILE, content: { settings: { tickMs: 200, deadMemberTimeoutMs: 5000 } } },
    });
    expect(config.settings).toEqual({ ...NODE_DEFAULTS, tickMs: 50, deadMemberTimeoutMs: 5000 });
    expect(from.settings.tickMs).toBe("env RINGKV_SETTINGS");
    expect(from.settings.deadMemberTimeoutMs).toBe(`config file ${FILE}`);
    expect(from.settings.electionTicks).toBe("default");
  });

  test("a config file with no settings at all (empty YAML) is accepted", () => {
    const { config } = resolveStartConfig({ flags: REQUIRED, env: {}, file: { path: FILE, content: null } });
    expect(config.settings).toEqual(NODE_DEFAULTS);
  });
});

describe("resolveStartConfig refuses, naming the setting and its source", () => {
  test.each([
    [
      "an unknown key in the file",
      { flags: REQUIRED, env: {}, file: { path: FILE, content: { listn: "h:1" } } },
      `config file ${FILE}: unknown key "listn"`,
    ],
    [
      "a wrong type in the file",
      { flags: REQUIRED, env: {}, file: { path: FILE, content: { shards: "8", bootstrap: true } } },
      `config file ${FILE}, key shards: expected an integer, got a string`,
    ],
    [
      "a boolean written as text in the file",
      { flags: REQUIRED, env: {}, file: { path: FILE, content: { bootstrap: "yes" } } },
      `config file ${FILE}, key bootstrap: expected true or false, got a string`,
    ],
    [
      "a bad address in the environment",
      { flags: { id: "n1", data: "/d" }, env: { RINGKV_LISTEN: "localhost" } },
      'env RINGKV_LISTEN: invalid address "localhost": want HOST:PORT',
    ],
    [
      "a bad address in a join list in the file",
      { flags: REQUIRED, env: {}, file: { path: FILE, content: { join: ["h:1", "h"] } } },
      `config file ${FILE}, key join: invalid address "h"`,
    ],
    [
      "a flag out of range",
      { flags: { ...REQUIRED, bootstrap: true, replicas: "10" }, env: {} },
      "flag --replicas: expected an integer from 1 to 9, got 10",
    ],
    [
      "an unknown log level",
      { flags: REQUIRED, env: { RINGKV_LOG_LEVEL: "verbose" } },
      "env RINGKV_LOG_LEVEL: 'verbose' is invalid; expected one of fatal, error, warn, info, debug, trace, silent",
    ],
    [
      "a missing required value",
      { flags: { id: "n1", listen: "h:1" }, env: {} },
      "data: required: give --data, RINGKV_DATA or `data:` in the --config file",
    ],
    [
      "bootstrap and join together, from different sources",
      { flags: { ...REQUIRED, bootstrap: true }, env: { RINGKV_JOIN: "h:1" } },
      "bootstrap (flag --bootstrap): excludes join (env RINGKV_JOIN)",
    ],
    [
      "shards without bootstrap",
      { flags: REQUIRED, env: {}, file: { path: FILE, content: { shards: 4 } } },
      `shards (config file ${FILE}): applies only with bootstrap`,
    ],
    [
      "an advertised HTTP address without an HTTP server",
      { flags: { ...REQUIRED, advertiseHttp: "h:8001" }, env: {} },
      "advertiseHttp (flag --advertise-http): needs http",
    ],
    [
      "a file that is not a mapping",
      { flags: REQUIRED, env: {}, file: { path: FILE, content: ["listen"] } },
      `config file ${FILE}: expected a mapping of settings, got a list`,
    ],
    [
      "an unknown node setting in the file",
      { flags: REQUIRED, env: {}, file: { path: FILE, content: { settings: { tickMillis: 5 } } } },
      `config file ${FILE}, key settings: unknown setting tickMillis`,
    ],
    [
      "a node setting breaking its rule in the file",
      { flags: REQUIRED, env: {}, file: { path: FILE, content: { settings: { electionTicks: 2.5 } } } },
      `setting electionTicks must be an integer ≥ 1, got 2.5 (electionTicks from config file ${FILE})`,
    ],
    [
      "settings contradicting each other across sources",
      {
        flags: REQUIRED,
        env: { RINGKV_SETTINGS: '{"heartbeatTicks": 12}' },
        file: { path: FILE, content: { settings: { electionTicks: 12 } } },
      },
      `setting heartbeatTicks (12) must be below electionTicks (12) (electionTicks from config file ${FILE}, heartbeatTicks from env RINGKV_SETTINGS)`,
    ],
    [
      "RINGKV_SETTINGS not JSON",
      { flags: REQUIRED, env: { RINGKV_SETTINGS: "{" } },
      "env RINGKV_SETTINGS: not JSON",
    ],
  ] satisfies [string, StartConfigInput, string][])("%s", (_, input, message) => {
    const e = refusal(input);
    expect(e.code).toBe("InvalidArgument");
    expect(e.mapping.exit).toBe(2);
    expect(e.message).toContain(message);
  });

  test("settings that only work together are accepted together (each is not checked alone)", () => {
    const { config } = resolveStartConfig({
      flags: REQUIRED,
      env: {},
      file: { path: FILE, content: { settings: { heartbeatTicks: 12, electionTicks: 20 } } },
    });
    expect([config.settings.heartbeatTicks, config.settings.electionTicks]).toEqual([12, 20]);
  });
});

describe("parseConfigFile", () => {
  test("YAML by default, JSON for .json, and YAML reads JSON text under any other name", () => {
    expect(parseConfigFile("a.yaml", "listen: h:1\njoin:\n  - h:2\n")).toEqual({
      listen: "h:1",
      join: ["h:2"],
    });
    expect(parseConfigFile("a.json", '{"listen": "h:1"}')).toEqual({ listen: "h:1" });
    expect(parseConfigFile("a.conf", '{"listen": "h:1"}')).toEqual({ listen: "h:1" });
  });

  test("YAML 1.2: yes is a string, so `bootstrap: yes` is refused rather than guessed", () => {
    const content = parseConfigFile("a.yml", "bootstrap: yes\n");
    expect(content).toEqual({ bootstrap: "yes" });
  });

  test("a syntax error or a duplicate key is refused naming the file", () => {
    expect(() => parseConfigFile("bad.json", "{listen:")).toThrow(/^config file bad\.json: not valid JSON/);
    expect(() => parseConfigFile("dup.yaml", "listen: h:1\nlisten: h:2\n")).toThrow(
      /^config file dup\.yaml: not valid YAML: Map keys must be unique at line 2, column 1$/,
    );
  });

  test("the file keys are the flags in camelCase plus settings", () => {
    expect(CONFIG_FILE_KEYS).toEqual([
      "id",
      "listen",
      "advertise",
      "http",
      "advertiseHttp",
      "data",
      "bootstrap",
      "shards",
      "replicas",
      "join",
      "logLevel",
      "cert",
      "key",
      "ca",
      "clientCertAuth",
      "peerCert",
      "peerKey",
      "peerCa",
      "insecure",
      "authFile",
      "peerToken",
      "settings",
    ]);
  });
});

describe("withoutStartEnv (the environment of the nodes `ringkv dev` starts)", () => {
  test("drops every start variable and RINGKV_CONFIG, keeps RINGKV_SETTINGS and the rest", () => {
    const env = {
      PATH: "/bin",
      RINGKV_ADDR: "h:1",
      RINGKV_SETTINGS: "{}",
      RINGKV_CONFIG: "/etc/ringkv.yaml",
      RINGKV_ADVERTISE: "prod:7001",
      RINGKV_ADVERTISE_HTTP: "prod:8001",
      RINGKV_JOIN: "prod:7002",
      RINGKV_BOOTSTRAP: "true",
      RINGKV_LOG_LEVEL: "debug",
    };
    expect(withoutStartEnv(env)).toEqual({ PATH: "/bin", RINGKV_ADDR: "h:1", RINGKV_SETTINGS: "{}" });
  });
});
