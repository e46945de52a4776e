// An exclusive lock on a data directory, so two node processes never write one log.
//
// Node has no flock(2), so the lock is a file, LOCK, holding the owner's pid. It is created
// complete and atomically: written to a private temp name, then hard-linked to LOCK, which
// fails if LOCK exists (a reader never sees a half-written pid). A LOCK whose pid is not alive
// (process.kill(pid, 0) fails with ESRCH) was left by a crashed process and is taken over.
// A LOCK naming our own pid that this process does not hold is also stale: a restarted
// container often runs the node as the same pid as its previous life.
//
// Known limits, accepted for a process started by an operator or supervisor: a stale pid that
// the OS has since reused for an unrelated live process makes the lock look held (remove LOCK
// by hand); and two processes taking over the same stale lock at the same instant can race.
import { linkSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isErrnoCode } from "./durable-file.ts";
import { DataDirLockedError } from "./errors.ts";

export const LOCK_FILE = "LOCK";

/** Directories (real paths) this process holds, so a second open in-process fails too. */
const heldDirs = new Set<string>();

export class DirLock {
  readonly #dir: string;
  #held = true;

  private constructor(dir: string) {
    this.#dir = dir;
  }

  /** Lock `dir` (which must exist), taking over a stale lock; throws DataDirLocked if held. */
  static acquire(dir: string): DirLock {
    const real = realpathSync(dir);
    if (heldDirs.has(real)) throw new DataDirLockedError(dir, process.pid);
    const lockPath = join(real, LOCK_FILE);
    const temp = join(real, `${LOCK_FILE}.${process.pid}.tmp`);
    writeFileSync(temp, `${process.pid}\n`);
    try {
      // Two tries: the second follows removal of a stale lock.
      for (let attempt = 0; attempt < 2; attempt++) {
        try {
          linkSync(temp, lockPath);
          heldDirs.add(real);
          return new DirLock(real);
        } catch (err) {
          if (!isErrnoCode(err, "EEXIST")) throw err;
        }
        const holder = readHolder(lockPath);
        if (holder !== null && holder !== process.pid && isAlive(holder)) {
          throw new DataDirLockedError(dir, holder);
        }
        rmSync(lockPath, { force: true });
      }
      throw new DataDirLockedError(dir, readHolder(lockPath));
    } finally {
      rmSync(temp, { force: true });
    }
  }

  release(): void {
    if (!this.#held) return;
    this.#held = false;
    heldDirs.delete(this.#dir);
    const lockPath = join(this.#dir, LOCK_FILE);
    if (readHolder(lockPath) === process.pid) rmSync(lockPath, { force: true });
  }
}

/** The pid in a lock file; null if it is gone or does not hold a pid (not written by us). */
function readHolder(lockPath: string): number | null {
  let text: string;
  try {
    text = readFileSync(lockPath, "utf8");
  } catch (err) {
    if (isErrnoCode(err, "ENOENT")) return null;
    throw err;
  }
  const pid = Number(text.trim());
  return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else; it still holds the lock.
    return !isErrnoCode(err, "ESRCH");
  }
}
