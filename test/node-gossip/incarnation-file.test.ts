// The persisted incarnation: every life of a member starts above every earlier one.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GossipAgent, GossipAgentError, INCARNATION_FILE } from "../../src/node/gossip/index.ts";

describe("gossip incarnation file", () => {
  let dataDir: string;
  const open = (id = "n1") =>
    GossipAgent.open({
      id,
      addr: "127.0.0.1:1",
      http: "",
      dataDir,
      tickMs: 20,
      logger: pino({ level: "silent" }),
    });

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "ringkv-incarnation-"));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("each open starts one above the last, and records it before returning", async () => {
    const lives = [];
    for (let i = 0; i < 3; i++) {
      const agent = await open();
      lives.push(agent.incarnation);
      // Not started: a crash right after open still moves the next life up.
      await agent.stop();
    }
    expect(lives).toEqual([0, 1, 2]);
    expect(JSON.parse(await readFile(join(dataDir, INCARNATION_FILE), "utf8"))).toEqual({
      id: "n1",
      incarnation: 2,
    });
  });

  it("refuses a file that belongs to another member or does not parse", async () => {
    await (await open("n1")).stop();
    await expect(open("n2")).rejects.toMatchObject({ code: "StateCorrupt" });
    await writeFile(join(dataDir, INCARNATION_FILE), '{"id":"n1","incarnation":-3}');
    await expect(open("n1")).rejects.toBeInstanceOf(GossipAgentError);
    await writeFile(join(dataDir, INCARNATION_FILE), "{torn");
    await expect(open("n1")).rejects.toMatchObject({ code: "StateCorrupt" });
  });
});
