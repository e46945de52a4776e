// The node's Prometheus registry. It owns every metric the node exports so /metrics has one
// source: request counters and latency histograms for the HTTP and gRPC servers, Node's default
// process metrics under their standard names (`process_cpu_seconds_total`, `nodejs_heap_…`, so
// stock dashboards find them), and factories the node uses for its own series (raft-metrics.ts)
// so those land in the same registry under the `ringkv_` prefix.
//
// Request metrics sit on the hot path: their label children are bound once per label
// combination, looked up through nested maps and kept by hand (request-series.ts), so observing
// a request allocates nothing.
import { status as GrpcStatus } from "@grpc/grpc-js";
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
import { invariant } from "../invariant.ts";
import { type RequestChild, RequestSeries } from "./request-series.ts";

export const METRIC_PREFIX = "ringkv_";

/** gRPC status code → its canonical name (`NOT_FOUND`), the label value Prometheus users expect. */
const GRPC_CODE_NAMES: Readonly<Record<number, string>> = Object.fromEntries(
  Object.entries(GrpcStatus)
    .filter(([, value]) => typeof value === "number")
    .map(([name, value]) => [value, name]),
);

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

/**
 * Request children bound once per (a, b, c) combination, found again without allocating: the
 * status code stays a number until its label is bound.
 */
class BoundChildren {
  readonly #bind: (a: string, b: string, c: number) => RequestChild;
  readonly #children = new Map<string, Map<string, Map<number, RequestChild>>>();

  constructor(bind: (a: string, b: string, c: number) => RequestChild) {
    this.#bind = bind;
  }

  get(a: string, b: string, c: number): RequestChild {
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
    let child = byC.get(c);
    if (child === undefined) {
      child = this.#bind(a, b, c);
      byC.set(c, child);
    }
    return child;
  }
}

/**
 * How often the event-loop lag (nodejs_eventloop_lag_*) is sampled. prom-client's default, 10 ms,
 * is a timer firing 100 times a second: 0.96% of a core per process on this project's machines
 * (a bare Node process with nothing else to do: 0.12% at 100 ms, 0.04% without the monitor),
 * close to a third of an idle 3-node cluster's CPU. Lag of a loop blocked for 100 ms or more is
 * still seen every time; shorter stalls are seen when a sample falls in them.
 */
export const EVENT_LOOP_SAMPLE_MS = 100;

export class Metrics {
  readonly #registry = new Registry();
  readonly #http: BoundChildren;
  readonly #grpc: BoundChildren;

  constructor(options: MetricsOptions = {}) {
    if (options.labels) this.#registry.setDefaultLabels(options.labels);
    if (options.processMetrics ?? true) {
      collectDefaultMetrics({
        register: this.#registry,
        eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS,
      });
    }
    const http = new RequestSeries(this.#registry, {
      counterName: "ringkv_http_requests_total",
      counterHelp: "HTTP requests served, by route template, method and status code.",
      histogramName: "ringkv_http_request_duration_seconds",
      histogramHelp: "HTTP request latency from the first byte read to the last byte written.",
      bucketsSeconds: LATENCY_BUCKETS_SECONDS,
    });
    this.#http = new BoundChildren((route, method, status) =>
      http.child({ route, method, code: String(status) }),
    );
    // Named and labelled as go-grpc-prometheus does (grpc_server_handled_total …), prefixed.
    const grpc = new RequestSeries(this.#registry, {
      counterName: "ringkv_grpc_server_handled_total",
      counterHelp: "gRPC calls completed by the server, by service, method and gRPC status code.",
      histogramName: "ringkv_grpc_server_handling_seconds",
      histogramHelp: "gRPC call latency inside the handler, by service, method and gRPC status code.",
      bucketsSeconds: LATENCY_BUCKETS_SECONDS,
    });
    this.#grpc = new BoundChildren((service, method, code) =>
      grpc.child({
        grpc_service: service,
        grpc_method: method,
        grpc_code: GRPC_CODE_NAMES[code] ?? String(code),
        grpc_type: "unary",
      }),
    );
  }

  /**
   * One HTTP request served. `route` is the route template, never the raw path: keys must not
   * become label values.
   */
  observeHttp(route: string, method: string, status: number, seconds: number): void {
    this.#http.get(route, method, status).observe(seconds);
  }

  /** One gRPC call completed: `service` is the full name (`ringkv.kv.KV`), `code` its gRPC status. */
  observeGrpc(service: string, method: string, code: GrpcStatus, seconds: number): void {
    this.#grpc.get(service, method, code).observe(seconds);
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
    invariant(
      config.name.startsWith(METRIC_PREFIX),
      () => `metric ${config.name} must be named ${METRIC_PREFIX}…`,
    );
    return config;
  }
}
