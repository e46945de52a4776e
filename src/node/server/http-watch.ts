// GET /v1/watch?key=K | ?prefix=P [&start_revision=N] [&prev_kv=1] [&progress=1]: a watch as a
// stream of JSON batches, one per batch of events — server-sent events (text/event-stream, one
// `data:` line each) by default, JSON lines with `Accept: application/x-ndjson`. A failure found
// before the first batch (a bad request, Compacted from a local history) is an ordinary error
// reply with its status; one found later is the stream's last message (`event: error` in SSE,
// an `{"error": …}` line in JSON lines). The watch ends when the client goes away.
//
// Keys and values are UTF-8 text in `key`/`value` when they are valid UTF-8, else base64 in
// `key_base64`/`value_base64`: lossless for any bytes, readable for the usual text keys.
import type * as http from "node:http";
import { RingkvError } from "../../api/errors.ts";
import type { KeyRecord, KvModelApi, WatchBatch, WatchEvent, WatchRequest } from "../../api/kv-model.ts";
import { prefixEnd } from "../../api/kv-model.ts";
import { checkWatchKeys } from "./grpc-watch.ts";

export const WATCH_PARAMS = ["key", "prefix", "start_revision", "prev_kv", "progress"] as const;

const utf8 = new TextDecoder("utf-8", { fatal: true });
const encoder = new TextEncoder();

/** The request a query asks for: exactly one of key= and prefix=. */
export function watchRequestOf(query: URLSearchParams, maxKeyBytes: number): WatchRequest {
  const key = query.get("key");
  const prefix = query.get("prefix");
  if ((key === null) === (prefix === null)) {
    throw new RingkvError("InvalidArgument", "watch: give exactly one of key= and prefix=");
  }
  const start = encoder.encode(key ?? prefix ?? "");
  const startRevision = revisionOf(query.get("start_revision"));
  const request: WatchRequest = {
    start,
    startRevision,
    prevKv: flagOf(query, "prev_kv"),
    progressNotify: flagOf(query, "progress"),
    ...(prefix === null ? {} : { end: prefixEnd(start) }),
  };
  checkWatchKeys(request, maxKeyBytes);
  return request;
}

function revisionOf(text: string | null): number {
  if (text === null) return 0;
  const n = /^[0-9]{1,16}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n)) {
    throw new RingkvError(
      "InvalidArgument",
      `start_revision must be a non-negative integer, got ${JSON.stringify(text)}`,
    );
  }
  return n;
}

function flagOf(query: URLSearchParams, name: string): boolean {
  const v = query.get(name);
  if (v === null || v === "0" || v === "false") return false;
  if (v === "" || v === "1" || v === "true") return true;
  throw new RingkvError("InvalidArgument", `${name} must be 1 or 0, got ${JSON.stringify(v)}`);
}

/** Bytes as text when they are UTF-8, else base64 under `<name>_base64`. */
function bytesField(name: string, bytes: Uint8Array): Record<string, string> {
  try {
    return { [name]: utf8.decode(bytes) };
  } catch {
    return { [`${name}_base64`]: Buffer.from(bytes).toString("base64") };
  }
}

function recordJson(kv: KeyRecord): Record<string, unknown> {
  return {
    ...bytesField("key", kv.key),
    ...bytesField("value", kv.value),
    create_revision: kv.createRevision,
    mod_revision: kv.modRevision,
    version: kv.writes,
    lease: kv.lease,
  };
}

function eventJson(e: WatchEvent): Record<string, unknown> {
  const json: Record<string, unknown> = { type: e.type === "put" ? "PUT" : "DELETE", kv: recordJson(e.kv) };
  if (e.prevKv) json["prev_kv"] = recordJson(e.prevKv);
  return json;
}

export function batchJson(batch: WatchBatch): string {
  return JSON.stringify({ revision: batch.revision, events: batch.events.map(eventJson) });
}

export interface WatchStreamReply {
  readonly status: 200;
  readonly headers: Readonly<Record<string, string>>;
  /** Writes the stream to `res` (headers already sent) until the watch or the client ends. */
  readonly stream: (res: http.ServerResponse) => Promise<void>;
}

/**
 * Open the watch and wait one turn of the event loop: a watch that fails at once (Compacted
 * from this node's own history) rejects here, so it is answered with its status (410), not a
 * 200 stream that ends in an error.
 */
export async function watchReply(
  watches: Pick<KvModelApi, "watch">,
  request: WatchRequest,
  req: http.IncomingMessage,
): Promise<WatchStreamReply> {
  const ndjson = (req.headers.accept ?? "").includes("application/x-ndjson");
  const watch = watches.watch(request);
  const batches = watch.batches[Symbol.asyncIterator]();
  const first = batches.next();
  const early = await Promise.race([
    first.then(
      (r) => ({ r }),
      (e: unknown) => ({ e }),
    ),
    new Promise<null>((resolve) => setImmediate(() => resolve(null))),
  ]);
  if (early && "e" in early) throw early.e;
  const frame = (data: string, event?: string): string =>
    ndjson ? `${data}\n` : `${event ? `event: ${event}\n` : ""}data: ${data}\n\n`;
  return {
    status: 200,
    headers: {
      "content-type": ndjson ? "application/x-ndjson" : "text/event-stream",
      "cache-control": "no-cache",
    },
    stream: async (res) => {
      let gone = false;
      const onClose = (): void => {
        gone = true;
        watch.cancel();
      };
      res.on("close", onClose);
      try {
        let next = first;
        for (let r = await next; !r.done && !gone; r = await next) {
          if (!res.write(frame(batchJson(r.value)))) await drained(res);
          next = batches.next();
        }
      } catch (e) {
        const error = e instanceof RingkvError ? e : new RingkvError("Internal", String(e));
        if (!gone)
          res.write(frame(JSON.stringify(ndjson ? { error: error.toJSON() } : error.toJSON()), "error"));
      } finally {
        watch.cancel();
        res.off("close", onClose);
        res.end();
      }
    },
  };
}

function drained(res: http.ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const wake = (): void => {
      res.off("drain", wake);
      res.off("close", wake);
      resolve();
    };
    res.on("drain", wake);
    res.on("close", wake);
  });
}
