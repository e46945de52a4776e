import { describe, expect, it } from "vitest";
import { InFlight } from "../../../src/node/host/in-flight.ts";

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void } {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("InFlight", () => {
  it("is settled at once with nothing in flight", async () => {
    expect(await new InFlight().settled(10_000)).toBe(true);
  });

  it("settles once every tracked request has settled, rejected ones too", async () => {
    const inFlight = new InFlight();
    const a = deferred();
    const b = deferred();
    const tracked = [inFlight.track(a.promise), inFlight.track(b.promise).catch(() => "failed")];
    expect(inFlight.count).toBe(2);
    let settled: boolean | undefined;
    const waiting = inFlight.settled(10_000).then((s) => {
      settled = s;
    });
    a.resolve();
    await tracked[0];
    expect([inFlight.count, settled]).toEqual([1, undefined]);
    b.reject(new Error("no"));
    await waiting;
    expect([inFlight.count, settled, await tracked[1]]).toEqual([0, true, "failed"]);
  });

  it("gives up after its timeout with requests left", async () => {
    const inFlight = new InFlight();
    void inFlight.track(new Promise(() => {}));
    expect(await inFlight.settled(20)).toBe(false);
    expect(inFlight.count).toBe(1);
  });
});
