// The one assertion helper: a holding invariant is silent and does not even build its message;
// a broken one throws an InvariantError naming the values it was checked on.
import { describe, expect, it } from "vitest";
import { InvariantError, invariant } from "../src/invariant.ts";

describe("invariant", () => {
  it("a holding invariant neither throws nor builds its message or context", () => {
    let built = 0;
    const message = () => `${++built}`;
    const context = () => ({ built: ++built });
    expect(() => invariant(true, message, context)).not.toThrow();
    expect(built).toBe(0);
  });

  it("a broken invariant throws an InvariantError carrying its message and context", () => {
    let thrown: unknown;
    try {
      invariant(
        2 <= 1,
        () => "applied is past commit",
        () => ({ applied: 2, commit: 1, group: "shard-3" }),
      );
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InvariantError);
    const error = thrown as InvariantError;
    expect(error.code).toBe("InvariantViolated");
    expect(error.context).toEqual({ applied: 2, commit: 1, group: "shard-3" });
    // The context is in the message too, so a plain log of the error still shows the values.
    expect(error.message).toBe('applied is past commit {"applied":2,"commit":1,"group":"shard-3"}');
  });

  it("takes a plain message and context, and prints bigints", () => {
    expect(() => invariant(false, "bad offset", { offset: 5n })).toThrow('bad offset {"offset":"5"}');
    expect(() => invariant(false, "no context")).toThrow(new InvariantError("no context"));
  });
});
