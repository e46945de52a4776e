// The HTTP API of shared/DESIGN.md §5 (a contract) as a thin adapter over KvApi, plus /metrics,
// /health, /ready and a status page. Node's own `http` module, no framework: each request is
// matched to a route, its handler returns a Reply, and one writer sends it with a Content-Length
// so keep-alive clients (wrk, curl) reuse the connection. Errors are RingkvErrors rendered through
// ERROR_MAPPINGS; nothing thrown by a handler escapes.
//
// Beyond §5: a known route with an unsupported method answers 405 with `Allow` and error code
// InvalidArgument; an unknown route answers 404 with code NotFound; a query parameter the route
// does not know answers 400 InvalidArgument naming it (a typo such as `?consistensy=stale` must
// not silently become a linearizable read). HEAD is answered wherever GET is, by running the GET
// handler and sending its status and headers (Content-Length included) without the body.
import * as http from "node:http";
import * as https from "node:https";
import { RingkvError, toRingkvError } from "../../api/errors.ts";
import type { Consistency, KvApi } from "../../api/kv-api.ts";
import type { KvModelApi } from "../../api/kv-model.ts";
import { parseLeaseId } from "../../api/lease-id.ts";
import { type KvLimits, kvLimits, validateKey, validateValue, validateVersion } from "../../api/limits.ts";
import { type RingArc, type RingView, ringFromStatus } from "../../api/ring-view.ts";
import type { InFlight } from "../host/in-flight.ts";
import { Metrics } from "../metrics.ts";
import { UNBUILT_MODEL } from "./grpc-kv.ts";
import { type HealthReport, localHealth, readiness } from "./health.ts";
import {
  DELETE_RANGE_PARAMS,
  RANGE_PARAMS,
  type RawQuery,
  serveDeleteRange,
  serveRange,
  serveTxn,
} from "./http-ranges.ts";
import { WATCH_PARAMS, watchReply, watchRequestOf } from "./http-watch.ts";
import { leaseJson, leaseTtlJson, parseGrantBody } from "./lease-json.ts";
import { statusPage } from "./status-page.ts";

export interface HttpServerOptions extends Partial<KvLimits> {
  /** Where requests are counted while they run, for a graceful stop; none by default. */
  readonly inFlight?: InFlight;
  /**
   * Largest request body read, in bytes. A larger one is refused with 413 RequestTooLarge without
   * reading the rest, and the connection is closed. Between maxValueBytes and this, a PUT is
   * read and refused with 413 ValueTooLarge (the same check as gRPC). Default 2 × maxValueBytes.
   */
  readonly bodyBytesMax?: number;
  /** Registry for request metrics and /metrics; a private one by default. */
  readonly metrics?: Metrics;
  /** The `GET /v1/ring` document; by default derived from status (ringFromStatus). */
  readonly ring?: () => Promise<unknown>;
  /**
   * Can this node serve (`GET /health`)? By default judged from the api's local status: the node
   * is a member of its cluster. A node passes its own, which also checks its storage.
   */
  readonly health?: () => Promise<HealthReport>;
  /** The ring's token ranges for the status page's picture; by default one arc per shard share. */
  readonly ringArcs?: (shardCount: number) => readonly RingArc[];
  /** Serve HTTPS with these options (certificate, key, client-certificate policy); default HTTP. */
  readonly tls?: https.ServerOptions;
  /**
   * Authorization middleware: called with every request whose route and method exist, before
   * anything else of it is looked at; throws (Unauthenticated, PermissionDenied) to refuse it.
   * None by default: every route is open.
   */
  readonly authorize?: Authorize;
  /** Serves GET /v1/watch (http-watch.ts); without it the route answers Unavailable. */
  readonly watches?: Pick<KvModelApi, "watch">;
  /** Ranges, range deletes and transactions (http-ranges.ts); refused (503) without. */
  readonly model?: KvModelApi;
}

export type Authorize = (req: http.IncomingMessage, route: { template: string; method: string }) => void;

interface Reply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array | string;
  /** A streamed reply (a watch): written after the headers, instead of `body`. */
  readonly stream?: (res: http.ServerResponse) => Promise<void>;
}

interface Exchange {
  readonly req: http.IncomingMessage;
  /** The path, still percent-encoded. */
  readonly path: string;
  readonly query: URLSearchParams;
}

interface Handler {
  readonly run: (exchange: Exchange) => Promise<Reply>;
  /** The query parameters this method understands; any other is refused with 400. */
  readonly params: readonly string[];
}

