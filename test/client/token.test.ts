import { describe, expect, it } from "vitest";
import { RingkvClient } from "../../src/client/index.ts";

describe("the client's token option", () => {
  it("refuses what metadata cannot carry before anything is sent", () => {
    for (const token of ["", "rk_a b", "rk_a\n", "rk_é"]) {
      expect(() => new RingkvClient({ addresses: ["127.0.0.1:1"], token })).toThrow(/token must be/);
    }
    new RingkvClient({ addresses: ["127.0.0.1:1"], token: "rk_abc-_" }).close();
  });
});
