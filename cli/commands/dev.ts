// `ringkv dev [--nodes 3] [--data ./data]`: a local cluster of real node processes, for trying
// ringkv out. Ctrl-C stops every node gracefully; a second Ctrl-C kills them.
import type { Command } from "commander";
import { integerIn } from "../arguments.ts";
import type { DevCluster, DevNode } from "../dev-cluster.ts";
import { Output } from "../output.ts";

interface DevFlags {
  readonly nodes: number;
  readonly data: string;
}

export function registerDev(program: Command): void {
  program
    .command("dev")
    .description("run a local cluster: nodes on 127.0.0.1:7001.. (gRPC) and 8001.. (HTTP)")
    .option("--nodes <n>", "number of nodes", integerIn(1, 20), 3)
    .option("--data <dir>", "root of the nodes' data directories", "./data")
    .addHelpText(
      "after",
      `
Examples:
  $ ringkv dev                           # three nodes, data in ./data/n1..n3
  $ ringkv dev --nodes 5 --data /tmp/ringkv
Run it again with the same --data to restart the cluster from disk.`,
    )
    .action(async (flags: DevFlags) => {
      const out = new Output(false);
      const { DevCluster, devNodes } = await import("../dev-cluster.ts");
      let cluster: DevCluster;
      try {
        cluster = new DevCluster(devNodes(flags.nodes, flags.data));
      } catch (e) {
        process.exitCode = out.failure(e);
        return;
      }
      let signals = 0;
      const onSignal = (): void => {
        signals++;
        const signal = signals === 1 ? "SIGTERM" : "SIGKILL";
        if (signals === 1) process.stdout.write("stopping the cluster (Ctrl-C again to kill it)\n");
        cluster.stop(signal).then(() => process.exit(signals === 1 ? 0 : 1));
      };
      process.on("SIGINT", onSignal);
      process.on("SIGTERM", onSignal);
      try {
        await cluster.start();
      } catch (e) {
        if (signals > 0) return;
        process.exitCode = out.failure(e);
        await cluster.stop();
        process.exit();
      }
      process.stdout.write(readyText(cluster.nodes, flags.data));
    });
}

function readyText(nodes: readonly DevNode[], dataRoot: string): string {
  const addrs = nodes.map((n) => n.addr).join(",");
  const http = nodes[0]?.http ?? "";
  const lines = nodes.map((n) => `  ${n.id}  gRPC ${n.addr}  HTTP http://${n.http}  data ${n.dataDir}`);
  return `
ringkv dev: ${nodes.length} node(s) up
${lines.join("\n")}

Point the CLI at the cluster:
  export RINGKV_ADDR=${addrs}
  npx ringkv put greeting hello
  npx ringkv get greeting
  npx ringkv status

Or use HTTP:
  curl -X PUT --data-binary hello http://${http}/v1/kv/greeting
  curl http://${http}/v1/kv/greeting
  curl http://${http}/v1/status
  open http://${http}/ (status page) or http://${http}/metrics

Ctrl-C stops the cluster; \`ringkv dev --data ${dataRoot}\` restarts it from disk.
`;
}