interface Route {
  /** Route label for metrics: never the raw path, keys must not become label values. */
  readonly template: string;
  readonly matches: (path: string) => boolean;
  readonly methods: Readonly<Record<string, Handler>>;
}

const KV_PREFIX = "/v1/kv/";
const JSON_TYPE = "application/json";
const HTML_TYPE = "text/html; charset=utf-8";

export function createHttpServer(api: KvApi, options: HttpServerOptions = {}): http.Server | https.Server {
  const limits = kvLimits(options);
  const bodyBytesMax = options.bodyBytesMax ?? 2 * limits.maxValueBytes;
  const metrics = options.metrics ?? new Metrics();
  const ring = options.ring ?? (async (): Promise<RingView> => ringFromStatus(await api.status()));
  const health = options.health ?? (async () => localHealth(await api.status({ forwarded: true })));
  const ringArcs = options.ringArcs;
  const scheme = options.tls ? "https" : "http";
  const watches = options.watches;
  const model = options.model ?? UNBUILT_MODEL;
  const routes = buildRoutes({
    api,
    limits,
    bodyBytesMax,
    metrics,
    ring,
    health,
    ringArcs,
    scheme,
    watches,
    model,
  });
  const authorize = options.authorize ?? ((): void => {});
  const handle = (req: http.IncomingMessage, res: http.ServerResponse, early?: RingkvError): void => {
    // serve() turns every handler failure into a reply; only writing the reply itself could
    // throw, and then the connection is beyond saving — never the process.
    const served = serve(routes, { metrics, authorize }, req, res, early);
    (options.inFlight ? options.inFlight.track(served) : served).catch(() => res.destroy());
  };
  const server = options.tls
    ? https.createServer(options.tls, (req, res) => handle(req, res))
    : http.createServer((req, res) => handle(req, res));
  // Answer an oversized `Expect: 100-continue` upload before the client sends the body at all.
  server.on("checkContinue", (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (declaredLength(req) > bodyBytesMax) {
      handle(req, res, tooLarge(bodyBytesMax));
      return;
    }
    res.writeContinue();
    handle(req, res);
  });
  return server;
}

interface RouteContext {
  readonly api: KvApi;
  readonly limits: KvLimits;
  readonly bodyBytesMax: number;
  readonly metrics: Metrics;
  readonly ring: () => Promise<unknown>;
  readonly health: () => Promise<HealthReport>;
  readonly ringArcs: ((shardCount: number) => readonly RingArc[]) | undefined;
  /** How the status page links to members: the scheme this server speaks. */
  readonly scheme: "http" | "https";
  readonly watches: Pick<KvModelApi, "watch"> | undefined;
  readonly model: KvModelApi;
}

function handler(run: Handler["run"], params: readonly string[] = []): Handler {
  return { run, params };
}

/**
 * Every route's template and methods (HEAD is implied by GET), so checks that must cover every
 * route (authorization's table, its test) enumerate the real table. Building the routes only
 * makes closures over the context, none of which runs here: an empty one serves.
 */
export function httpRoutes(): { readonly template: string; readonly methods: readonly string[] }[] {
  return buildRoutes({} as RouteContext).map((r) => ({
    template: r.template,
    methods: Object.keys(r.methods),
  }));
}

