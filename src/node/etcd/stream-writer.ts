// Writing to a server stream without buffering without bound: a write that grpc-js reports as
// over its high-water mark waits for 'drain' (or for the call to end) before the next one.
import { once } from "node:events";
import type * as grpc from "@grpc/grpc-js";

export class StreamWriter {
  readonly #call: grpc.ServerWritableStream<unknown, object> | grpc.ServerDuplexStream<unknown, object>;
  #closed = false;
  /** Writes are serialised: a message waits for the one before it. */
  #last: Promise<void> = Promise.resolve();

  constructor(call: grpc.ServerDuplexStream<unknown, object>) {
    this.#call = call;
    const close = (): void => {
      this.#closed = true;
    };
    call.once("cancelled", close);
    call.once("close", close);
    call.once("error", close);
  }

  get closed(): boolean {
    return this.#closed;
  }

  close(): void {
    this.#closed = true;
  }

  /** Queue `message`; resolves once it is handed to grpc-js and the stream can take more. */
  write(message: object): Promise<void> {
    this.#last = this.#last.then(async () => {
      if (this.#closed) return;
      if (this.#call.write(message)) return;
      await Promise.race([
        once(this.#call, "drain"),
        once(this.#call, "close"),
        once(this.#call, "cancelled"),
      ]);
    });
    return this.#last;
  }
}
