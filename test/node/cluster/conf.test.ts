import { describe, expect, it } from "vitest";
import { inConf } from "../../../src/node/cluster/conf.ts";
import { EMPTY_CONF_STATE } from "../../../src/raft/index.ts";

describe("inConf", () => {
  it("counts outgoing voters and learners-to-be of a joint configuration as members", () => {
    const joint = {
      ...EMPTY_CONF_STATE,
      voters: ["n1", "n4"],
      learners: ["n5"],
      votersOutgoing: ["n1", "n2", "n3"],
      learnersNext: ["n3"],
    };
    expect(["n1", "n2", "n3", "n4", "n5", "n6"].filter((id) => inConf(joint, id))).toEqual([
      "n1",
      "n2",
      "n3",
      "n4",
      "n5",
    ]);
  });

  it("reads a placement target, which has no joint fields", () => {
    expect(inConf({ voters: ["n1"], learners: ["n2"] }, "n2")).toBe(true);
    expect(inConf({ voters: ["n1"], learners: ["n2"] }, "n3")).toBe(false);
  });
});
