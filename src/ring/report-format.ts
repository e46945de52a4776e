// Plain-text tables for `ringkv ring`: shards first (where the keys are), then members (who
// serves and stores them), then one line of balance figures.

import type { RingReport } from "./report.ts";

type Align = "left" | "right";

export function formatRingReport(report: RingReport): string {
  const shardRows = report.shards.map((shard) => [
    String(shard.id),
    percent(shard.keyShare),
    shard.leader,
    shard.replicas.join(","),
  ]);
  const nodeRows = report.nodes.map((node) => [
    node.id,
    String(node.replicas),
    String(node.leaders),
    percent(node.keysLed),
    percent(node.keysStored),
  ]);
  const b = report.balance;
  return [
    formatTable(["shard", "key share", "leader", "replicas"], shardRows, ["right", "right", "left", "left"]),
    "",
    formatTable(["node", "replicas", "leads", "keys led", "keys stored"], nodeRows, [
      "left",
      "right",
      "right",
      "right",
      "right",
    ]),
    "",
    `${report.shardCount} shards × ${report.replicasPerShard} replicas (factor ${report.replicationFactor}, ` +
      `load slack ${report.loadSlack}); max/mean: shard key share ${ratio(b.shardKeyShare)}, ` +
      `replicas ${ratio(b.replicas)}, leads ${ratio(b.leaders)}, keys led ${ratio(b.keysLed)}, ` +
      `keys stored ${ratio(b.keysStored)}`,
  ].join("\n");
}

/** A fixed-width text table with a header rule; cells never wrap. */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[],
): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? cell.length;
        return align[column] === "right" ? cell.padStart(width) : cell.padEnd(width);
      })
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(line)].join("\n");
}

function percent(share: number): string {
  return `${(share * 100).toFixed(2)}%`;
}

function ratio(value: number): string {
  return value.toFixed(3);
}
