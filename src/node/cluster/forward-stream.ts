// The caller's end of forwarding (proto/forward.proto): one long-lived bidirectional stream to one
// peer. Requests queued during one event-loop turn leave as one batch; answers are matched by
// request id. Deadlines are enforced here, per request. When the stream breaks, every request
// still waiting fails with an honest outcome: Unavailable only when gRPC proves nothing left this
// process (so a write certainly was not applied and may be sent elsewhere); a write that may have
// reached the peer is Timeout ("outcome unknown"), never Unavailable.
import * as grpc from "@grpc/grpc-js";
import { isErrorCode, RingkvError } from "../../api/errors.ts";
import { isUnsentFailure, transportMessage } from "../../api/grpc-status.ts";
import type {
  ForwardBatch,
  ForwardOp,
  ForwardReplies,
  ForwardReply,
  ForwardRequest,
  WireForwardError,
} from "./forward-wire.ts";
import { forwardServiceDefinition } from "./forward-wire.ts";

/** How often waiting requests are checked against their deadlines (one timer per stream, not
 * one per request): a request may outlive its deadline by up to this much. */
export const FORWARD_DEADLINE_SWEEP_MS = 10;

/** Most requests in one batch message; a longer queue leaves as several messages. */
export const FORWARD_BATCH_MAX = 512;

interface Waiting {
  readonly deadline: number;
  /** Whether the request changes state (a retry elsewhere after an unknown outcome is unsafe). */
  readonly write: boolean;
  /** Written to the stream (it may have reached the peer). */
  sent: boolean;
  readonly resolve: (reply: ForwardReply) => void;
  readonly reject: (error: RingkvError) => void;
}

type Duplex = grpc.ClientDuplexStream<ForwardBatch, ForwardReplies>;

const ForwardStub = grpc.makeGenericClientConstructor(forwardServiceDefinition(), "Forward");

export class ForwardStream {
  readonly #address: string;
  readonly #client: grpc.Client;
  #stream: Duplex | null = null;
  #nextId = 1;
  readonly #waiting = new Map<number, Waiting>();
  #queue: ForwardRequest[] = [];
  #flushScheduled = false;
  #sweep: NodeJS.Timeout | null = null;
  #closed = false;

  /** `credentials`: plaintext or the node's peer TLS; `clientOptions`: such as the interceptor that presents its peer token. */
  constructor(
    address: string,
    credentials: grpc.ChannelCredentials = grpc.credentials.createInsecure(),
    clientOptions: grpc.ClientOptions = {},
  ) {
    this.#address = address;
    // grpc-js pools subchannels: this and the peer's KV client share one connection.
    this.#client = new ForwardStub(address, credentials, clientOptions);
  }

