// One HTTP request to a node, with nothing between the test and the wire: the path is sent as
// given (no URL normalisation, so tests control every percent-escape), a fresh connection per
// request (no pooled socket outliving a killed node), and a bounded wait. The request itself is
// the API tests' helper (test/node/server/harness.ts).
import { type HttpResult, type RequestSpec, request } from "../node/server/harness.ts";

export type HttpReply = HttpResult;

export type HttpRequestSpec = Omit<RequestSpec, "agent">;

/** `addr` is HOST:PORT of the node's HTTP server; the wait defaults to 5000 ms. */
export function httpRequest(addr: string, spec: HttpRequestSpec): Promise<HttpReply> {
  return request(`http://${addr}`, { ...spec, agent: false, timeoutMs: spec.timeoutMs ?? 5000 });
}

/** The `{"error": {"code"}}` of an error reply, or undefined. */
export function errorCode(reply: HttpReply): string | undefined {
  const json = reply.json as { error?: { code?: unknown } } | undefined;
  const code = json?.error?.code;
  return typeof code === "string" ? code : undefined;
}
