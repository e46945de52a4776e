// Which local process opened a loopback TCP connection, from the accepting side: find the
// client's socket in /proc/net/tcp{,6} by its port pair, then the process holding that socket
// inode among a few candidate pids (/proc/<pid>/fd). Linux only; elsewhere the answer is null.
//
// The fault proxy uses it to tell a node's outgoing connections apart from everyone else's, so a
// partition can stop a node talking as well as being talked to, with one proxy per node.
import { readdir, readFile, readlink } from "node:fs/promises";
import type * as net from "node:net";

/** The name (key of `candidates`) of the process at the far end of `socket`, or null. */
export async function socketOrigin(
  socket: net.Socket,
  candidates: ReadonlyMap<string, number>,
): Promise<string | null> {
  const clientPort = socket.remotePort;
  const serverPort = socket.localPort;
  if (clientPort === undefined || serverPort === undefined) return null;
  const inode = await clientSocketInode(clientPort, serverPort);
  if (inode === null) return null;
  const wanted = `socket:[${inode}]`;
  for (const [name, pid] of candidates) {
    if (await holdsSocket(pid, wanted)) return name;
  }
  return null;
}

async function clientSocketInode(clientPort: number, serverPort: number): Promise<string | null> {
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text: string;
    try {
      text = await readFile(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      const local = fields[1];
      const remote = fields[2];
      const inode = fields[9];
      if (local === undefined || remote === undefined || inode === undefined || inode === "0") continue;
      if (portOf(local) === clientPort && portOf(remote) === serverPort) return inode;
    }
  }
  return null;
}

/** The port of a /proc/net/tcp address, "0100007F:1F90" → 8080. */
function portOf(address: string): number {
  return Number.parseInt(address.slice(address.lastIndexOf(":") + 1), 16);
}

async function holdsSocket(pid: number, wanted: string): Promise<boolean> {
  let fds: string[];
  try {
    fds = await readdir(`/proc/${pid}/fd`);
  } catch {
    return false;
  }
  for (const fd of fds) {
    try {
      if ((await readlink(`/proc/${pid}/fd/${fd}`)) === wanted) return true;
    } catch {
      // The fd closed meanwhile.
    }
  }
  return false;
}
