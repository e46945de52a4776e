import { describe, expect, test } from "vitest";
import { Cadence } from "../../../src/node/cluster/cadence.ts";
import { IllegalTransitionError, Phase } from "../../../src/node/cluster/phase.ts";

type Duty =
  | { readonly kind: "idle" }
  | { readonly kind: "busy"; readonly member: string }
  | { readonly kind: "done" };

function duty(): Phase<Duty> {
  return new Phase<Duty>("test duty", { kind: "idle" }, { idle: ["busy"], busy: ["idle", "done"], done: [] });
}

describe("a background duty's phase", () => {
  test("moves along its declared transitions and carries its data", () => {
    const phase = duty();
    expect(phase.is("idle")).toBe(true);
    phase.become({ kind: "busy", member: "n2" });
    expect(phase.current).toEqual({ kind: "busy", member: "n2" });
    phase.become({ kind: "idle" });
    phase.become({ kind: "busy", member: "n3" });
    phase.become({ kind: "done" });
    expect(phase.is("done")).toBe(true);
  });

  test("an undeclared transition throws with the duty, both phases and the current data", () => {
    const phase = duty();
    phase.become({ kind: "busy", member: "n2" });
    expect(() => phase.become({ kind: "busy", member: "n3" })).toThrow(
      new IllegalTransitionError(
        'test duty: illegal transition busy → busy (in {"kind":"busy","member":"n2"}; busy may become idle, done)',
      ),
    );
    // The refused move left the phase where it was.
    expect(phase.current).toEqual({ kind: "busy", member: "n2" });
  });

  test("a terminal phase may become nothing", () => {
    const phase = duty();
    phase.become({ kind: "busy", member: "n2" });
    phase.become({ kind: "done" });
    expect(() => phase.become({ kind: "idle" })).toThrow(/done may become nothing/);
  });
});

describe("a cadence", () => {
  test("fires on every n-th tick and only then", () => {
    const every3 = new Cadence(3);
    const fired = Array.from({ length: 9 }, () => every3.tick());
    expect(fired).toEqual([false, false, true, false, false, true, false, false, true]);
    const every1 = new Cadence(1);
    expect([every1.tick(), every1.tick()]).toEqual([true, true]);
  });
});