function buildRoutes(ctx: RouteContext): Route[] {
  return [
    {
      template: "/v1/kv/{key}",
      // `/v1/kv` itself (no key segment) is the range route: GET and DELETE by prefix or span.
      matches: (path) => path.startsWith(KV_PREFIX) || path === "/v1/kv",
      methods: kvMethods(ctx),
    },
    ...leaseRoutes(ctx),
    {
      template: "/v1/txn",
      matches: exactly("/v1/txn"),
      methods: {
        POST: handler(async (ex) => {
          const body = await readBody(ex.req, ctx.bodyBytesMax);
          return jsonReply(200, await serveTxn(modelOf(ctx), ctx.limits, body));
        }),
      },
    },
    {
      template: "/v1/status",
      matches: exactly("/v1/status"),
      methods: {
        // ?scope=local: this node's own replicas only, without asking the other members.
        GET: handler(
          async (ex) => jsonReply(200, await ctx.api.status({ forwarded: scopeOf(ex.query) === "local" })),
          ["scope"],
        ),
      },
    },
    {
      template: "/v1/watch",
      matches: exactly("/v1/watch"),
      methods: {
        GET: handler(async (ex) => {
          if (!ctx.watches) throw new RingkvError("Unavailable", "watch is not served by this server");
          const request = watchRequestOf(ex.query, ctx.limits.maxKeyBytes);
          // HEAD: the headers a watch would have, without opening one.
          if (ex.req.method === "HEAD")
            return { status: 200, headers: { "content-type": "text/event-stream" }, body: "" };
          return { ...(await watchReply(ctx.watches, request, ex.req)), body: "" };
        }, WATCH_PARAMS),
      },
    },
    {
      template: "/v1/ring",
      matches: exactly("/v1/ring"),
      methods: { GET: handler(async () => jsonReply(200, await ctx.ring())) },
    },
    {
      template: "/health",
      matches: exactly("/health"),
      methods: {
        GET: handler(async () => {
          const report = await ctx.health();
          return jsonReply(report.ok ? 200 : 503, report);
        }),
      },
    },
    {
      template: "/ready",
      matches: exactly("/ready"),
      methods: {
        GET: handler(async () => {
          const report = readiness(await ctx.api.status());
          return jsonReply(report.ready ? 200 : 503, report);
        }),
      },
    },
    {
      template: "/metrics",
      matches: exactly("/metrics"),
      methods: {
        GET: handler(async () => ({
          status: 200,
          headers: { "content-type": ctx.metrics.contentType },
          body: await ctx.metrics.text(),
        })),
      },
    },
    {
      template: "/",
      matches: exactly("/"),
      methods: {
        GET: handler(async () => {
          const status = await ctx.api.status();
          const arcs = status.ring && ctx.ringArcs ? ctx.ringArcs(status.ring.shardCount) : undefined;
          return {
            status: 200,
            headers: { "content-type": HTML_TYPE },
            body: statusPage(status, arcs, ctx.scheme),
          };
        }),
      },
    },
  ];
}

/** GET and DELETE on `/v1/kv` (no key segment): ranges and range deletes (http-ranges.ts). */
const RANGE_PATH = "/v1/kv";

/** The parameters a key's own request does not take: a range's, refused there by name. */
function refuseRangeParams(ex: Exchange, own: readonly string[]): void {
  for (const name of ex.query.keys()) {
    if (!own.includes(name)) {
      throw new RingkvError(
        "InvalidArgument",
        `unknown query parameter ${JSON.stringify(name)} for ${ex.req.method} ${ex.path} (known: ${own.join(", ") || "none"}; ranges are GET ${RANGE_PATH}?prefix=…)`,
      );
    }
  }
}

function modelOf(ctx: RouteContext): KvModelApi {
  return ctx.model;
}

/** The query string's parameters as raw bytes (a key in a query need not be UTF-8); + is a space. */
function rawQueryOf(url: string | undefined): RawQuery {
  const params = new Map<string, Uint8Array[]>();
  const at = url?.indexOf("?") ?? -1;
  if (url === undefined || at < 0) return params;
  for (const pair of url.slice(at + 1).split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const name = Buffer.from(
      percentDecode((eq < 0 ? pair : pair.slice(0, eq)).replaceAll("+", " ")),
    ).toString("latin1");
    const value = percentDecode((eq < 0 ? "" : pair.slice(eq + 1)).replaceAll("+", " "));
    params.set(name, [...(params.get(name) ?? []), value]);
  }
  return params;
}

/** The lease routes (keep-alive before the lease itself: the first matching route wins). */
function leaseRoutes(ctx: RouteContext): Route[] {
  const { model } = ctx;
  return [
    {
      template: "/v1/lease",
      matches: exactly("/v1/lease"),
      methods: {
        GET: handler(async () =>
          jsonReply(200, { leases: (await model.leases()).map((id) => leaseJson(id)) }),
        ),
        POST: handler(async (ex) => {
          const { ttl, id } = parseGrantBody(await readBody(ex.req, ctx.bodyBytesMax));
          const granted = await model.leaseGrant(ttl, id);
          return jsonReply(200, leaseJson(granted.id, granted.ttlSeconds));
        }),
      },
    },
    {
      template: "/v1/lease/{id}/keepalive",
      matches: (path) => LEASE_KEEPALIVE_PATH.test(path),
      methods: {
        POST: handler(async (ex) => {
          const renewed = await model.leaseKeepAlive(leaseIdOf(ex.path));
          return jsonReply(200, leaseJson(renewed.id, renewed.ttlSeconds));
        }),
      },
    },
    {
      template: "/v1/lease/{id}",
      matches: (path) => LEASE_PATH.test(path),
      methods: {
        GET: handler(
          async (ex) => {
            const withKeys = ex.query.get("keys");
            if (withKeys !== null && withKeys !== "0" && withKeys !== "1") {
              throw new RingkvError(
                "InvalidArgument",
                `keys must be 0 or 1, got ${JSON.stringify(withKeys)}`,
              );
            }
            const left = await model.leaseTimeToLive(leaseIdOf(ex.path), withKeys === "1");
            if (left.ttlSeconds < 0)
              throw new RingkvError("LeaseNotFound", `lease ${leaseJson(left.id).hex} not found`);
            return jsonReply(200, leaseTtlJson(left, withKeys === "1"));
          },
          ["keys"],
        ),
        DELETE: handler(async (ex) => {
          const id = leaseIdOf(ex.path);
          await model.leaseRevoke(id);
          return jsonReply(200, { revoked: true, ...leaseJson(id) });
        }),
      },
    },
  ];
}

