// The node's Prometheus registry. It owns every metric the node exports so /metrics has one
// source: request counters and latency histograms for the HTTP and gRPC servers, Node's default
// process metrics under their standard names (`process_cpu_seconds_total`, `nodejs_heap_…`, so
// stock dashboards find them), and factories the node uses for its own series (raft-metrics.ts)
// so those land in the same registry under the `ringkv_` prefix.
//
// Request metrics sit on the hot path: their label children are bound once per label
// combination and looked up through nested maps, so observing a request allocates nothing
// beyond the histogram's own bookkeeping.
import {
  Counter,
  type CounterConfiguration,
  collectDefaultMetrics,
  Gauge,
  type GaugeConfiguration,
  Histogram,
  type HistogramConfiguration,
  Registry,
} from "prom-client";

export const METRIC_PREFIX = "ringkv_";

/** Request latencies span sub-millisecond local reads to multi-second elections. */
export const LATENCY_BUCKETS_SECONDS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

export interface MetricsOptions {
  /** Also export Node's process metrics (CPU, memory, event-loop lag, GC); default true. */
  readonly processMetrics?: boolean;
  /** Labels added to every series, e.g. `{ node: "n1" }`. */
  readonly labels?: Readonly<Record<string, string>>;
}

export interface HttpSample {
  /** The route template, never the raw path: keys must not become label values. */
  readonly route: string;
  readonly method: string;
  /** The HTTP status code. */
  readonly code: string;
  readonly seconds: number;
}

export interface GrpcSample {
  /** Full service name, e.g. `ringkv.kv.KV`. */
  readonly service: string;
  readonly method: string;
  /** The gRPC status code name (`OK`, `NOT_FOUND`, `UNAVAILABLE`, …). */
  readonly code: string;
  readonly seconds: number;
}

type HttpLabel = "route" | "method" | "code";
type GrpcLabel = "grpc_service" | "grpc_method" | "grpc_code" | "grpc_type";

interface Bound {
  readonly count: { inc(): void };
  readonly seconds: { observe(value: number): void };
}

/** Label children bound once per (a, b, c) combination, found again without allocating. */
class BoundChildren {
  readonly #bind: (a: string, b: string, c: string) => Bound;
  readonly #children = new Map<string, Map<string, Map<string, Bound>>>();

  constructor(bind: (a: string, b: string, c: string) => Bound) {
    this.#bind = bind;
  }

  get(a: string, b: string, c: string): Bound {
    let byB = this.#children.get(a);
    if (byB === undefined) {
      byB = new Map();
      this.#children.set(a, byB);
    }
    let byC = byB.get(b);
    if (byC === undefined) {
      byC = new Map();
      byB.set(b, byC);
    }
    let bound = byC.get(c);
    if (bound === undefined) {
      bound = this.#bind(a, b, c);
      byC.set(c, bound);
    }
    return bound;
  }
}

export class Metrics {
  readonly #registry = new Registry();
  readonly #http: BoundChildren;
  readonly #grpc: BoundChildren;

  constructor(options: MetricsOptions = {}) {
    if (options.labels) this.#registry.setDefaultLabels(options.labels);
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.#registry });
    const httpLabels: HttpLabel[] = ["route", "method", "code"];
    const httpRequests = this.counter({
      name: "ringkv_http_requests_total",
      help: "HTTP requests served, by route template, method and status code.",
      labelNames: httpLabels,
    });
    const httpSeconds = this.histogram({
      name: "ringkv_http_request_duration_seconds",
      help: "HTTP request latency from the first byte read to the last byte written.",
      labelNames: httpLabels,
      buckets: LATENCY_BUCKETS_SECONDS,
    });
    this.#http = new BoundChildren((route, method, code) => ({
      count: httpRequests.labels({ route, method, code }),
      seconds: httpSeconds.labels({ route, method, code }),
    }));
    // Named and labelled as go-grpc-prometheus does (grpc_server_handled_total …), prefixed.
    const grpcLabels: GrpcLabel[] = ["grpc_service", "grpc_method", "grpc_code", "grpc_type"];
    const grpcHandled = this.counter({
      name: "ringkv_grpc_server_handled_total",
      help: "gRPC calls completed by the server, by service, method and gRPC status code.",
      labelNames: grpcLabels,
    });
    const grpcSeconds = this.histogram({
      name: "ringkv_grpc_server_handling_seconds",
      help: "gRPC call latency inside the handler, by service, method and gRPC status code.",
      labelNames: grpcLabels,
      buckets: LATENCY_BUCKETS_SECONDS,
    });
    this.#grpc = new BoundChildren((service, method, code) => {
      const labels = { grpc_service: service, grpc_method: method, grpc_code: code, grpc_type: "unary" };
      return { count: grpcHandled.labels(labels), seconds: grpcSeconds.labels(labels) };
    });
  }

  observeHttp(sample: HttpSample): void {
    const bound = this.#http.get(sample.route, sample.method, sample.code);
    bound.count.inc();
    bound.seconds.observe(sample.seconds);
  }

  observeGrpc(sample: GrpcSample): void {
    const bound = this.#grpc.get(sample.service, sample.method, sample.code);
    bound.count.inc();
    bound.seconds.observe(sample.seconds);
  }

  /** A counter in this registry; the node's hook for its own series. */
  counter<T extends string>(config: Omit<CounterConfiguration<T>, "registers">): Counter<T> {
    return new Counter<T>({ ...Metrics.#checked(config), registers: [this.#registry] });
  }

  /** A gauge in this registry; pass `collect` to read the value when scraped (e.g. commit index). */
  gauge<T extends string>(config: Omit<GaugeConfiguration<T>, "registers">): Gauge<T> {
    return new Gauge<T>({ ...Metrics.#checked(config), registers: [this.#registry] });
  }

  histogram<T extends string>(config: Omit<HistogramConfiguration<T>, "registers">): Histogram<T> {
    return new Histogram<T>({ ...Metrics.#checked(config), registers: [this.#registry] });
  }

  get contentType(): string {
    return this.#registry.contentType;
  }

  /** The Prometheus text exposition of every series. */
  text(): Promise<string> {
    return this.#registry.metrics();
  }

  static #checked<C extends { readonly name: string }>(config: C): C {
    if (!config.name.startsWith(METRIC_PREFIX)) {
      throw new Error(`metric ${config.name} must be named ${METRIC_PREFIX}…`);
    }
    return config;
  }
}
