// Progress lines go to a terminal only: rewritten in place there, and nothing at all when the
// stream is piped (scripts read clean output).
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { Progress } from "../../cli/progress.ts";

function stream(isTTY: boolean): Writable & { isTTY: boolean; text: string } {
  const out = Object.assign(
    new Writable({
      write(chunk, _encoding, callback) {
        out.text += String(chunk);
        callback();
      },
    }),
    { isTTY, text: "" },
  );
  return out;
}

describe("progress", () => {
  it("on a terminal, rewrites one line in place and ends it once", () => {
    const tty = stream(true);
    const progress = new Progress("snapshot save", tty);
    progress.show(0, 4);
    progress.show(1, 4);
    progress.done();
    progress.done();
    expect(tty.text).toBe("\rsnapshot save: shards 0/4\rsnapshot save: shards 1/4\n");
  });

  it("piped, writes nothing", () => {
    const piped = stream(false);
    const progress = new Progress("snapshot save", piped);
    progress.show(3, 4);
    progress.done();
    expect(piped.text).toBe("");
  });
});