const LEASE_PATH = /^\/v1\/lease\/([^/]+)$/;
const LEASE_KEEPALIVE_PATH = /^\/v1\/lease\/([^/]+)\/keepalive$/;

function leaseIdOf(path: string): number {
  const match = LEASE_KEEPALIVE_PATH.exec(path) ?? LEASE_PATH.exec(path);
  const text = match?.[1] ?? "";
  // Ids are digits and hex letters: anything percent-encoded is not one.
  return parseLeaseId(text);
}

function kvMethods(ctx: RouteContext): Record<string, Handler> {
  const { api, limits } = ctx;
  return {
    GET: handler(
      async (ex) => {
        if (ex.path === RANGE_PATH) {
          return jsonReply(200, await serveRange(modelOf(ctx), limits, rawQueryOf(ex.req.url)));
        }
        refuseRangeParams(ex, ["consistency"]);
        const key = keyOf(ex.path, limits);
        const found = await api.get(key, { consistency: consistencyOf(ex.query) });
        // A miss is an answer, not a failure: no error object (capturing its stack cost a miss
        // several times what a hit costs).
        if (found === null) return KEY_NOT_FOUND;
        const headers = { "content-type": "application/octet-stream", "x-version": String(found.version) };
        return { status: 200, headers, body: found.value };
      },
      [...new Set(["consistency", ...RANGE_PARAMS])],
    ),
    PUT: handler(
      async (ex) => {
        const key = keyOf(ex.path, limits);
        const ifVersion = putPreconditionOf(ex.req);
        const leaseText = ex.query.get("lease");
        const lease = leaseText === null ? 0 : parseLeaseId(leaseText);
        if (lease !== 0 && ifVersion !== undefined) {
          throw new RingkvError(
            "InvalidArgument",
            "a put with a lease cannot also carry If-Match (use a txn)",
          );
        }
        const value = await readBody(ex.req, ctx.bodyBytesMax);
        validateValue(value, limits.maxValueBytes);
        const options = ifVersion === undefined ? {} : { ifVersion };
        const { version } =
          lease === 0
            ? await api.put(key, value, options)
            : { version: (await ctx.model.putRecord({ key, value, lease })).revision };
        return jsonReply(200, { version }, { "x-version": String(version) });
      },
      ["lease"],
    ),
    DELETE: handler(async (ex) => {
      if (ex.path === RANGE_PATH) {
        return jsonReply(200, await serveDeleteRange(modelOf(ctx), limits, rawQueryOf(ex.req.url)));
      }
      refuseRangeParams(ex, []);
      const key = keyOf(ex.path, limits);
      const ifVersion = ifMatchOf(ex.req);
      if (ex.req.headers["if-none-match"] !== undefined) {
        throw new RingkvError("InvalidArgument", "If-None-Match is not supported on DELETE; use If-Match: N");
      }
      const options = ifVersion === undefined ? {} : { ifVersion };
      return jsonReply(200, { deleted: (await api.delete(key, options)).deleted });
    }, DELETE_RANGE_PARAMS),
  };
}

