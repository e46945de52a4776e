// `ringkv get KEY [--stale]`: print a value; exit 1 when the key is absent.
import type { Command } from "commander";
import { RingkvError } from "../../src/api/errors.ts";
import { keyBytes } from "../arguments.ts";
import { type ClientFlags, clientCommand, clientFlags, runWithClient } from "../client-command.ts";

interface GetFlags extends ClientFlags {
  readonly stale: boolean;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

export function registerGet(program: Command): void {
  const command = clientCommand(program, "get")
    .description("print the value stored under KEY (exit 1 if absent)")
    .argument("<key>", "the key (UTF-8)")
    .option("--stale", "read from the nearest replica without confirming leadership (may lag)", false);
  command.addHelpText(
    "after",
    `
Examples:
  $ ringkv get greeting
  $ ringkv get greeting --stale
  $ ringkv get greeting --json           # {"value":"hello","valueBase64":"aGVsbG8=","version":12}`,
  );
  command.action(async (key: string, _: unknown, command: Command) => {
    const flags = clientFlags<GetFlags>(command);
    await runWithClient(flags, async (client, out) => {
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
