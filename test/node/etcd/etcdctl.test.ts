// etcdctl, unchanged, against the etcd services over the in-memory twin: the shared etcdctl suite
// (test/support/etcdctl.ts) without a cluster. Skips, saying why, only when etcdctl cannot be
// installed (test/support/ensure-etcdctl.sh).
import { afterAll, beforeAll, describe } from "vitest";
import { etcdMemberId } from "../../../src/node/etcd/index.ts";
import { type Etcdctl, etcdctlAt, etcdctlSuite, findEtcdctl } from "../../support/etcdctl.ts";
import { type EtcdTestServer, startEtcdTestServer } from "./etcd-server.ts";

const found = findEtcdctl();
const skipReason = "reason" in found ? found.reason : "";
if (skipReason) console.warn(`etcdctl tests skipped: ${skipReason}`);

let server: EtcdTestServer;
let etcdctl: Etcdctl;

describe.skipIf(skipReason !== "")("etcdctl against the etcd API (in-memory twin)", () => {
  beforeAll(async () => {
    server = await startEtcdTestServer();
    server.model.members = [{ id: "m1", addr: server.address, http: "", state: "alive", incarnation: 1 }];
    etcdctl = etcdctlAt((found as { path: string }).path, () => [server.address]);
  });
  afterAll(() => server.close());

  etcdctlSuite({
    etcdctl: () => etcdctl,
    members: () => [{ name: "m1", etcdId: etcdMemberId("m1"), addr: server.address }],
    prefix: "",
    timeoutMs: 60_000,
  });
});
