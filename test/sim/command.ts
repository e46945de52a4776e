// The key-value commands clients replicate through the log, and their encoding as entry data.
// One encoder, one decoder (STYLE.md 12): the state machine and the checkers both read entries
// through decodeCommand.

export type KvCommand =
  | { readonly kind: "put"; readonly key: string; readonly value: string }
  /** Write `value` only if the key's version is `ifVersion` (0: only if the key is absent). */
  | { readonly kind: "cas"; readonly key: string; readonly ifVersion: number; readonly value: string }
  | { readonly kind: "del"; readonly key: string };

/** A command tagged with the request that proposed it, so an applied entry names its origin. */
export interface CommandEnvelope {
  readonly requestId: string;
  readonly command: KvCommand;
}

/** What applying a command returned. Versions are the raft index of the key's last write. */
export type KvResult =
  | { readonly kind: "put"; readonly version: number }
  | { readonly kind: "cas"; readonly ok: boolean; readonly version: number }
  | { readonly kind: "del"; readonly existed: boolean };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeCommand(envelope: CommandEnvelope): Uint8Array {
  return encoder.encode(JSON.stringify(envelope));
}

export function decodeCommand(data: Uint8Array): CommandEnvelope {
  const parsed: unknown = JSON.parse(decoder.decode(data));
  if (!isEnvelope(parsed)) throw new Error(`not a KV command: ${decoder.decode(data)}`);
  return parsed;
}

function isEnvelope(x: unknown): x is CommandEnvelope {
  if (typeof x !== "object" || x === null) return false;
  if (!("requestId" in x) || typeof x.requestId !== "string") return false;
  if (!("command" in x) || typeof x.command !== "object" || x.command === null) return false;
  const c = x.command;
  if (!("kind" in c) || !("key" in c) || typeof c.key !== "string") return false;
  switch (c.kind) {
    case "put":
      return "value" in c && typeof c.value === "string";
    case "cas":
      return (
        "value" in c && typeof c.value === "string" && "ifVersion" in c && typeof c.ifVersion === "number"
      );
    case "del":
      return true;
    default:
      return false;
  }
}
