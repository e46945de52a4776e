// `ringkv ring`: each shard's share of the key space (exact, from the ring), its replicas and
// leader; and per node the replicas and leaders it holds and the key-space share they add up to.
import type { Command } from "commander";
import { type RingView, ringFromStatus } from "../../src/api/ring-view.ts";
import { clientCommand, clientFlags, runWithClient } from "../client-command.ts";
import { listCell, textTable } from "../text-table.ts";

export function registerRing(program: Command): void {
  const command = clientCommand(program, "ring").description("show key-space share and replicas per node");
  command.addHelpText(
    "after",
    `
Examples:
  $ ringkv ring
  $ ringkv ring --json`,
  );
  command.action(async (_: unknown, command: Command) => {
    await runWithClient(clientFlags(command), async (client, out) => {
      const view = ringFromStatus(await client.status());
      out.result(view, ringText(view));
    });
  });
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

export function ringText(view: RingView): string {
  const nodes = textTable(
    ["node", "addr", "state", "replicas", "share", "leads", "lead share"],
    view.nodes.map((n) => [
      n.id,
      n.addr || "-",
      n.state,
      n.replicas,
      percent(n.replicaShare),
      n.leaders,
      percent(n.leaderShare),
    ]),
  );
  const shards = textTable(
    ["shard", "share", "leader", "replicas", "learners"],
    view.shards.map((s) => [
      s.id,
      percent(s.share),
      s.leader || "-",
      listCell(s.replicas),
      listCell(s.learners),
    ]),
  );
  return `epoch ${view.epoch}, ${view.shardCount} shards\n\n${nodes}\n\n${shards}`;
}
