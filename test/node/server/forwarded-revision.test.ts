// The Put handler with the revision a forwarding node sent along (ForwardRequest.revision): a
// positive safe integer reaches the API as the put's first revision; anything else from a peer is
// dropped, and the leader asks the oracle itself.
import { describe, expect, it } from "vitest";
import type { KvApi, PutOptions } from "../../../src/api/kv-api.ts";
import { kvLimits } from "../../../src/api/limits.ts";
import type { ForwardedPutOptions } from "../../../src/node/cluster/forward-wire.ts";
import { kvHandlers } from "../../../src/node/server/grpc-kv.ts";

function handlers(): {
  readonly put: (revision?: number) => Promise<unknown>;
  readonly seen: ForwardedPutOptions[];
} {
  const seen: ForwardedPutOptions[] = [];
  const api = {
    put: async (_key: Uint8Array, _value: Uint8Array, options: PutOptions) => {
      seen.push(options);
      return { version: 1 };
    },
  } as unknown as KvApi;
  const h = kvHandlers(api, kvLimits());
  const request = { key: new Uint8Array([1]), value: new Uint8Array([2]) };
  return { put: (revision) => h.Put(request as never, true, undefined, revision), seen };
}

describe("a forwarded put's revision", () => {
  it("reaches the API when it is a positive safe integer", async () => {
    const { put, seen } = handlers();
    await put(42);
    await put(undefined);
    expect(seen.map((o) => o.revision)).toEqual([42, undefined]);
  });

  it("is dropped when a peer sends anything else", async () => {
    const { put, seen } = handlers();
    for (const bad of [0, -5, 1.5, 2 ** 60, Number.NaN]) await put(bad);
    expect(seen.map((o) => o.revision)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(seen.every((o) => o.forwarded === true)).toBe(true);
  });
});
