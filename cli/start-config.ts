// The configuration of `ringkv start`, as etcd users know it: every flag can also come from an
// environment variable RINGKV_<FLAG_IN_UPPER_SNAKE> and from a config file (YAML or JSON) whose
// keys are the flags in camelCase, plus `settings:` for node settings (src/node/config.ts).
// Precedence: flag > env > file > default. Pure: the caller reads the file and the environment,
// so every rule here is tested without a process (test/cli/start-config.test.ts).
import { parse as parseYaml } from "yaml";
import { RingkvError } from "../src/api/errors.ts";
import { parseAddress } from "../src/client/address.ts";
import { NODE_DEFAULTS, type NodeSettings, validateNodeSettings } from "../src/node/config.ts";
import type { NodeTlsOptions } from "../src/node/tls/node-tls.ts";

/** pino's levels; anything else is refused naming these. */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Largest --shards a new cluster may have. */
export const SHARDS_MAX = 4096;
/** Largest --replicas per shard (a Raft group of more is slower, not safer). */
export const REPLICAS_MAX = 9;

/**
 * The effective configuration of one `ringkv start`; its TLS part (src/node/tls/node-tls.ts) is
 * paths to PEM files, checked when the node starts.
 */
export interface StartConfig extends NodeTlsOptions {
  readonly id: string;
  readonly listen: string;
  readonly advertise?: string;
  readonly http?: string;
  readonly advertiseHttp?: string;
  readonly data: string;
  readonly bootstrap: boolean;
  readonly shards?: number;
  readonly replicas?: number;
  readonly join?: readonly string[];
  readonly logLevel: LogLevel;
  /** Plaintext on a non-loopback address is allowed (src/node/tls/exposure.ts). */
  readonly insecure?: boolean;
  // ─── authentication (src/node/auth) ───
  /** The token file; auth is off without one. */
  readonly authFile?: string;
  /** The admin token this node presents to its peers (never printed: see redactSecrets). */
  readonly peerToken?: string;
  /** Every node setting, defaults included. */
  readonly settings: NodeSettings;
}

type FlagKey = Exclude<keyof StartConfig, "settings">;

/** Where each value came from: "flag --listen", "env RINGKV_LISTEN", "file PATH" or "default". */
export type StartConfigSources = { readonly [K in FlagKey]?: string } & {
  readonly settings: { readonly [K in keyof NodeSettings]: string };
};

export interface ResolvedStartConfig {
  readonly config: StartConfig;
  readonly from: StartConfigSources;
}

export interface StartConfigInput {
  /** The start flags given on the command line, as typed (--bootstrap: true), by camelCase name. */
  readonly flags: Readonly<Record<string, string | boolean | undefined>>;
  /** The process environment; only the RINGKV_* names below are read. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The config file, parsed (parseConfigFile), if one was given. */
  readonly file?: { readonly path: string; readonly content: unknown };
}

type Kind = "text" | "address" | "addressList" | "boolean" | "shards" | "replicas" | "logLevel";

/** The start flags, in help order; the file key is the name, the env var derives from the flag. */
const KEYS: readonly { readonly name: FlagKey; readonly flag: string; readonly kind: Kind }[] = [
  { name: "id", flag: "--id", kind: "text" },
  { name: "listen", flag: "--listen", kind: "address" },
  { name: "advertise", flag: "--advertise", kind: "address" },
  { name: "http", flag: "--http", kind: "address" },
  { name: "advertiseHttp", flag: "--advertise-http", kind: "address" },
  { name: "data", flag: "--data", kind: "text" },
  { name: "bootstrap", flag: "--bootstrap", kind: "boolean" },
  { name: "shards", flag: "--shards", kind: "shards" },
  { name: "replicas", flag: "--replicas", kind: "replicas" },
  { name: "join", flag: "--join", kind: "addressList" },
  { name: "logLevel", flag: "--log-level", kind: "logLevel" },
  // TLS: one block, kept together.
  { name: "cert", flag: "--cert", kind: "text" },
  { name: "key", flag: "--key", kind: "text" },
  { name: "ca", flag: "--ca", kind: "text" },
  { name: "clientCertAuth", flag: "--client-cert-auth", kind: "boolean" },
  { name: "peerCert", flag: "--peer-cert", kind: "text" },
  { name: "peerKey", flag: "--peer-key", kind: "text" },
  { name: "peerCa", flag: "--peer-ca", kind: "text" },
  { name: "insecure", flag: "--insecure", kind: "boolean" },
  // Authentication: off unless authFile is given.
  { name: "authFile", flag: "--auth-file", kind: "text" },
  { name: "peerToken", flag: "--peer-token", kind: "text" },
];

