// `ringkv watch KEY [--prefix] [--rev N] [--prev-kv] [--json]`: print each change as it happens,
// one line per event (`PUT key value`, `DELETE key`, as etcdctl's simple output names them;
// JSON lines with --json), written as each arrives. Runs until Ctrl-C (exit 0) or its reader goes
// away (SIGPIPE/EPIPE: exit 0, cli/pipe.ts); a watch the cluster ends exits with its error's code
// (Compacted: 1, watch again from a later --rev; Unavailable: 3).
import type { Command } from "commander";
import type { KeyRecord, WatchEvent } from "../../src/api/kv-model.ts";
import { prefixEnd } from "../../src/api/kv-model.ts";
import { integerIn, keyBytes } from "../arguments.ts";
import { type ClientFlags, clientCommand, clientFlags, runWithClient } from "../client-command.ts";

interface WatchFlags extends ClientFlags {
  readonly prefix: boolean;
  readonly rev: number;
  readonly prevKv: boolean;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

export function registerWatch(program: Command): void {
  const command = clientCommand(program, "watch")
    .description("print every change to KEY (or to the keys under it, --prefix) until stopped")
    .argument("<key>", "the key, or the prefix with --prefix (UTF-8)")
    .option("--prefix", "watch every key that starts with KEY", false)
    .option(
      "--rev <revision>",
      "report changes from this revision on (default: from now)",
      integerIn(1, Number.MAX_SAFE_INTEGER),
    )
    .option("--prev-kv", "with --json, include each key's previous value", false);
  command.addHelpText(
    "after",
    `
Examples:
  $ ringkv watch greeting                # PUT greeting hello / DELETE greeting
  $ ringkv watch app/ --prefix --rev 42  # every change under app/ from revision 42
  $ ringkv watch app/ --prefix --json    # one JSON object per event`,
  );
  command.action(async (key: string, _: unknown, command: Command) => {
    const flags = clientFlags<WatchFlags>(command);
    await runWithClient(
      flags,
      async (client, out) => {
        const start = keyBytes(key);
        const stream = client.watch({
          start,
          ...(flags.prefix ? { end: prefixEnd(start) } : {}),
          startRevision: flags.rev ?? 0,
          prevKv: flags.prevKv,
        });
        // Ctrl-C ends the watch; what was printed stands, so the exit is 0.
        const stop = (): void => stream.cancel();
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
        try {
          for await (const batch of stream.batches) {
            for (const event of batch.events) out.result(eventJson(event), eventLine(event));
          }
        } finally {
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
        }
      },
      { untimed: true },
    );
  });
}

function text(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** `PUT key value` / `DELETE key`; bytes that are not UTF-8 print as base64, marked. */
export function eventLine(event: WatchEvent): string {
  const shown = (bytes: Uint8Array): string =>
    text(bytes) ?? `base64:${Buffer.from(bytes).toString("base64")}`;
  return event.type === "put"
    ? `PUT ${shown(event.kv.key)} ${shown(event.kv.value)}`
    : `DELETE ${shown(event.kv.key)}`;
}

function recordJson(kv: KeyRecord): Record<string, unknown> {
  return {
    key: text(kv.key),
    keyBase64: Buffer.from(kv.key).toString("base64"),
    value: text(kv.value),
    valueBase64: Buffer.from(kv.value).toString("base64"),
    createRevision: kv.createRevision,
    modRevision: kv.modRevision,
    version: kv.writes,
    lease: kv.lease,
  };
}

export function eventJson(event: WatchEvent): Record<string, unknown> {
  const json: Record<string, unknown> = {
    type: event.type === "put" ? "PUT" : "DELETE",
    ...recordJson(event.kv),
  };
  if (event.prevKv) json["prevKv"] = recordJson(event.prevKv);
  return json;
}
