// `ringkv snapshot save|restore|status`: consistent backups of the whole cluster
// (src/node/backup), as `etcdctl snapshot save|restore|status` has them.
import { type Command, InvalidArgumentError } from "commander";
import { RingkvError } from "../../src/api/errors.ts";
import { validateNodeId } from "../../src/api/limits.ts";
import { address, integerIn } from "../arguments.ts";
import { type ClientFlags, clientBudgetMs, clientCommand, clientFlags } from "../client-command.ts";
import { type ClientTlsFlags, clientTls } from "../client-tls.ts";
import { Output } from "../output.ts";
import { Progress } from "../progress.ts";
import { REPLICAS_MAX, SHARDS_MAX } from "../start-config.ts";
import { textTable } from "../text-table.ts";

/** save's --timeout default: a large cluster's state takes longer than a request to gather. */
export const SNAPSHOT_SAVE_TIMEOUT_S = 600;

export function registerSnapshot(program: Command): void {
  const snapshot = program
    .command("snapshot")
    .description("save a consistent backup of the cluster, inspect one, or restore one")
    .addHelpText(
      "after",
      `
Examples:
  $ ringkv snapshot save backup.rkv --addr 127.0.0.1:7001
  $ ringkv snapshot status backup.rkv
  $ ringkv snapshot restore backup.rkv --data ./data/n1 --id n1 --listen 127.0.0.1:7001 --http 127.0.0.1:8001
  $ ringkv start --id n1 --listen 127.0.0.1:7001 --http 127.0.0.1:8001 --data ./data/n1`,
    );
  registerSave(snapshot);
  registerRestore(snapshot);
  registerStatus(snapshot);
}

function registerSave(snapshot: Command): void {
  clientCommand(snapshot, "save")
    .description("back up every shard (each at a linearizable point) into FILE, atomically")
    .argument("<file>", "where to write the backup (FILE.tmp until complete)")
    .addHelpText(
      "after",
      `
The node at --addr gathers every shard from its leader while the cluster serves. Progress goes
to stderr on a terminal. --timeout default here: ${SNAPSHOT_SAVE_TIMEOUT_S} s.`,
    )
    .action(async (file: string, _: unknown, command: Command) => {
      const root = rootOf(command);
      const flags = clientFlags<ClientFlags & ClientTlsFlags>(command);
      const timeoutS =
        root.getOptionValueSource("timeout") === "default" ? SNAPSHOT_SAVE_TIMEOUT_S : flags.timeout;
      await run(flags.json, async (out) => {
        const { saveBackup } = await import("../../src/node/backup/backup-save.ts");
        const { Metadata } = await import("@grpc/grpc-js");
        const { clientCredentials } = await import("../../src/client/tls.ts");
        const metadata = new Metadata();
        // The same bearer token the other client commands send (an admin token: a backup reads all).
        if (flags.token) metadata.set("authorization", `Bearer ${flags.token}`);
        const progress = new Progress("snapshot save");
        try {
          const report = await saveBackup({
            addresses: flags.addr.split(","),
            path: file,
            deadline: Date.now() + clientBudgetMs(timeoutS * 1000),
            call: { credentials: clientCredentials(clientTls(flags)), metadata },
            onProgress: (done, total) => progress.show(done, total),
          });
          progress.done();
          out.result(
            report,
            `saved ${report.shards} shards, ${report.keys} keys, ${report.bytes} bytes to ${report.path} (from ${report.addr})`,
          );
        } finally {
          progress.done();
        }
      });
    });
}

interface RestoreFlags {
  readonly data: string;
  readonly id: string;
  readonly listen: string;
  readonly advertise?: string;
  readonly http?: string;
  readonly advertiseHttp?: string;
  readonly shards?: number;
  readonly replicas?: number;
}

