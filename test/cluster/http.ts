// One HTTP request to a node, with nothing between the test and the wire: the path is sent as
// given (no URL normalisation, so tests control every percent-escape), a fresh connection per
// request (no pooled socket outliving a killed node), and a bounded wait.
import * as http from "node:http";

export interface HttpReply {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  readonly json: unknown;
}

export interface HttpRequestSpec {
  readonly method?: string;
  readonly path: string;
  readonly headers?: http.OutgoingHttpHeaders;
  readonly body?: Uint8Array | string;
  /** Give up (reject) after this long; default 5000 ms. */
  readonly timeoutMs?: number;
}

/** `addr` is HOST:PORT of the node's HTTP server. */
export function httpRequest(addr: string, spec: HttpRequestSpec): Promise<HttpReply> {
  const at = addr.lastIndexOf(":");
  const timeoutMs = spec.timeoutMs ?? 5000;
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: addr.slice(0, at),
        port: Number(addr.slice(at + 1)),
        method: spec.method ?? "GET",
        path: spec.path,
        headers: spec.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: parseJson(body) });
        });
      },
    );
    req.setTimeout(timeoutMs, () =>
      req.destroy(new Error(`HTTP ${spec.path} to ${addr}: no answer in ${timeoutMs} ms`)),
    );
    req.on("error", reject);
    req.end(spec.body);
  });
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    return undefined;
  }
}

/** The `{"error": {"code"}}` of an error reply, or undefined. */
export function errorCode(reply: HttpReply): string | undefined {
  const json = reply.json as { error?: { code?: unknown } } | undefined;
  const code = json?.error?.code;
  return typeof code === "string" ? code : undefined;
}