async function serve(
  routes: readonly Route[],
  { metrics, authorize }: { readonly metrics: Metrics; readonly authorize: Authorize },
  req: http.IncomingMessage,
  res: http.ServerResponse,
  early?: RingkvError,
): Promise<void> {
  const started = performance.now();
  const url = req.url ?? "/";
  const queryAt = url.indexOf("?");
  const path = queryAt < 0 ? url : url.slice(0, queryAt);
  const query = new URLSearchParams(queryAt < 0 ? "" : url.slice(queryAt + 1));
  const route = routes.find((r) => r.matches(path));
  const method = req.method ?? "GET";
  let reply: Reply;
  try {
    if (early) throw early;
    reply = await dispatch(route, method, { req, path, query }, authorize);
  } catch (e) {
    reply = errorReply(toRingkvError(e));
  }
  // An error reply before the whole body arrived (too large, or refused before reading it):
  // close the connection rather than read an unbounded body just to keep it alive.
  const closing = !req.complete && reply.status >= 400;
  send(res, reply, { closing, head: method === "HEAD" });
  const seconds = (performance.now() - started) / 1000;
  metrics.observeHttp(route?.template ?? "unmatched", method, reply.status, seconds);
}

function dispatch(
  route: Route | undefined,
  method: string,
  exchange: Exchange,
  authorize: Authorize,
): Promise<Reply> {
  if (!route) throw new RingkvError("NotFound", `no route for ${method} ${exchange.path}`);
  // HEAD runs GET: the same status and headers, the body left unsent.
  const handler = route.methods[method === "HEAD" ? "GET" : method];
  if (!handler) throw new MethodNotAllowed(method, exchange.path, allowedMethods(route));
  // Before the query, the headers or the body are looked at: a refused caller learns nothing more.
  authorize(exchange.req, { template: route.template, method });
  for (const name of exchange.query.keys()) {
    if (!handler.params.includes(name)) {
      const known = handler.params.length === 0 ? "none" : handler.params.join(", ");
      throw new RingkvError(
        "InvalidArgument",
        `unknown query parameter ${JSON.stringify(name)} for ${method} ${exchange.path} (known: ${known})`,
      );
    }
  }
  return handler.run(exchange);
}

function allowedMethods(route: Route): string[] {
  const methods = Object.keys(route.methods);
  return methods.flatMap((m) => (m === "GET" ? ["GET", "HEAD"] : [m]));
}

/** 405 is outside the shared error codes: an InvalidArgument that also carries `Allow`. */
class MethodNotAllowed extends RingkvError {
  readonly allow: readonly string[];
  constructor(method: string, path: string, allow: readonly string[]) {
    super("InvalidArgument", `method ${method} is not allowed on ${path}; use ${allow.join(", ")}`);
    this.allow = allow;
  }
}

function errorReply(error: RingkvError): Reply {
  const headers: Record<string, string> = { "content-type": JSON_TYPE };
  let status = error.mapping.http;
  if (error instanceof MethodNotAllowed) {
    status = 405;
    headers["allow"] = error.allow.join(", ");
  }
  // RFC 6750 §3: a 401 names the scheme the server wants.
  if (error.code === "Unauthenticated") headers["www-authenticate"] = 'Bearer realm="ringkv"';
  if (status === 503) headers["retry-after"] = String(Math.max(1, Math.ceil(error.retryAfterMs / 1000)));
  return { status, headers, body: JSON.stringify(error.toJSON()) };
}

/** The answer to a GET of an absent key: what errorReply() gives a NotFound, made once. */
const KEY_NOT_FOUND: Reply = errorReply(new RingkvError("NotFound", "key not found"));

function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { ...headers, "content-type": JSON_TYPE }, body: JSON.stringify(value) };
}

function send(res: http.ServerResponse, reply: Reply, how: { closing: boolean; head: boolean }): void {
  if (res.headersSent || res.destroyed) return;
  if (reply.stream) {
    res.writeHead(reply.status, reply.headers);
    res.flushHeaders();
    // The stream ends the response itself; a failure writing it leaves a broken connection only.
    reply.stream(res).catch(() => res.destroy());
    return;
  }
  const body = typeof reply.body === "string" ? Buffer.from(reply.body) : reply.body;
  res.writeHead(reply.status, {
    ...reply.headers,
    // For HEAD, the length GET would send (RFC 9110 §9.3.2), though no body follows.
    "content-length": String(body.byteLength),
    ...(how.closing ? { connection: "close" } : {}),
  });
  res.end(how.head ? undefined : body);
}

function exactly(expected: string): (path: string) => boolean {
  return (path) => path === expected;
}

function keyOf(path: string, limits: KvLimits): Uint8Array {
  const key = percentDecode(path.slice(KV_PREFIX.length));
  validateKey(key, limits.maxKeyBytes);
  return key;
}

/**
 * The raw bytes a percent-encoded path segment stands for. Not decodeURIComponent: a key is any
 * byte string, not necessarily UTF-8. Node rejects non-ASCII request lines, so every other
 * character is one ASCII byte.
 */