function registerRestore(snapshot: Command): void {
  snapshot
    .command("restore")
    .description("build a new cluster's first node from a backup")
    .argument("<file>", "the backup")
    .requiredOption("--data <dir>", "the new node's data directory (must be new or empty)")
    .option("--id <id>", "the new node's id", nodeId, "n1")
    .requiredOption("--listen <host:port>", "the gRPC address the node will be started with", address)
    .option("--advertise <host:port>", "the gRPC address peers and clients use (default: --listen)", address)
    .option("--http <host:port>", "the HTTP address the node will be started with", address)
    .option("--advertise-http <host:port>", "the HTTP address others use (default: --http)", address)
    .option("--shards <n>", "the shard count expected (must be the backup's)", integerIn(1, SHARDS_MAX))
    .option(
      "--replicas <n>",
      "the new cluster's replicas per shard (default: the backup's)",
      integerIn(1, REPLICAS_MAX),
    )
    .addHelpText(
      "after",
      `
Then start the node with the same --id, --listen, --http and --data (no --bootstrap): it leads
every shard of a new cluster holding the backup's keys; more nodes --join it as usual. The
cluster keeps the backup's shard count and replication factor. A damaged or truncated backup is
refused (exit 2) and nothing is left in --data.`,
    )
    .action(async (file: string, flags: RestoreFlags, command: Command) => {
      await run(clientFlags(command).json, async (out) => {
        const { restoreBackup } = await import("../../src/node/backup/restore.ts");
        const progress = new Progress("snapshot restore");
        try {
          const summary = await restoreBackup({
            path: file,
            dataDir: flags.data,
            founder: {
              id: flags.id,
              addr: flags.advertise ?? flags.listen,
              http: flags.advertiseHttp ?? flags.http ?? "",
            },
            ...(flags.shards === undefined ? {} : { shardCount: flags.shards }),
            ...(flags.replicas === undefined ? {} : { replicationFactor: flags.replicas }),
            onProgress: (done, total) => progress.show(done, total),
          });
          progress.done();
          out.result(
            {
              restored: file,
              data: flags.data,
              id: flags.id,
              shards: summary.header.shardCount,
              keys: summary.keys,
            },
            `restored ${summary.header.shardCount} shards, ${summary.keys} keys into ${flags.data} as node ${flags.id}; start it with: ringkv start --id ${flags.id} --listen ${flags.listen}${flags.http ? ` --http ${flags.http}` : ""} --data ${flags.data}`,
          );
        } finally {
          progress.done();
        }
      });
    });
}

function registerStatus(snapshot: Command): void {
  snapshot
    .command("status")
    .alias("inspect")
    .description("check a backup and show what it holds")
    .argument("<file>", "the backup")
    .action(async (file: string, _: unknown, command: Command) => {
      await run(clientFlags(command).json, async (out) => {
        const { readBackup } = await import("../../src/node/backup/backup-reader.ts");
        const summary = await readBackup(file);
        const { header } = summary;
        const text = [
          `${file}: ringkv backup, format version ${summary.formatVersion}, ${summary.bytes} bytes, checksums ok`,
          `created ${header.createdAt} from node ${header.sourceNode} at epoch ${header.epoch}`,
          `${header.shardCount} shards, replication factor ${header.replicationFactor}, ${summary.keys} keys`,
          "",
          textTable(
            ["shard", "applied", "keys", "bytes", "replicas then"],
            summary.shards.map((s) => [
              s.shard,
              s.appliedIndex,
              s.keyCount,
              s.stateBytes,
              (header.placement[s.shard] ?? []).join(",") || "-",
            ]),
          ),
        ].join("\n");
        out.result(summary, text);
      });
    });
}

/** Run a snapshot command's body: a failure becomes its message and exit code. */
async function run(json: boolean, body: (out: Output) => Promise<void>): Promise<void> {
  const out = new Output(json);
  try {
    await body(out);
  } catch (e) {
    process.exitCode = out.failure(e instanceof Error && !(e instanceof RingkvError) ? fileError(e) : e);
  }
}

/** A file-system failure (no such file, permission) is the user's input, not the cluster's. */
function fileError(e: Error): unknown {
  const code = (e as NodeJS.ErrnoException).code;
  return code ? new RingkvError("InvalidArgument", e.message) : e;
}

/** --id, checked as the node checks ids. */
function nodeId(text: string): string {
  try {
    validateNodeId(text);
    return text;
  } catch (e) {
    throw new InvalidArgumentError(e instanceof Error ? e.message : String(e));
  }
}

function rootOf(command: Command): Command {
  let root = command;
  while (root.parent) root = root.parent;
  return root;
}
