// The client commands' TLS flags: --ca, --cert, --key (env RINGKV_CA, RINGKV_CERT, RINGKV_KEY),
// read here so that a wrong path is one line naming the flag and the file (exit 2).
import { readFileSync } from "node:fs";
import { type Command, Option } from "commander";
import { RingkvError } from "../src/api/errors.ts";
import type { ClientTlsOptions } from "../src/client/index.ts";

export interface ClientTlsFlags {
  readonly ca?: string;
  readonly cert?: string;
  readonly key?: string;
}

const FLAGS = [
  { name: "ca", env: "RINGKV_CA", help: "PEM CA the nodes' certificates chain to (speak TLS)" },
  { name: "cert", env: "RINGKV_CERT", help: "PEM client certificate (nodes run with --client-cert-auth)" },
  { name: "key", env: "RINGKV_KEY", help: "PEM private key of --cert" },
] as const;

/** Add --ca/--cert/--key to a client command (not to the program: `start` has its own). */
export function addClientTlsOptions(command: Command): Command {
  for (const f of FLAGS) command.addOption(new Option(`--${f.name} <file>`, f.help).env(f.env));
  return command;
}

function readPem(name: (typeof FLAGS)[number], path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    const reason = code === "ENOENT" ? "no such file" : (e as Error).message;
    throw new RingkvError("InvalidArgument", `--${name.name} (${name.env}) ${path}: cannot read: ${reason}`);
  }
}

/** The TLS options the flags ask for; undefined (plaintext) when none is given. */
export function clientTls(flags: ClientTlsFlags): ClientTlsOptions | undefined {
  const given = FLAGS.filter((f) => (flags[f.name] ?? "") !== "");
  if (given.length === 0) return undefined;
  if ((flags.cert ?? "") !== "" && (flags.key ?? "") === "") {
    throw new RingkvError("InvalidArgument", "--cert (RINGKV_CERT) needs --key (RINGKV_KEY)");
  }
  if ((flags.key ?? "") !== "" && (flags.cert ?? "") === "") {
    throw new RingkvError("InvalidArgument", "--key (RINGKV_KEY) needs --cert (RINGKV_CERT)");
  }
  return Object.fromEntries(given.map((f) => [f.name, readPem(f, flags[f.name]!)])) as ClientTlsOptions;
}
