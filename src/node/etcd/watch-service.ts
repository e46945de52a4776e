// etcd's Watch service: one bidirectional stream carries many watches. Create, cancel and
// progress requests arrive on it; each watch answers `created` first, then its events in batches
// (per key in revision order, as the model delivers them), and `canceled` when it ends — asked
// to, or because its start revision is older than the history kept (compact_revision set, as
// etcd does) or the model failed.
//
// A watch "from now" (start_revision 0) first reads the current revision R of its span (a
// count-only range) and watches from R + 1, so the created answer's header carries a revision
// that is exactly the watch's starting point: clients (etcd3) resume from header.revision + 1
// after a reconnect and must neither miss nor repeat changes.
import type * as grpc from "@grpc/grpc-js";
import { type RingkvError, toRingkvError } from "../../api/errors.ts";
import type { RequestOptions } from "../../api/kv-api.ts";
import type { KvModelApi, WatchRequest, WatchStream } from "../../api/kv-model.ts";
import { eventOf, spanOf, watchFiltersOf } from "./convert.ts";
import { ETCD_ERROR_MAPPINGS } from "./errors.ts";
import type { HeaderSource } from "./header.ts";
import { StreamWriter } from "./stream-writer.ts";
import type { WireWatchCreateRequest, WireWatchRequest } from "./wire.ts";

/** The most watches one stream may hold at once; a create beyond it is answered canceled. */
export const ETCD_WATCHES_PER_STREAM_MAX_DEFAULT = 1024;

/** The watch_id etcd answers progress requests with (no one watch). */
const PROGRESS_WATCH_ID = -1;

export interface EtcdWatchDeps {
  readonly model: KvModelApi;
  readonly headers: HeaderSource;
  readonly watchesPerStreamMax?: number;
}

export function etcdWatchCall(deps: EtcdWatchDeps): grpc.handleBidiStreamingCall<unknown, object> {
  return (call) => {
    const session = new WatchSession(deps, new StreamWriter(call));
    call.on("data", (request: WireWatchRequest) => session.handle(request));
    call.on("end", () => {
      session.close();
      call.end();
    });
    call.on("cancelled", () => session.close());
    call.on("error", () => session.close());
  };
}

class WatchSession {
  readonly #deps: EtcdWatchDeps;
  readonly #out: StreamWriter;
  readonly #options: RequestOptions;
  readonly #watches = new Map<number, WatchStream>();
  readonly #watchesMax: number;
  #nextId = 0;
  /** The highest revision this stream reported, for progress answers. */
  #revision = 0;
  /** Creates run one at a time, so `created` answers come in request order (etcd3 relies on it). */
  #creating: Promise<void> = Promise.resolve();

  constructor(deps: EtcdWatchDeps, out: StreamWriter) {
    this.#deps = deps;
    this.#out = out;
    // A watch stream lives as long as the client keeps it; no deadline of the stream's applies to
    // the reads and subscriptions it starts (the node bounds those itself).
    this.#options = {};
    this.#watchesMax = deps.watchesPerStreamMax ?? ETCD_WATCHES_PER_STREAM_MAX_DEFAULT;
  }

  handle(request: WireWatchRequest): void {
    if (request.requestUnion === "createRequest" && request.createRequest) {
      const create = request.createRequest;
      this.#creating = this.#creating.then(() => this.#create(create));
    } else if (request.requestUnion === "cancelRequest" && request.cancelRequest) {
      this.#cancel(request.cancelRequest.watchId);
    } else if (request.requestUnion === "progressRequest") {
      void this.#out.write({ header: this.#header(this.#revision), watchId: PROGRESS_WATCH_ID });
    }
  }

