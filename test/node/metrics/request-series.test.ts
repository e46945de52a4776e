// The hand-kept request series export exactly what prom-client's own Counter and Histogram would
// for the same observations (the reference), in the same text format.
import { Counter, Histogram, Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { RequestSeries } from "../../../src/node/request-series.ts";

const BUCKETS = [0.001, 0.01, 0.1, 1];

describe("request series", () => {
  it("match prom-client's Counter and Histogram sample for sample", async () => {
    const ours = new Registry();
    const series = new RequestSeries(ours, {
      counterName: "req_total",
      counterHelp: "h",
      histogramName: "req_seconds",
      histogramHelp: "h",
      bucketsSeconds: BUCKETS,
    });
    const reference = new Registry();
    const counter = new Counter({
      name: "req_total",
      help: "h",
      labelNames: ["route"],
      registers: [reference],
    });
    const histogram = new Histogram({
      name: "req_seconds",
      help: "h",
      labelNames: ["route"],
      buckets: BUCKETS,
      registers: [reference],
    });
    const children = { a: series.child({ route: "a" }), b: series.child({ route: "b" }) };
    // Values on, between and beyond the bounds.
    const observations: [keyof typeof children, number][] = [
      ["a", 0.0005],
      ["a", 0.001],
      ["a", 0.05],
      ["b", 0.1],
      ["b", 5],
      ["a", 2],
      ["b", 0.0011],
    ];
    for (const [route, seconds] of observations) {
      children[route].observe(seconds);
      counter.inc({ route });
      histogram.observe({ route }, seconds);
    }
    const lines = (text: string): string[] =>
      text
        .split("\n")
        .filter((l) => l && !l.startsWith("#"))
        .sort();
    expect(lines(await ours.metrics())).toEqual(lines(await reference.metrics()));
  });
});
