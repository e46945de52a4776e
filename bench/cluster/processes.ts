// The child processes one benchmark run owns (cluster members, wrk), and how they end.
//
// Children run in their own process group (`detached`), so a Ctrl-C in the terminal reaches only
// the benchmark, which then stops them in order: SIGTERM (graceful: a ringkv node hands off its
// leaderships and flushes its log), then SIGKILL after a grace period. If the benchmark itself
// dies, the `exit` hook SIGKILLs whatever is left, so no run leaves processes behind.
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";

export interface Child {
  readonly name: string;
  readonly pid: number;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  readonly exited: Promise<number | string>;
  /** True once the process has ended. */
  readonly done: () => boolean;
}

export interface SpawnOptions {
  /** stdout and stderr go to this file (appended); without it they are captured by the caller. */
  readonly logFile?: string;
  readonly cwd?: string;
  /** The process is meant to end by itself (wrk): its exit is not reported as unexpected. */
  readonly finite?: boolean;
}

export class Supervisor {
  readonly #children = new Map<number, { child: Child; proc: ChildProcess }>();
  /** Called when a child ends while nobody asked it to stop (a crashed node). */
  onUnexpectedExit: (child: Child, code: number | string) => void = () => {};
  #stopping = new Set<number>();

  constructor() {
    process.on("exit", () => this.killAllNow());
  }

  spawn(name: string, command: string, args: readonly string[], options: SpawnOptions = {}): Child {
    const fd = options.logFile === undefined ? null : openSync(options.logFile, "a");
    const proc = spawn(command, args, {
      cwd: options.cwd,
      detached: true,
      stdio: fd === null ? ["ignore", "pipe", "pipe"] : ["ignore", fd, fd],
    });
    if (fd !== null) closeSync(fd);
    if (proc.pid === undefined) throw new Error(`could not start ${name} (${command})`);
    const pid = proc.pid;
    let ended = false;
    const exited = new Promise<number | string>((resolve) => {
      proc.once("error", () => {
        ended = true;
        resolve("spawn-error");
      });
      // "close", not "exit": a short-lived child (wrk) may exit before its piped output has
      // been read, and its result line would be lost (a full run once failed on exactly that).
      proc.once("close", (code, signal) => {
        ended = true;
        this.#children.delete(pid);
        const result = code ?? signal ?? "unknown";
        if (!options.finite && !this.#stopping.has(pid)) this.onUnexpectedExit(child, result);
        this.#stopping.delete(pid);
        resolve(result);
      });
    });
    const child: Child = { name, pid, exited, done: () => ended };
    this.#children.set(pid, { child, proc });
    return child;
  }

  /** The live ChildProcess behind a child (for reading captured output). */
  process(child: Child): ChildProcess | undefined {
    return this.#children.get(child.pid)?.proc;
  }

  /** How each child that was asked to stop ended, and how long it took. */
  readonly stopped: { name: string; result: number | string; seconds: number; killed: boolean }[] = [];

  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
  async stop(child: Child, graceMs: number): Promise<void> {
    if (child.done()) return;
    this.#stopping.add(child.pid);
    const started = performance.now();
    let killed = false;
    signalGroup(child.pid, "SIGTERM");
    const timer = setTimeout(() => {
      killed = true;
      signalGroup(child.pid, "SIGKILL");
    }, graceMs);
    const result = await child.exited;
    clearTimeout(timer);
    this.stopped.push({ name: child.name, result, seconds: (performance.now() - started) / 1000, killed });
  }

  /** Stop several children at once (a cluster's members). */
  async stopAll(children: readonly Child[], graceMs: number): Promise<void> {
    await Promise.all(children.map((c) => this.stop(c, graceMs)));
  }

  /** Every child still running, for the final sweep. */
  running(): Child[] {
    return [...this.#children.values()].map((e) => e.child);
  }

  /** Last resort, synchronous (works inside an `exit` hook): SIGKILL every child still running. */
  killAllNow(): void {
    for (const pid of this.#children.keys()) {
      this.#stopping.add(pid);
      signalGroup(pid, "SIGKILL");
    }
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    // A negative pid addresses the whole process group the detached child leads.
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
}