  close(): void {
    this.#out.close();
    for (const stream of this.#watches.values()) stream.cancel();
    this.#watches.clear();
  }

  #header(revision: number): ReturnType<HeaderSource["header"]> {
    if (revision > this.#revision) this.#revision = revision;
    return this.#deps.headers.header(revision);
  }

  #allocateId(asked: number): number | null {
    if (asked > 0) return this.#watches.has(asked) ? null : asked;
    while (this.#watches.has(this.#nextId)) this.#nextId++;
    return this.#nextId++;
  }

  async #create(create: WireWatchCreateRequest): Promise<void> {
    if (this.#out.closed) return;
    const watchId = this.#allocateId(create.watchId);
    if (watchId === null || this.#watches.size >= this.#watchesMax) {
      const reason =
        watchId === null
          ? `watch id ${create.watchId} is in use on this stream`
          : `this stream holds ${this.#watchesMax} watches, the most it may (ringkv's watchesPerStreamMax)`;
      await this.#out.write({
        header: this.#header(0),
        watchId: create.watchId,
        created: true,
        canceled: true,
        cancelReason: reason,
      });
      return;
    }
    let stream: WatchStream;
    let request: WatchRequest;
    let createdAt: number;
    try {
      const span = spanOf(create.key, create.rangeEnd);
      createdAt =
        create.startRevision > 0
          ? create.startRevision - 1
          : (await this.#deps.model.range({ ...span, countOnly: true, ...this.#options })).revision;
      request = {
        ...span,
        startRevision: createdAt + 1,
        prevKv: create.prevKv,
        filters: watchFiltersOf(create.filters),
        progressNotify: create.progressNotify,
      };
      stream = this.#deps.model.watch(request, this.#options);
    } catch (e) {
      const error = toRingkvError(e);
      await this.#out.write({
        header: this.#header(0),
        watchId,
        created: true,
        canceled: true,
        cancelReason: ETCD_ERROR_MAPPINGS[error.code].message ?? error.message,
      });
      return;
    }
    this.#watches.set(watchId, stream);
    await this.#out.write({ header: this.#header(createdAt), watchId, created: true });
    void this.#pump(watchId, stream, request);
  }

  async #pump(watchId: number, stream: WatchStream, request: WatchRequest): Promise<void> {
    try {
      for await (const batch of stream.batches) {
        if (this.#out.closed) break;
        if (batch.events.length === 0 && request.progressNotify !== true) continue;
        await this.#out.write({
          header: this.#header(batch.revision),
          watchId,
          events: batch.events.map(eventOf),
        });
      }
    } catch (e) {
      if (this.#watches.get(watchId) !== stream) return;
      this.#watches.delete(watchId);
      await this.#out.write(this.#canceledBy(watchId, toRingkvError(e), request.startRevision ?? 0));
    }
  }

  #canceledBy(watchId: number, error: RingkvError, startRevision: number): object {
    const reason = ETCD_ERROR_MAPPINGS[error.code].message ?? error.message;
    const base = { header: this.#header(0), watchId, canceled: true, cancelReason: reason };
    return error.code === "Compacted"
      ? { ...base, compactRevision: compactRevisionOf(error, startRevision) }
      : base;
  }

  #cancel(watchId: number): void {
    const stream = this.#watches.get(watchId);
    if (stream === undefined) return;
    this.#watches.delete(watchId);
    stream.cancel();
    void this.#out.write({ header: this.#header(this.#revision), watchId, canceled: true });
  }
}

/**
 * The oldest revision still kept, which etcd answers as compact_revision (clients resume from
 * it). Read from the error when it carries it (a `compactRevision` field, or "compacted revision
 * N" / "revision N" at the end of its message); else the revision asked for, which is not 0 —
 * etcd clients read 0 as "not compacted".
 */
function compactRevisionOf(error: RingkvError, startRevision: number): number {
  const field = (error as { compactRevision?: unknown }).compactRevision;
  if (typeof field === "number" && field > 0) return field;
  const said = /revision (\d+)\D*$/.exec(error.message)?.[1];
  return said !== undefined ? Number(said) : Math.max(1, startRevision);
}