/** What --print-config shows instead of a secret. */
export const REDACTED = "(redacted)";

/** The configuration fit to print: secrets replaced by REDACTED (their sources stay). */
export function redactSecrets(resolved: ResolvedStartConfig): ResolvedStartConfig {
  if (resolved.config.peerToken === undefined) return resolved;
  return { ...resolved, config: { ...resolved.config, peerToken: REDACTED } };
}

/** The config file's keys: the flags in camelCase, and `settings`. */
export const CONFIG_FILE_KEYS: readonly string[] = [...KEYS.map((k) => k.name), "settings"];

/** RINGKV_<FLAG_IN_UPPER_SNAKE>: --advertise-http → RINGKV_ADVERTISE_HTTP. */
export function envName(flag: string): string {
  return `RINGKV_${flag.replace(/^--/, "").replaceAll("-", "_").toUpperCase()}`;
}

/** The config file's path may come from the environment too (flag --config wins). */
export const CONFIG_ENV = "RINGKV_CONFIG";
/** A JSON object of node settings; kept from before config files existed, and wins over the file. */
export const SETTINGS_ENV = "RINGKV_SETTINGS";

/**
 * The environment without the start configuration (RINGKV_<FLAG>, RINGKV_CONFIG), for the nodes
 * `ringkv dev` starts: its flags say all it means, and a variable exported for one production
 * node (RINGKV_ADVERTISE, RINGKV_JOIN…) would otherwise reach all of them. RINGKV_SETTINGS stays:
 * tuning a dev cluster through it is intended.
 */
export function withoutStartEnv(
  env: Readonly<Record<string, string | undefined>>,
): Record<string, string | undefined> {
  const dropped = new Set([CONFIG_ENV, ...KEYS.map((k) => envName(k.flag))]);
  return Object.fromEntries(Object.entries(env).filter(([name]) => !dropped.has(name)));
}

type Value = string | boolean | number | readonly string[];

function refuse(origin: string, problem: string): never {
  throw new RingkvError("InvalidArgument", `${origin}: ${problem}`);
}

function checkedAddress(origin: string, text: string): string {
  try {
    parseAddress(text);
    return text;
  } catch (e) {
    return refuse(origin, e instanceof Error ? e.message : String(e));
  }
}

