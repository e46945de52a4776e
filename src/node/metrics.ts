// The node's Prometheus registry. It owns every metric the node exports so /metrics has one
// source: request counters and latency histograms for the HTTP and gRPC servers, Node's default
// process metrics, and factories the node uses for its own series (Raft terms, commit lag, WAL
// fsync time) so those land in the same registry under the same `ringkv_` prefix.
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

export const METRIC_PREFIX = "ringkv_";

/** Request latencies span sub-millisecond local reads to multi-second elections. */
const LATENCY_BUCKETS_SECONDS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

export interface MetricsOptions {
  /** Also export Node's process metrics (CPU, memory, event-loop lag, GC); default true. */
  readonly processMetrics?: boolean;
  /** Labels added to every series, e.g. `{ node: "n1" }`. */
  readonly labels?: Readonly<Record<string, string>>;
}

export interface RequestSample {
  /** The route template or RPC name, never the raw path: keys must not become label values. */
  readonly route: string;
  readonly method: string;
  /** HTTP status, or the ringkv error code ("OK" on success) for gRPC. */
  readonly code: string;
  readonly seconds: number;
}

type RequestLabel = "route" | "method" | "code";

export class Metrics {
  readonly #registry = new Registry();
  readonly #httpRequests: Counter<RequestLabel>;
  readonly #httpSeconds: Histogram<RequestLabel>;
  readonly #grpcRequests: Counter<RequestLabel>;
  readonly #grpcSeconds: Histogram<RequestLabel>;

  constructor(options: MetricsOptions = {}) {
    if (options.labels) this.#registry.setDefaultLabels(options.labels);
    if (options.processMetrics ?? true) {
      collectDefaultMetrics({ register: this.#registry, prefix: METRIC_PREFIX });
    }
    const labelNames: RequestLabel[] = ["route", "method", "code"];
    this.#httpRequests = this.counter({
      name: "ringkv_http_requests_total",
      help: "HTTP requests served, by route template, method and status code.",
      labelNames,
    });
    this.#httpSeconds = this.histogram({
      name: "ringkv_http_request_duration_seconds",
      help: "HTTP request latency from the first byte read to the last byte written.",
      labelNames,
      buckets: LATENCY_BUCKETS_SECONDS,
    });
    this.#grpcRequests = this.counter({
      name: "ringkv_grpc_requests_total",
      help: "KV gRPC calls served, by method and ringkv error code (OK on success).",
      labelNames,
    });
    this.#grpcSeconds = this.histogram({
      name: "ringkv_grpc_request_duration_seconds",
      help: "KV gRPC call latency inside the handler.",
      labelNames,
      buckets: LATENCY_BUCKETS_SECONDS,
    });
  }

  observeHttp(sample: RequestSample): void {
    Metrics.#observe(this.#httpRequests, this.#httpSeconds, sample);
  }

  observeGrpc(sample: RequestSample): void {
    Metrics.#observe(this.#grpcRequests, this.#grpcSeconds, sample);
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

  static #observe(
    counter: Counter<RequestLabel>,
    histogram: Histogram<RequestLabel>,
    sample: RequestSample,
  ): void {
    const labels = { route: sample.route, method: sample.method, code: sample.code };
    counter.inc(labels);
    histogram.observe(labels, sample.seconds);
  }

  static #checked<C extends { readonly name: string }>(config: C): C {
    invariant(
      config.name.startsWith(METRIC_PREFIX),
      () => `metric ${config.name} must be named ${METRIC_PREFIX}…`,
    );
    return config;
  }
}
