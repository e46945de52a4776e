// File-system steps whose durability the rest of the module relies on. A rename or a new file
// is only durable once its directory is fsynced as well, which is easy to forget, so it is
// done here once.
import type { FileHandle } from "node:fs/promises";
import { open, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";

/** Make the directory's entries (created, renamed, deleted files) durable. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Write all of `bytes`, however many calls it takes (a write may be short): at `position` of the
 * file when given, else at the handle's position (append mode: the end).
 */
export async function writeAll(handle: FileHandle, bytes: Uint8Array, position?: number): Promise<void> {
  let offset = 0;
  while (offset < bytes.byteLength) {
    const at = position === undefined ? null : position + offset;
    const { bytesWritten } = await handle.write(bytes, offset, bytes.byteLength - offset, at);
    offset += bytesWritten;
  }
}

/**
 * Replace `path` with `bytes` atomically: a crash leaves either the old file or the complete
 * new one, never a mix (temp file, fsync, rename, fsync the directory). A leftover temp file
 * is harmless; readers ignore names ending in ".tmp".
 */
export async function writeFileDurably(path: string, bytes: Uint8Array): Promise<void> {
  const temp = `${path}.tmp`;
  const handle = await open(temp, "w");
  try {
    await writeAll(handle, bytes);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await rm(temp, { force: true });
    throw err;
  }
  await handle.close();
  await rename(temp, path);
  await syncDirectory(dirname(path));
}

export function isErrnoCode(err: unknown, code: string): boolean {
  return err instanceof Error && (err as NodeJS.ErrnoException).code === code;
}
