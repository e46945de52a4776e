// One process per data directory: a second opener fails with DataDirLocked, and a lock left by
// a process that no longer exists is taken over.
import { spawnSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DataDirLockedError, DurableStore } from "../../src/storage/index.ts";
import { openStore, tempDir } from "./support.ts";

const lockFile = (dir: string) => join(dir, "LOCK");

/** The pid of a process that has exited (and been reaped), so it names no live process. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", ""]);
  expect(child.status).toBe(0);
  return child.pid;
}

async function openFailure(dir: string): Promise<unknown> {
  return DurableStore.open(dir).then(
    () => null,
    (e: unknown) => e,
  );
}

describe("data directory lock", () => {
  it("a second open in the same process fails with DataDirLocked", async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const err = await openFailure(dir);
    expect(err).toBeInstanceOf(DataDirLockedError);
    expect(err).toMatchObject({ code: "DataDirLocked", pid: process.pid });
    await store.close();
    await (await openStore(dir)).close();
  });

  it("a lock held by another live process fails with DataDirLocked naming its pid", async () => {
    const dir = await tempDir();
    await writeFile(lockFile(dir), `${process.ppid}\n`);
    expect(await openFailure(dir)).toMatchObject({ code: "DataDirLocked", pid: process.ppid });
    expect(await readFile(lockFile(dir), "utf8")).toBe(`${process.ppid}\n`);
  });

  it("a stale lock whose process is gone is taken over, and released on close", async () => {
    const dir = await tempDir();
    await writeFile(lockFile(dir), `${deadPid()}\n`);
    const store = await openStore(dir);
    expect(await readFile(lockFile(dir), "utf8")).toBe(`${process.pid}\n`);
    await store.close();
    await expect(readFile(lockFile(dir))).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("a lock naming this process's pid that this process does not hold is stale (a restarted container)", async () => {
    const dir = await tempDir();
    await writeFile(lockFile(dir), `${process.pid}\n`);
    const store = await openStore(dir);
    expect(await openFailure(dir)).toMatchObject({ code: "DataDirLocked" });
    await store.close();
  });

  it("a lock file without a pid is stale", async () => {
    const dir = await tempDir();
    await writeFile(lockFile(dir), "");
    await (await openStore(dir)).close();
  });
});
