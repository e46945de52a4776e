// The persisted incarnation: every life of a member starts above every earlier one.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Message } from "../../../src/gossip/index.ts";
import {
  encodeGossipBatch,
  encodeGossipMessage,
  GOSSIP_AGENT_DEFAULTS,
  GossipAgent,
  GossipAgentError,
  INCARNATION_FILE,
} from "../../../src/node/gossip/index.ts";
import { waitFor } from "../../cluster/wait-for.ts";
import { deliverRaw, LoopbackCluster } from "./loopback.ts";

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

describe("a refutation", () => {
  it("persists the raised incarnation, so the next life starts above it", async () => {
    const cluster = await LoopbackCluster.create();
    try {
      const n1 = await cluster.start("n1");
      n1.agent.start();
      const suspected: Message = {
        type: "gossip",
        from: "x9",
        to: "n1",
        updates: [
          {
            kind: "member",
            record: { id: "n1", addresses: {}, state: "suspect", incarnation: n1.agent.incarnation + 5 },
            from: "x9",
          },
        ],
      };
      const batch = encodeGossipBatch("x9", [encodeGossipMessage(suspected, GOSSIP_AGENT_DEFAULTS)]);
      expect(await deliverRaw(n1.addr, batch)).toBe(grpc.status.OK);
      expect(n1.agent.incarnation).toBe(6);
      const file = join(n1.dataDir, INCARNATION_FILE);
      await waitFor(async () => JSON.parse(await readFile(file, "utf8")).incarnation === 6, {
        timeoutMs: 5_000,
        what: "incarnation 6 in gossip.json",
      });
      await cluster.crash("n1");
      expect((await cluster.start("n1")).agent.incarnation).toBe(7);
    } finally {
      await cluster.close();
    }
  });
});
