// `ringkv get KEY [--stale]`: print a value; exit 1 when the key is absent. With --prefix: every
// key starting with KEY (prefix-listing.ts).
import type { Command } from "commander";
import { RingkvError } from "../../src/api/errors.ts";
import { integerIn, keyBytes } from "../arguments.ts";
import { type ClientFlags, clientCommand, clientFlags, runWithClient } from "../client-command.ts";
import { listPrefix } from "../prefix-listing.ts";

interface GetFlags extends ClientFlags {
  readonly stale: boolean;
  readonly prefix: boolean;
  readonly limit?: number;
  readonly keysOnly: boolean;
  readonly countOnly: boolean;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

export function registerGet(program: Command): void {
  const command = clientCommand(program, "get")
    .description("print the value stored under KEY (exit 1 if absent)")
    .argument("<key>", "the key (UTF-8)")
    .option("--stale", "read from the nearest replica without confirming leadership (may lag)", false)
    .option("--prefix", "every key starting with KEY: each key, then its value, a line each", false)
    .option("--limit <n>", "with --prefix: at most N keys", integerIn(1, Number.MAX_SAFE_INTEGER))
    .option("--keys-only", "with --prefix: keys only, one per line", false)
    .option("--count-only", "with --prefix: only how many keys", false);
  command.addHelpText(
    "after",
    `
Examples:
  $ ringkv get greeting
  $ ringkv get greeting --stale
  $ ringkv get greeting --json           # {"value":"hello","valueBase64":"aGVsbG8=","version":12}
  $ ringkv get --prefix user/ --limit 10 # user/1, its value, user/2, its value, …
  $ ringkv get --prefix user/ --keys-only
  $ ringkv get --prefix user/ --count-only`,
  );
  command.action(async (key: string, _: unknown, command: Command) => {
    const flags = clientFlags<GetFlags>(command);
    const listing = flags.limit !== undefined || flags.keysOnly || flags.countOnly;
    if (listing && !flags.prefix) {
      throw new RingkvError("InvalidArgument", "--limit, --keys-only and --count-only go with --prefix");
    }
    await runWithClient(flags, async (client, out) => {
      if (flags.prefix) {
        const { stale, keysOnly, countOnly } = flags;
        const prefix = keyBytes(key);
        return listPrefix(client, { prefix, limit: flags.limit ?? 0, keysOnly, countOnly, stale }, out);
      }
      const found = await client.get(keyBytes(key), { consistency: flags.stale ? "stale" : "linearizable" });
      if (found === null) throw new RingkvError("NotFound", `key ${JSON.stringify(key)} not found`);
      const json = {
        value: utf8OrNull(found.value),
        valueBase64: Buffer.from(found.value).toString("base64"),
        version: found.version,
      };
      out.result(json, found.value);
    });
  });
}

/** The value as text when it is valid UTF-8; binary values are only in valueBase64. */
function utf8OrNull(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}
