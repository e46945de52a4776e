import { existsSync, readFileSync, writeFileSync } from "node:fs";
import * as net from "node:net";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import {
  CLAIM_DIR,
  canBind,
  claimPort,
  freePort,
  nextCandidate,
  PORT_FLOOR,
  portRange,
  portRangeOutside,
  releasePort,
} from "./ports.ts";

/** A pid no process has: above Linux's pid_max limit. */
const DEAD_PID = 4_194_304 + 1;

describe("test ports never collide with other workers or the kernel's own choices", () => {
  test("the range lies outside the kernel's ephemeral range, below it when there is room", () => {
    expect(portRangeOutside({ low: 32_768, high: 60_999 })).toEqual({ low: PORT_FLOOR, high: 32_767 });
    expect(portRangeOutside({ low: 1_024, high: 60_000 })).toEqual({ low: 60_001, high: 65_535 });
    expect(() => portRangeOutside({ low: 1_024, high: 65_000 })).toThrow(/no port range/);
    const ephemeral = readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8")
      .trim()
      .split(/\s+/)
      .map(Number);
    const { low, high } = portRange();
    expect(high < (ephemeral[0] ?? 0) || low > (ephemeral[1] ?? 0)).toBe(true);
  });

  test("a port another live worker claimed is skipped; one whose claimer died is taken over", () => {
    const port = nextCandidate();
    // The vitest main process is alive and is not this worker.
    writeFileSync(join(CLAIM_DIR, String(port)), `${process.ppid} 0\n`);
    expect(claimPort(port)).toBe(false);
    writeFileSync(join(CLAIM_DIR, String(port)), `${DEAD_PID} 0\n`);
    expect(claimPort(port)).toBe(true);
    expect(claimPort(port)).toBe(false); // this worker's own claim is not handed out twice
    releasePort(port);
    expect(existsSync(join(CLAIM_DIR, String(port)))).toBe(false);
  });

  test("freePort skips ports claimed elsewhere and ports a foreign process listens on", async () => {
    const { low, high } = portRange();
    const nth = (n: number): number => low + ((nextCandidate() - low + n) % (high - low + 1));
    const foreign = [nth(0), nth(1), nth(2)];
    const bound = nth(3);
    const expected = nth(4);
    for (const port of foreign) writeFileSync(join(CLAIM_DIR, String(port)), `${process.ppid} 0\n`);
    // Not claimed, but bound by a process that knows nothing of claims.
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen({ port: bound, host: "127.0.0.1" }, resolve));
    try {
      const port = await freePort();
      expect([...foreign, bound]).not.toContain(port);
      expect(port).toBe(expected);
      expect(await canBind(port)).toBe(true);
    } finally {
      squatter.close();
      for (const port of foreign) writeFileSync(join(CLAIM_DIR, String(port)), `${DEAD_PID} 0\n`);
    }
  });

  test("ports handed out in one worker are distinct and claimed in its name", async () => {
    const ports = await Promise.all(Array.from({ length: 20 }, () => freePort()));
    expect(new Set(ports).size).toBe(ports.length);
    for (const port of ports) {
      expect(readFileSync(join(CLAIM_DIR, String(port)), "utf8")).toMatch(new RegExp(`^${process.pid} `));
      releasePort(port);
    }
  });
});