  /** Send one request; resolves with its reply (an error reply rejects as that RingkvError). */
  call(body: ForwardOp, write: boolean, deadline: number): Promise<ForwardReply> {
    if (this.#closed) return Promise.reject(new RingkvError("Unavailable", "forwarding is closed"));
    const id = this.#nextId++;
    return new Promise<ForwardReply>((resolve, reject) => {
      this.#waiting.set(id, { deadline, write, sent: false, resolve, reject });
      this.#queue.push({ id, ...body });
      if (!this.#flushScheduled) {
        this.#flushScheduled = true;
        // After the I/O callbacks of this turn: every request they queued joins the batch.
        setImmediate(() => this.#flush());
      }
      this.#sweep ??= setInterval(() => this.#expire(), FORWARD_DEADLINE_SWEEP_MS);
    });
  }

  /** Requests waiting for an answer (for tests and metrics). */
  get inFlight(): number {
    return this.#waiting.size;
  }

  #flush(): void {
    this.#flushScheduled = false;
    const queue = this.#queue;
    this.#queue = [];
    // Requests whose deadline passed (or that were failed) while queued are not sent at all.
    const live = queue.filter((r) => this.#waiting.has(r.id));
    if (live.length === 0) return;
    const stream = this.#open();
    for (let i = 0; i < live.length; i += FORWARD_BATCH_MAX) {
      const requests = live.slice(i, i + FORWARD_BATCH_MAX);
      for (const r of requests) {
        const w = this.#waiting.get(r.id);
        if (w) w.sent = true;
      }
      stream.write({ requests });
    }
  }

  #open(): Duplex {
    if (this.#stream) return this.#stream;
    const stream = (this.#client as unknown as { Stream: () => Duplex }).Stream();
    this.#stream = stream;
    stream.on("data", (batch: ForwardReplies) => {
      for (const reply of batch.replies) this.#answer(reply);
    });
    const broken = (status: Partial<grpc.StatusObject>): void => {
      if (this.#stream !== stream) return;
      this.#stream = null;
      this.#failAll(status);
    };
    stream.on("error", (e: grpc.ServiceError) => broken(e));
    // A server that ends the stream cleanly has answered nothing more: the rest are unknown.
    stream.on("end", () => broken({ code: grpc.status.UNAVAILABLE, details: "forward stream ended" }));
    return stream;
  }

  #answer(reply: ForwardReply): void {
    const w = this.#waiting.get(reply.id);
    if (!w) return; // timed out already
    this.#waiting.delete(reply.id);
    if ("error" in reply && reply.error) w.reject(errorFromWire(reply.error));
    else w.resolve(reply);
    this.#stopSweepIfIdle();
  }

  #failAll(status: Partial<grpc.StatusObject>): void {
    const unsent = isUnsentFailure(status);
    // Without grpc-js's diagnostics (resolver notes, LB pick timings): they mean nothing to a user.
    const details = status.details
      ? transportMessage(status.code ?? grpc.status.UNAVAILABLE, status.details)
      : "forward stream broke";
    for (const [id, w] of this.#waiting) {
      if (!w.sent) continue; // still queued: the next flush opens a new stream
      this.#waiting.delete(id);
      if (unsent || !w.write) {
        // Certainly not applied (or a read, which is safe to repeat anywhere).
        w.reject(
          new RingkvError("Unavailable", `${this.#address}: ${details}`, {
            retryAfterMs: 100,
            fromTransport: true,
          }),
        );
      } else {
        w.reject(
          new RingkvError(
            "Timeout",
            `${this.#address}: the forward stream broke after the write was sent (${details}); its outcome is unknown`,
            { fromTransport: true },
          ),
        );
      }
    }
    this.#stopSweepIfIdle();
  }

  #expire(): void {
    const now = Date.now();
    for (const [id, w] of this.#waiting) {
      if (now < w.deadline) continue;
      this.#waiting.delete(id);
      w.reject(
        new RingkvError(
          "Timeout",
          w.sent || w.write
            ? `forwarded request to ${this.#address} timed out; its outcome is unknown`
            : `forwarded request to ${this.#address} timed out`,
          { fromTransport: true },
        ),
      );
    }
    this.#stopSweepIfIdle();
  }

  #stopSweepIfIdle(): void {
    if (this.#waiting.size > 0 || this.#sweep === null) return;
    clearInterval(this.#sweep);
    this.#sweep = null;
  }

  close(): void {
    this.#closed = true;
    const stream = this.#stream;
    this.#stream = null;
    stream?.end();
    for (const w of this.#waiting.values()) {
      w.reject(
        w.sent && w.write
          ? new RingkvError("Timeout", "forwarding closed after the write was sent; its outcome is unknown")
          : new RingkvError("Unavailable", "forwarding is closed"),
      );
    }
    this.#waiting.clear();
    this.#stopSweepIfIdle();
    this.#client.close();
  }
}

function errorFromWire(e: WireForwardError): RingkvError {
  const code = isErrorCode(e.code) ? e.code : "Internal";
  return new RingkvError(code, e.message, { leaderHint: e.leaderHint, retryAfterMs: e.retryAfterMs });
}
