// The status page in a real browser (issue 11): headless Chromium (Debian's `chromium`) loads
// `GET /` from a real three-node cluster, takes a screenshot, and dumps the DOM it rendered. The
// ring has one arc group per shard; after SIGKILL of a node the page shows it suspect or dead and
// flags the shards it held, in words. Skips, saying why, only when Chromium cannot be installed
// (test/support/ensure-chromium.sh).
import { execFile, execFileSync } from "node:child_process";
import { mkdtemp, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { useCluster } from "./harness.ts";
import { httpRequest } from "./http.ts";
import { waitFor } from "./wait-for.ts";

const TEST_TIMEOUT_MS = 240_000;
const SHARDS = 8;
/** One browser run (start, load, render, exit); generous for a loaded two-core machine. */
const BROWSER_RUN_MS_MAX = 60_000;

const ENSURE_CHROMIUM = fileURLToPath(new URL("../support/ensure-chromium.sh", import.meta.url));

/** The browser's path, or why there is none. */
function findChromium(): { path: string } | { reason: string } {
  try {
    const path = execFileSync("sh", [ENSURE_CHROMIUM], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return { path: path.trim() };
  } catch (e) {
    const stderr = (e as { stderr?: string }).stderr ?? String(e);
    return { reason: `chromium cannot be installed: ${stderr.trim()}` };
  }
}

const chromium = findChromium();
const skipReason = "reason" in chromium ? chromium.reason : "";
if (skipReason) console.warn(`status page browser test skipped: ${skipReason}`);

/** Run headless Chromium with `args` on `url`; resolves with its stdout. */
function browse(browser: string, profile: string, args: readonly string[], url: string): Promise<string> {
  const flags = [
    "--headless",
    "--no-sandbox", // tests run as root in CI containers
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--no-first-run",
    `--user-data-dir=${profile}`,
    "--window-size=1280,2000",
    ...args,
    url,
  ];
  return new Promise((resolve, reject) => {
    execFile(browser, flags, { timeout: BROWSER_RUN_MS_MAX, maxBuffer: 32 << 20 }, (error, stdout, stderr) =>
      error ? reject(new Error(`chromium failed: ${error.message}\n${stderr}`)) : resolve(stdout),
    );
  });
}

/** Attribute values of every element of `tag` carrying `attribute`, from serialised DOM. */
function attributeValues(dom: string, tag: string, attribute: string): string[] {
  return [...dom.matchAll(new RegExp(`<${tag}\\b[^>]*\\b${attribute}="([^"]*)"`, "g"))].map((m) => m[1]!);
}

describe.skipIf(skipReason !== "")(
  `status page in headless Chromium${skipReason ? ` (skipped: ${skipReason})` : ""}`,
  () => {
    const running = useCluster({ name: "status-page", shards: SHARDS }, TEST_TIMEOUT_MS);

    it(
      "draws one arc group per shard, and shows a killed node dead or suspect with its shards flagged",
      async () => {
        const browser = (chromium as { path: string }).path;
        const cluster = running();
        const [n1, , n3] = cluster.nodes;
        const shots = await mkdtemp(join(tmpdir(), "ringkv-status-page-"));
        const page = `http://${n1!.http}/`;

        const healthy = await browse(browser, join(shots, "profile-1"), ["--dump-dom"], page);
        expect(attributeValues(healthy, "g", "data-shard")).toEqual(
          Array.from({ length: SHARDS }, (_, i) => String(i)),
        );
        // Every arc group has drawn arcs, coloured (not the grey of "no leader").
        const fills = attributeValues(healthy, "g", "fill");
        expect(fills).toHaveLength(SHARDS);
        expect(fills.every((f) => /^#[0-9a-f]{6}$/.test(f) && f !== "#bdbdbd")).toBe(true);
        expect(attributeValues(healthy, "path", "d").every((d) => d.startsWith("M"))).toBe(true);
        expect(attributeValues(healthy, "tr", "data-state")).toEqual(["alive", "alive", "alive"]);
        // Links to the other nodes' own pages.
        expect(healthy).toContain(`href="http://${cluster.nodes[1]!.http}/"`);
        expect(healthy).toContain(`href="http://${n3!.http}/"`);
        const before = join(shots, "healthy.png");
        await browse(browser, join(shots, "profile-2"), [`--screenshot=${before}`], page);

        await n3!.kill("SIGKILL");
        // Gossip marks it suspect, then dead; the page reads the same status.
        await waitFor(
          async () => {
            const reply = await httpRequest(n1!.http, { path: "/v1/status", timeoutMs: 10_000 });
            const members = (reply.json as { members: { id: string; state: string }[] }).members;
            const state = members.find((m) => m.id === n3!.id)?.state;
            return state === "suspect" || state === "dead";
          },
          { what: "n1 to see n3 suspect or dead", timeoutMs: 60_000, intervalMs: 250 },
        );
        const after = await browse(browser, join(shots, "profile-3"), ["--dump-dom"], page);
        const states = new Map(
          [...after.matchAll(/<tr class="member" data-member="([^"]+)" data-state="([^"]+)"/g)].map((m) => [
            m[1],
            m[2],
          ]),
        );
        expect(["suspect", "dead"]).toContain(states.get(n3!.id));
        expect(after).toMatch(/class="badge state-(suspect|dead)"[^>]*>(suspect|dead)</);
        // Every shard held a replica on n3 (3 nodes, 3 replicas): all are flagged, in words.
        const rowFlags = attributeValues(after, "tr", "data-flags");
        expect(rowFlags).toHaveLength(SHARDS);
        expect(rowFlags.every((f) => f.split(" ").includes("under-replicated"))).toBe(true);
        expect(after).toContain("under-replicated: 2 of 3 replicas alive");
        expect(after).toContain(`${n3!.id} (${states.get(n3!.id)})`);
        expect(attributeValues(after, "g", "class").every((c) => c.includes("flagged"))).toBe(true);
        expect(after).toMatch(/\d+ of 8 shards need attention/);
        const flagged = join(shots, "node-killed.png");
        await browse(browser, join(shots, "profile-4"), [`--screenshot=${flagged}`], page);

        for (const shot of [before, flagged]) {
          expect((await stat(shot)).size).toBeGreaterThan(10_000);
          expect((await readFile(shot)).subarray(1, 4).toString()).toBe("PNG");
        }
        console.info(`status page screenshots: ${before} and ${flagged}`);
      },
      TEST_TIMEOUT_MS,
    );
  },
);
