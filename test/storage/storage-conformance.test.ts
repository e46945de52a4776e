// Runs the Storage conformance suite on every implementation the core may be given.

import { MemoryStorage } from "../../src/raft/storage.ts";
import type { DurableStore } from "../../src/storage/index.ts";
import { describeStorageConformance, type StorageSetup } from "./storage-conformance.ts";
import { entries, openStore, tempDir } from "./support.ts";

describeStorageConformance("MemoryStorage", async (setup) => {
  const { index, confState } = setup.snapshot.meta;
  const s = index === 0 ? MemoryStorage.bootstrap(confState.voters) : new MemoryStorage();
  s.applySnapshot(setup.snapshot);
  s.append(setup.entries);
  s.setHardState(setup.hardState);
  return s;
});

/** The setup written through persist, as a Ready carrying an installed snapshot would be. */
async function persisted(dir: string, setup: StorageSetup): Promise<DurableStore> {
  const store = await openStore(dir);
  store.persist("shard-1", setup);
  await store.sync();
  return store;
}

/** The setup reached by appending from index 1 and then taking a snapshot locally. */
async function compacted(dir: string, setup: StorageSetup): Promise<DurableStore> {
  const store = await openStore(dir);
  const { index, term } = setup.snapshot.meta;
  if (index === 0) store.persist("shard-1", { snapshot: setup.snapshot });
  else store.persist("shard-1", { entries: entries(1, index, term) });
  store.persist("shard-1", { entries: setup.entries, hardState: setup.hardState });
  await store.sync();
  await store.saveSnapshot("shard-1", setup.snapshot);
  return store;
}

async function reopened(
  build: (dir: string, setup: StorageSetup) => Promise<DurableStore>,
  setup: StorageSetup,
): Promise<DurableStore> {
  const dir = await tempDir();
  await (await build(dir, setup)).close();
  return openStore(dir);
}

describeStorageConformance("GroupStorage, persisted", async (setup) =>
  (await persisted(await tempDir(), setup)).group("shard-1"),
);

describeStorageConformance("GroupStorage, compacted by saveSnapshot", async (setup) =>
  (await compacted(await tempDir(), setup)).group("shard-1"),
);

describeStorageConformance("GroupStorage, recovered after persist", async (setup) =>
  (await reopened(persisted, setup)).group("shard-1"),
);

describeStorageConformance("GroupStorage, recovered after saveSnapshot", async (setup) =>
  (await reopened(compacted, setup)).group("shard-1"),
);
