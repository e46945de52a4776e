// The Ready loop's phase: the transitions the host relies on, and the illegal ones refused.
import { describe, expect, it } from "vitest";
import { InvariantError } from "../../../src/invariant.ts";
import { LoopPhase } from "../../../src/node/host/loop-phase.ts";

describe("Ready loop phase", () => {
  it("runs idle → running → idle, and stop during a pass ends it closed", () => {
    const phase = new LoopPhase();
    phase.begin();
    expect(phase.name).toBe("running");
    phase.end();
    expect(phase.name).toBe("idle");
    phase.begin();
    phase.close();
    expect(phase.name).toBe("stopping");
    expect(phase.closing).toBe(true);
    phase.end();
    expect(phase.name).toBe("closed");
    phase.close();
    expect(phase.name).toBe("closed");
  });

  it("at most one pass at a time: a second begin while one runs is an InvariantError", () => {
    const phase = new LoopPhase();
    phase.begin();
    expect(() => phase.begin()).toThrow(InvariantError);
    expect(() => phase.begin()).toThrow(/at most one Ready loop/);
  });

  it("no pass after stop: begin once closed is an InvariantError", () => {
    const phase = new LoopPhase();
    phase.close();
    expect(() => phase.begin()).toThrow(InvariantError);
  });

  it("a loop ends only if one ran: end while idle is an InvariantError", () => {
    const phase = new LoopPhase();
    let thrown: unknown;
    try {
      phase.end();
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InvariantError);
    expect((thrown as InvariantError).context).toEqual({ phase: "idle" });
  });
});
