// The host options the host tests share: silent logs, 10-tick elections with a heartbeat every
// tick, a generator seeded by the node id, and a fatal error thrown where the test can see it.
// Each test overrides what it is about (tick length, snapshot size, observer, clock…).
import pino from "pino";
import type { HostOptions } from "../../../src/node/host/host.ts";
import { MultiRaftHost } from "../../../src/node/host/host.ts";
import { seededRandom } from "../../../src/node/host/random.ts";
import type { LogStore } from "../../../src/storage/log-store.ts";
import type { Transport } from "../../../src/transport/index.ts";

export function testHost(
  nodeId: string,
  io: { readonly store: LogStore; readonly transport: Transport },
  overrides: Partial<HostOptions> = {},
): MultiRaftHost {
  return new MultiRaftHost({
    nodeId,
    store: io.store,
    transport: io.transport,
    logger: pino({ level: "silent" }),
    tickMs: 5,
    electionTicks: 10,
    heartbeatTicks: 1,
    snapshotEntries: 1000,
    snapshotLogBytes: 1 << 20,
    random: seededRandom(nodeId.charCodeAt(1)),
    onFatal: (e) => {
      throw e;
    },
    ...overrides,
  });
}