export function percentDecode(encoded: string): Uint8Array {
  const bytes = new Uint8Array(encoded.length);
  let length = 0;
  for (let i = 0; i < encoded.length; i++) {
    const c = encoded.charCodeAt(i);
    if (c === 0x25 /* % */) {
      const byte = hexByte(encoded, i + 1);
      if (byte < 0)
        throw new RingkvError("InvalidArgument", `invalid percent-encoding at offset ${i} of the key`);
      bytes[length++] = byte;
      i += 2;
    } else {
      bytes[length++] = c & 0xff;
    }
  }
  return bytes.subarray(0, length);
}

function hexByte(text: string, at: number): number {
  const hi = hexDigit(text.charCodeAt(at));
  const lo = hexDigit(text.charCodeAt(at + 1));
  return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

function scopeOf(query: URLSearchParams): "local" | "cluster" {
  const scope = query.get("scope") ?? "cluster";
  if (scope !== "local" && scope !== "cluster") {
    throw new RingkvError(
      "InvalidArgument",
      `scope must be "local" or "cluster", not ${JSON.stringify(scope)}`,
    );
  }
  return scope;
}

function consistencyOf(query: URLSearchParams): Consistency {
  const values = query.getAll("consistency");
  if (values.length === 0) return "linearizable";
  const [value] = values;
  if (values.length === 1 && (value === "stale" || value === "linearizable")) return value;
  throw new RingkvError(
    "InvalidArgument",
    `consistency must be "stale" or "linearizable", got ${JSON.stringify(values.join(","))}`,
  );
}

/** `If-Match: N` (a bare or quoted version); undefined when absent. */
function ifMatchOf(req: http.IncomingMessage): number | undefined {
  const header = req.headers["if-match"];
  if (header === undefined) return undefined;
  const match = /^\s*(?:(\d+)|"(\d+)")\s*$/.exec(header);
  const version = Number(match?.[1] ?? match?.[2] ?? Number.NaN);
  if (!match || !Number.isSafeInteger(version)) {
    throw new RingkvError(
      "InvalidArgument",
      `If-Match must be a version number, got ${JSON.stringify(header)}`,
    );
  }
  validateVersion(version);
  return version;
}

/**
 * A PUT's compare-and-set version: `If-Match: N`, or `If-None-Match: *` (create only, the same
 * as `If-Match: 0`). Versions are not entity tags, so If-None-Match takes only `*`.
 */
function putPreconditionOf(req: http.IncomingMessage): number | undefined {
  const ifMatch = ifMatchOf(req);
  const noneMatch = req.headers["if-none-match"];
  if (noneMatch === undefined) return ifMatch;
  if (noneMatch.trim() !== "*") {
    throw new RingkvError(
      "InvalidArgument",
      `If-None-Match must be "*" (create only), got ${JSON.stringify(noneMatch)}`,
    );
  }
  if (ifMatch !== undefined && ifMatch !== 0) {
    throw new RingkvError(
      "InvalidArgument",
      `If-None-Match: * (create only) contradicts If-Match: ${ifMatch}`,
    );
  }
  return 0;
}

function declaredLength(req: http.IncomingMessage): number {
  const header = req.headers["content-length"];
  return header === undefined ? 0 : Number(header);
}

function tooLarge(bodyBytesMax: number): RingkvError {
  return new RingkvError("RequestTooLarge", `request body is larger than ${bodyBytesMax} bytes`);
}

/** The request body, refusing (without reading further) once it passes `bodyBytesMax`. */
function readBody(req: http.IncomingMessage, bodyBytesMax: number): Promise<Uint8Array> {
  if (declaredLength(req) > bodyBytesMax) return Promise.reject(tooLarge(bodyBytesMax));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const cleanup = (): void => {
      req.off("data", onData).off("end", onEnd).off("error", onError).off("aborted", onError);
    };
    const onData = (chunk: Buffer): void => {
      total += chunk.byteLength;
      if (total > bodyBytesMax) {
        cleanup();
        reject(tooLarge(bodyBytesMax));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      // One exact, unpooled copy: the value may be kept, and must not pin socket buffers.
      const body = Buffer.allocUnsafeSlow(total);
      let offset = 0;
      for (const chunk of chunks) offset += chunk.copy(body, offset);
      resolve(body);
    };
    const onError = (): void => {
      cleanup();
      reject(new RingkvError("InvalidArgument", "the request body was cut off"));
    };
    req.on("data", onData).on("end", onEnd).on("error", onError).on("aborted", onError);
  });
}
