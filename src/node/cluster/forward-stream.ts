// The caller's end of forwarding (proto/forward.proto): one long-lived bidirectional stream to one
// peer. Requests queued during one event-loop turn leave as one batch; answers are matched by
// request id. Deadlines are enforced here, per request. When the stream breaks, every request
// still waiting fails with an honest outcome: Unavailable only when gRPC proves nothing left this
// process (so a write certainly was not applied and may be sent elsewhere); a write that may have
// reached the peer is Timeout ("outcome unknown"), never Unavailable.
//
// A dead peer fails fast: grpc-js fails a call at once while the channel is in
// TRANSIENT_FAILURE (waitForReady is off), and a stream whose channel has not become READY within
// FORWARD_CONNECT_WAIT_MS (a peer that drops SYNs, a connect that hangs) is given up as unsent —
// no byte can have left without a READY connection — instead of waiting out the deadline.
import * as grpc from "@grpc/grpc-js";
import { isErrorCode, RingkvError } from "../../api/errors.ts";
import { transportFailure, UNSENT_RETRY_AFTER_MS } from "../../api/grpc-status.ts";
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

/**
 * How long a stream waits for its channel to connect before the requests on it fail as unsent
 * (Unavailable, safe to route elsewhere): half the default election timeout, so a forward to a
 * peer that does not answer SYNs fails while the caller can still try another route.
 */
export const FORWARD_CONNECT_WAIT_MS = 500;

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
  /** The current stream may have left this process: its channel was READY since it opened. */
  #streamMaySend = false;
  #connectTimer: NodeJS.Timeout | null = null;
  #nextId = 1;
  readonly #waiting = new Map<number, Waiting>();
  #queue: ForwardRequest[] = [];
  #flushScheduled = false;
  #sweep: NodeJS.Timeout | null = null;
  #closed = false;

  /**
   * `channel`: the peer's connection, shared with its KV client (peer-clients.ts), which carries
   * its credentials; `clientOptions`: such as the interceptor that presents the peer token.
   */
  constructor(address: string, channel: grpc.Channel, clientOptions: grpc.ClientOptions = {}) {
    this.#address = address;
    this.#client = new ForwardStub(address, grpc.credentials.createInsecure(), {
      ...clientOptions,
      channelOverride: channel,
    });
  }

  /** Send one request; resolves with its reply (an error reply rejects as that RingkvError). */
  call(
    body: ForwardOp & { readonly revision?: number },
    write: boolean,
    deadline: number,
  ): Promise<ForwardReply> {
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
    this.#watchConnect(stream);
    stream.on("data", (batch: ForwardReplies) => {
      for (const reply of batch.replies) this.#answer(reply);
    });
    const broken = (status: Partial<grpc.StatusObject>): void => {
      if (this.#stream !== stream) return;
      this.#stream = null;
      this.#clearConnectTimer();
      this.#failAll(status);
    };
    stream.on("error", (e: grpc.ServiceError) => broken(e));
    // A server that ends the stream cleanly has answered nothing more: the rest are unknown.
    stream.on("end", () => broken({ code: grpc.status.UNAVAILABLE, details: "Connection dropped" }));
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

  /**
   * Track whether `stream` may have sent anything: only once its channel is READY. A stream whose
   * channel is not READY within FORWARD_CONNECT_WAIT_MS is given up, its requests failed as unsent.
   */
  #watchConnect(stream: Duplex): void {
    const channel = this.#client.getChannel();
    const ready = grpc.connectivityState.READY;
    this.#streamMaySend = channel.getConnectivityState(true) === ready;
    if (this.#streamMaySend) return;
    const giveUpAt = Date.now() + FORWARD_CONNECT_WAIT_MS;
    const watch = (from: grpc.connectivityState): void => {
      channel.watchConnectivityState(from, giveUpAt, (error) => {
        if (this.#stream !== stream || error) return; // replaced, or the wait ran out (timer below)
        const now = channel.getConnectivityState(false);
        if (now === ready) this.#streamMaySend = true;
        else watch(now);
      });
    };
    watch(channel.getConnectivityState(false));
    this.#connectTimer = setTimeout(() => {
      this.#connectTimer = null;
      if (this.#stream !== stream || this.#streamMaySend) return;
      this.#stream = null;
      this.#failAll({ code: grpc.status.UNAVAILABLE, details: "No connection established" }, true);
      stream.cancel();
    }, FORWARD_CONNECT_WAIT_MS);
    this.#connectTimer.unref();
  }

  #clearConnectTimer(): void {
    if (this.#connectTimer !== null) clearTimeout(this.#connectTimer);
    this.#connectTimer = null;
  }

  /**
   * Fail every request written to the broken stream. `neverConnected`: the stream's channel was
   * never READY, so nothing left this process whatever the status says.
   */
  #failAll(status: Partial<grpc.StatusObject>, neverConnected = !this.#streamMaySend): void {
    const failure = transportFailure(status);
    const unsent = failure.unsent || neverConnected;
    const cause = neverConnected && !failure.unsent ? "no connection" : failure.cause;
    for (const [id, w] of this.#waiting) {
      if (!w.sent) continue; // still queued: the next flush opens a new stream
      this.#waiting.delete(id);
      if (unsent || !w.write) {
        // Certainly not applied (or a read, which is safe to repeat anywhere).
        w.reject(
          new RingkvError("Unavailable", `${this.#address}: ${cause}`, {
            retryAfterMs: UNSENT_RETRY_AFTER_MS,
            fromTransport: true,
          }),
        );
      } else {
        w.reject(
          new RingkvError(
            "Timeout",
            `${this.#address}: ${cause} after the write was sent; the write's outcome is unknown`,
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
      // Written to a stream whose channel never connected: nothing left, so not applied.
      const maySend = w.sent && this.#streamMaySend;
      w.reject(
        maySend
          ? new RingkvError(
              "Timeout",
              w.write
                ? `${this.#address}: no answer before the deadline; the write's outcome is unknown`
                : `${this.#address}: no answer before the deadline`,
              { fromTransport: true },
            )
          : new RingkvError("Unavailable", `${this.#address}: no connection before the deadline`, {
              retryAfterMs: UNSENT_RETRY_AFTER_MS,
              fromTransport: true,
            }),
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
    this.#clearConnectTimer();
    const stream = this.#stream;
    this.#stream = null;
    stream?.end();
    for (const w of this.#waiting.values()) {
      w.reject(
        w.sent && w.write && this.#streamMaySend
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
