// `ringkv status`: members, shards, leaders and the epoch, as the node at --addr sees them.
import type { Command } from "commander";
import type { StatusJson } from "../../src/api/kv-api.ts";
import { shardFlags } from "../../src/api/shard-flags.ts";
import { clientCommand, clientFlags, runWithClient } from "../client-command.ts";
import { listCell, textTable } from "../text-table.ts";

export function registerStatus(program: Command): void {
  const command = clientCommand(program, "status").description("show members, shards, leaders and the epoch");
  command.addHelpText(
    "after",
    `
Examples:
  $ ringkv status
  $ ringkv status --json --addr 127.0.0.1:7002`,
  );
  command.action(async (_: unknown, command: Command) => {
    await runWithClient(clientFlags(command), async (client, out) => {
      const status = await client.status();
      out.result(status, statusText(status));
    });
  });
}

/** What needs attention on a shard: no leader, too few live replicas, diverged, moving. */
function shardNotes(s: StatusJson["shards"][number], status: StatusJson): string {
  return (
    shardFlags(s, status)
      .map((f) => f.text)
      .join("; ") || "-"
  );
}

export function statusText(status: StatusJson): string {
  const { node } = status;
  const header = `node ${node.id}  gRPC ${node.addr}  HTTP ${node.http || "-"}  epoch ${status.epoch}`;
  const members = textTable(
    ["member", "addr", "http", "state", "incarnation"],
    status.members.map((m) => [
      m.id,
      m.addr,
      m.http || "-",
      m.leaving ? `${m.state}, leaving` : m.state,
      m.incarnation,
    ]),
  );
  const shards = textTable(
    ["shard", "leader", "term", "replicas", "learners", "commit", "applied", "keys", "notes"],
    status.shards.map((s) => [
      s.id,
      s.leader || "-",
      s.term,
      listCell(s.replicas),
      listCell(s.learners),
      s.commitIndex,
      s.appliedIndex,
      s.keys,
      shardNotes(s, status),
    ]),
  );
  return `${header}\n\n${members}\n\n${shards}`;
}