function checkedInteger(origin: string, value: number, kind: "shards" | "replicas"): number {
  const max = kind === "shards" ? SHARDS_MAX : REPLICAS_MAX;
  if (!Number.isSafeInteger(value) || value < 1 || value > max) {
    refuse(origin, `expected an integer from 1 to ${max}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function checkedLevel(origin: string, text: string): LogLevel {
  const level = LOG_LEVELS.find((l) => l === text);
  if (level === undefined) refuse(origin, `'${text}' is invalid; expected one of ${LOG_LEVELS.join(", ")}`);
  return level;
}

function checkedText(origin: string, text: string): string {
  if (text.trim() === "") refuse(origin, "must not be empty");
  return text;
}

/** A value typed on the command line or in an environment variable. */
function fromText(origin: string, kind: Kind, text: string): Value {
  switch (kind) {
    case "text":
      return checkedText(origin, text);
    case "address":
      return checkedAddress(origin, text);
    case "addressList": {
      const list = text
        .split(",")
        .map((a) => a.trim())
        .filter((a) => a !== "");
      if (list.length === 0) refuse(origin, "expected HOST:PORT[,HOST:PORT…]");
      return list.map((a) => checkedAddress(origin, a));
    }
    case "boolean":
      if (/^(true|1)$/i.test(text)) return true;
      if (/^(false|0)$/i.test(text)) return false;
      return refuse(origin, `expected true or false, got ${JSON.stringify(text)}`);
    case "shards":
    case "replicas":
      if (!/^\d+$/.test(text.trim())) refuse(origin, `expected an integer, got ${JSON.stringify(text)}`);
      return checkedInteger(origin, Number(text), kind);
    case "logLevel":
      return checkedLevel(origin, text);
  }
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "a list" : `a ${typeof value}`;
}

/** A value from the config file: typed already (YAML/JSON), so a wrong type is refused. */
function fromFile(origin: string, kind: Kind, value: unknown): Value {
  const wrongType = (want: string): never => refuse(origin, `expected ${want}, got ${typeName(value)}`);
  switch (kind) {
    case "boolean":
      return typeof value === "boolean" ? value : wrongType("true or false");
    case "shards":
    case "replicas":
      return typeof value === "number" ? checkedInteger(origin, value, kind) : wrongType("an integer");
    case "addressList":
      // A list, or the flag's comma-separated form.
      if (typeof value === "string") return fromText(origin, kind, value);
      if (!Array.isArray(value) || value.length === 0 || !value.every((a) => typeof a === "string")) {
        return wrongType("a non-empty list of HOST:PORT strings");
      }
      return value.map((a: string) => checkedAddress(origin, a));
    default:
      return typeof value === "string" ? fromText(origin, kind, value) : wrongType("a string");
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The config file's text as data: JSON for a .json file, else YAML (which reads JSON too, so a
 * file of either kind works under any name). A syntax error is refused naming the file.
 */
export function parseConfigFile(path: string, text: string): unknown {
  const json = path.toLowerCase().endsWith(".json");
  try {
    return json ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    // yaml's messages go on with an excerpt of the file; its first line names the line and column.
    const first = (e instanceof Error ? e.message : String(e)).split("\n")[0]?.replace(/:$/, "");
    return refuse(`config file ${path}`, `not valid ${json ? "JSON" : "YAML"}: ${first}`);
  }
}

/** Node settings from one source, checked for unknown names (values are checked merged). */
function settingsFrom(origin: string, value: unknown): Partial<Record<keyof NodeSettings, unknown>> {
  if (!isPlainObject(value)) return refuse(origin, `settings must be an object, got ${typeName(value)}`);
  for (const name of Object.keys(value)) {
    if (!Object.hasOwn(NODE_DEFAULTS, name)) refuse(origin, `unknown setting ${name}`);
  }
  return value as Partial<Record<keyof NodeSettings, unknown>>;
}

function resolveSettings(
  input: StartConfigInput,
  fileContent: Record<string, unknown>,
): { settings: NodeSettings; from: Record<keyof NodeSettings, string> } {
  const layers: { origin: string; values: Partial<Record<keyof NodeSettings, unknown>> }[] = [];
  if (input.file && fileContent["settings"] !== undefined) {
    const origin = `config file ${input.file.path}`;
    layers.push({ origin, values: settingsFrom(`${origin}, key settings`, fileContent["settings"]) });
  }
  const envText = input.env[SETTINGS_ENV];
  if (envText) {
    const origin = `env ${SETTINGS_ENV}`;
    let parsed: unknown;
    try {
      parsed = JSON.parse(envText);
    } catch {
      refuse(origin, "not JSON");
    }
    layers.push({ origin, values: settingsFrom(origin, parsed) });
  }
  const merged: Record<string, unknown> = { ...NODE_DEFAULTS };
  const from = Object.fromEntries(Object.keys(NODE_DEFAULTS).map((name) => [name, "default"])) as Record<
    keyof NodeSettings,
    string
  >;
  for (const layer of layers) {
    for (const [name, value] of Object.entries(layer.values)) {
      merged[name] = value;
      from[name as keyof NodeSettings] = layer.origin;
    }
  }
  try {
    return { settings: validateNodeSettings(merged as unknown as NodeSettings), from };
  } catch (e) {
    if (!(e instanceof RingkvError)) throw e;
    // validateNodeSettings names the settings at fault; say where the given ones came from.
    const given = (Object.keys(from) as (keyof NodeSettings)[]).filter(
      (name) => from[name] !== "default" && new RegExp(`\\b${name}\\b`).test(e.message),
    );
    const origins = given.map((name) => `${name} from ${from[name]}`).join(", ");
    throw new RingkvError("InvalidArgument", origins ? `${e.message} (${origins})` : e.message);
  }
}

/**
 * The effective start configuration and where each value came from; throws InvalidArgument (exit
 * 2) naming the setting and its source for an unknown file key, a wrong type or a bad value.
 */
export function resolveStartConfig(input: StartConfigInput): ResolvedStartConfig {
  let fileContent: Record<string, unknown> = {};
  if (input.file) {
    const origin = `config file ${input.file.path}`;
    const content = input.file.content ?? {}; // an empty YAML file is null: no settings
    if (!isPlainObject(content)) refuse(origin, `expected a mapping of settings, got ${typeName(content)}`);
    for (const key of Object.keys(content)) {
      if (!CONFIG_FILE_KEYS.includes(key)) {
        refuse(origin, `unknown key ${JSON.stringify(key)} (known: ${CONFIG_FILE_KEYS.join(", ")})`);
      }
    }
    fileContent = content;
  }
  const values: Partial<Record<FlagKey, Value>> = {};
  const from: Partial<Record<FlagKey, string>> = {};
  for (const { name, flag, kind } of KEYS) {
    const flagValue = input.flags[name];
    const env = envName(flag);
    const envValue = input.env[env];
    const fileValue = fileContent[name];
    if (flagValue !== undefined) {
      values[name] = typeof flagValue === "boolean" ? flagValue : fromText(`flag ${flag}`, kind, flagValue);
      from[name] = `flag ${flag}`;
    } else if (envValue !== undefined && envValue !== "") {
      // An empty variable counts as unset, as shells write `RINGKV_JOIN= ringkv start …`.
      values[name] = fromText(`env ${env}`, kind, envValue);
      from[name] = `env ${env}`;
    } else if (input.file && fileValue !== undefined) {
      values[name] = fromFile(`config file ${input.file.path}, key ${name}`, kind, fileValue);
      from[name] = `config file ${input.file.path}`;
    }
  }
  for (const name of ["id", "listen", "data"] as const) {
    if (values[name] === undefined) {
      const flag = KEYS.find((k) => k.name === name)?.flag ?? name;
      refuse(name, `required: give ${flag}, ${envName(flag)} or \`${name}:\` in the --config file`);
    }
  }
  const said = (name: FlagKey): string => `${name} (${from[name]})`;
  if (values.bootstrap === true && values.join !== undefined) {
    refuse(said("bootstrap"), `excludes ${said("join")}: a node either creates a cluster or joins one`);
  }
  if (values.bootstrap !== true) {
    for (const name of ["shards", "replicas"] as const) {
      if (values[name] !== undefined) refuse(said(name), "applies only with bootstrap");
    }
  }
  if (values.peerToken !== undefined && values.authFile === undefined) {
    refuse(said("peerToken"), "needs authFile: a node presents a peer token only in a cluster with auth on");
  }
  if (values.advertiseHttp !== undefined && values.http === undefined) {
    refuse(said("advertiseHttp"), "needs http: there is no HTTP server to advertise");
  }
  if (values.bootstrap === undefined) from.bootstrap = "default";
  if (values.logLevel === undefined) from.logLevel = "default";
  const settings = resolveSettings(input, fileContent);
  const config = {
    ...values,
    bootstrap: values.bootstrap ?? false,
    logLevel: values.logLevel ?? "info",
    settings: settings.settings,
  } as StartConfig;
  return { config, from: { ...from, settings: settings.from } };
}
