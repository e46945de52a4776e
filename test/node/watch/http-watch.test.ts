// GET /v1/watch on a real HTTP server (127.0.0.1) over a hub of fake histories: server-sent
// events and JSON lines, the status of an early failure, and the watch ending with the client.

import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { KvApi } from "../../../src/api/kv-api.ts";
import { createHttpServer } from "../../../src/node/server/http-server.ts";
import { openLocalFeed, WatchHub } from "../../../src/node/watch/index.ts";
import { waitFor } from "../../cluster/wait-for.ts";
import { del, FakeHistory, put } from "./fake-history.ts";

const servers: http.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    s.close();
  }
});

async function serve(history: FakeHistory): Promise<{ base: string; hub: WatchHub }> {
  const hub = new WatchHub({
    opener: { open: (shard, from, sink) => openLocalFeed(shard, history, from, sink) },
    shardsOf: () => [0],
  });
  // Only /v1/watch is asked for: the KV API behind the other routes is never called.
  const server = createHttpServer({} as KvApi, { watches: hub }) as http.Server;
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hub };
}

/** GET `url`; resolves the response once its headers arrive, with a reader of its text chunks. */
function open(
  url: string,
  accept?: string,
): Promise<{ res: http.IncomingMessage; text: () => Promise<string> }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: accept ? { accept } : {} }, (res) => {
      res.setEncoding("utf8");
      const chunks: string[] = [];
      const waiters: (() => void)[] = [];
      res.on("data", (c: string) => {
        chunks.push(c);
        for (const w of waiters.splice(0)) w();
      });
      res.on("end", () => {
        for (const w of waiters.splice(0)) w();
      });
      const text = async (): Promise<string> => {
        if (chunks.length === 0 && !res.complete) await new Promise<void>((r) => waiters.push(r));
        return chunks.splice(0).join("");
      };
      resolve({ res, text });
    });
    req.on("error", reject);
  });
}

/** Read until `count` frames ending with `separator` arrived (bounded). */
async function frames(text: () => Promise<string>, separator: string, count: number): Promise<string[]> {
  let buffer = "";
  for (let i = 0; i < 100 && buffer.split(separator).length - 1 < count; i++) buffer += await text();
  return buffer.split(separator).filter((f) => f !== "");
}

describe("GET /v1/watch", () => {
  it("streams server-sent events, one data line of JSON per batch", async () => {
    const h = new FakeHistory();
    h.apply([put("app/a", "1", 1)]);
    const { base } = await serve(h);
    const { res, text } = await open(`${base}/v1/watch?prefix=app/&start_revision=1&prev_kv=1`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/event-stream");
    h.apply([put("app/a", "2", 2, "1")]);
    h.apply([put("other", "x", 3)]);
    h.apply([del("app/a", 4)]);
    const got = await frames(text, "\n\n", 3);
    const batches = got.map((f) => JSON.parse(f.replace(/^data: /, "")));
    expect(
      batches.map((b) =>
        b.events.map((e: { type: string; kv: { mod_revision: number } }) => `${e.type}@${e.kv.mod_revision}`),
      ),
    ).toEqual([["PUT@1"], ["PUT@2"], ["DELETE@4"]]);
    expect(batches[1].events[0].prev_kv.value).toBe("1");
    expect(batches[1].events[0].kv).toMatchObject({ key: "app/a", value: "2" });
    res.destroy();
  });

  it("answers JSON lines when asked for them, binary keys in base64", async () => {
    const h = new FakeHistory();
    const { base } = await serve(h);
    const { res, text } = await open(`${base}/v1/watch?key=k`, "application/x-ndjson");
    expect(res.headers["content-type"]).toBe("application/x-ndjson");
    h.apply([put("k", "\xff", 5)]);
    const [line] = await frames(text, "\n", 1);
    expect(JSON.parse(line ?? "")).toMatchObject({
      events: [{ type: "PUT", kv: { key: "k", mod_revision: 5 } }],
    });
    res.destroy();
  });

  it("a start revision older than the history is 410 Compacted, not a stream", async () => {
    const h = new FakeHistory();
    for (let r = 1; r <= 3; r++) h.apply([put("k", String(r), r)]);
    h.compact(2);
    const { base, hub } = await serve(h);
    const { res, text } = await open(`${base}/v1/watch?key=k&start_revision=2`);
    expect(res.statusCode).toBe(410);
    expect(JSON.parse(await text())).toMatchObject({ error: { code: "Compacted" } });
    expect(hub.activeCount).toBe(0);
  });

  it("a failure after the stream began is its last message, an SSE error event", async () => {
    const h = new FakeHistory();
    const { base, hub } = await serve(h);
    const { res, text } = await open(`${base}/v1/watch?key=k`);
    expect(res.statusCode).toBe(200);
    hub.stop();
    const [frame] = await frames(text, "\n\n", 1);
    expect(frame?.split("\n")[0]).toBe("event: error");
    expect(JSON.parse(frame?.split("\n")[1]?.replace(/^data: /, "") ?? "")).toMatchObject({
      error: { code: "Unavailable" },
    });
  });

  it("refuses a request with neither or both of key and prefix", async () => {
    const { base } = await serve(new FakeHistory());
    for (const query of ["", "?key=a&prefix=b", "?key=a&start_revision=-1"]) {
      const { res } = await open(`${base}/v1/watch${query}`);
      expect(res.statusCode).toBe(400);
      res.destroy();
    }
  });

  it("ends the watch when the client goes away", async () => {
    const h = new FakeHistory();
    const { base, hub } = await serve(h);
    const { res } = await open(`${base}/v1/watch?prefix=`);
    expect(hub.activeCount).toBe(1);
    res.destroy();
    await waitFor(() => hub.activeCount === 0 && h.subscribers === 0, {
      timeoutMs: 5000,
      what: "the watch released after the client left",
    });
  });
});
