// A node refuses a data directory written by a newer on-disk format (src/storage/format-version.ts)
// with its own exit code and a message naming the file and both versions — before it listens —
// and starts on one written before versions were recorded.
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT_DATA_FORMAT_TOO_NEW } from "../../cli/exit-codes.ts";
import { STORAGE_FORMAT_VERSION } from "../../src/storage/index.ts";
import { freePort, runRingkv } from "./harness.ts";

let root = "";
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "ringkv-format-process-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("a node and the on-disk format version", () => {
  it("refuses --data of a newer format with exit code 6, naming the file and both versions", {
    timeout: 60_000,
  }, async () => {
    const data = join(root, "newer");
    await cp(new URL("../storage/fixtures/format-v1/", import.meta.url).pathname, data, { recursive: true });
    const members = join(data, "members.json");
    await writeFile(
      members,
      JSON.stringify({ formatVersion: STORAGE_FORMAT_VERSION + 1, members: [], joinEpoch: 0 }),
    );
    const listen = `127.0.0.1:${await freePort()}`;
    const result = await runRingkv(["start", "--id", "n1", "--listen", listen, "--data", data]);
    expect(result.code).toBe(EXIT_DATA_FORMAT_TOO_NEW);
    expect(result.stderr).toContain(
      `error: ${members} was written in on-disk format version ${STORAGE_FORMAT_VERSION + 1}; this ringkv reads versions 1 to ${STORAGE_FORMAT_VERSION}`,
    );
  });
});
