// Running the real `ringkv` CLI from CLI tests, as users do: its own process, its own pipes (from
// its sources: test/support/ringkv-command.ts).
import { spawn } from "node:child_process";
import { RINGKV_NODE_ARGS } from "../support/ringkv-command.ts";

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Spawn to exit, in ms. */
  readonly elapsedMs: number;
}

export function ringkv(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return collect(process.execPath, [...RINGKV_NODE_ARGS, ...args], { RINGKV_ADDR: undefined, ...env });
}

/** Run a shell line (a real pipe between real processes); `$RINGKV` is the binary. */
export function shell(line: string): Promise<Run> {
  return collect("bash", ["-c", line], { RINGKV: [process.execPath, ...RINGKV_NODE_ARGS].join(" ") });
}

/** Spawn `command` and collect its output and exit code. */
function collect(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr, elapsedMs: performance.now() - started }));
  });
}
