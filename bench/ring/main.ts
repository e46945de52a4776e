// Ring-distribution benchmark: `npx tsx bench/ring/main.ts`.
// Prints its tables and writes bench/results/ring.md and bench/results/ring.svg.
//
// Everything but the lookup timings is deterministic (fixed keys, ids and seeds), so the balance
// and movement figures are reproducible exactly; timings are medians of interleaved rounds.

import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import xxhash from "xxhash-wasm";
import {
  createHasher,
  formatTable,
  loadSlackDefault,
  maxOverMean,
  memberRing,
  replicationFactorDefault,
  ShardRing,
  shardCountDefault,
  tokensPerMemberDefault,
  tokensPerShardDefault,
} from "../../src/ring/index.ts";
import { jumpHash, Rendezvous } from "./baselines.ts";
import { chartSvg, type Panel } from "./chart.ts";
import {
  type DistributionRow,
  jumpRow,
  memberId,
  moduloRow,
  relativeStdDev,
  rendezvousRow,
  ringRow,
} from "./distribution.ts";
import { measureSpeed, type SpeedCase } from "./lookup-speed.ts";
import { type PlacementRow, placementRow } from "./placement-balance.ts";

const resultsDir = new URL("../results/", import.meta.url);
const memberCounts = [3, 10, 100, 1000] as const;
const memberTokenCounts = [16, 64, 256, 1024] as const;
const keyCount = 1_000_000;
const speedRounds = 30;
const seedsSwept = 100;

const startedMs = performance.now();
const loadAtStart = os.loadavg()[0]!;
const hasher = await createHasher();
const keyHashes = Uint32Array.from({ length: keyCount }, (_, i) => hasher.hash(`key-${i}`));

// 1. Keys → shards -------------------------------------------------------------------------

interface ShardRingRow {
  readonly shards: number;
  readonly tokens: number;
  readonly maxOverMean: number;
  readonly minOverMean: number;
  readonly stdDev: number;
  readonly maxOverMeanSampled: number;
}

function shardRingRow(shards: number, tokens: number): ShardRingRow {
  const ring = new ShardRing(hasher, { shardCount: shards, tokensPerShard: tokens });
  const shares = ring.shares();
  const counts = new Float64Array(shards);
  for (const key of keyHashes) counts[ring.shardOfHash(key)]!++;
  return {
    shards,
    tokens,
    maxOverMean: Math.max(...shares) * shards,
    minOverMean: Math.min(...shares) * shards,
    stdDev: relativeStdDev(shares),
    maxOverMeanSampled: maxOverMean([...counts]),
  };
}

const sectionSeconds: Record<string, number> = {};
let sectionStartedMs = performance.now();
function endSection(name: string): void {
  sectionSeconds[name] = (performance.now() - sectionStartedMs) / 1000;
  sectionStartedMs = performance.now();
}

const shardRows = [
  ...[64, 256, 512, 1024, 4096].map((tokens) => shardRingRow(shardCountDefault, tokens)),
  ...[64, 256, 1024].map((shards) => shardRingRow(shards, tokensPerShardDefault)),
];

interface SeedSweepRow {
  readonly tokens: number;
  readonly meetingTarget: number;
  readonly median: number;
  readonly worst: number;
}

async function seedSweep(tokens: number): Promise<SeedSweepRow> {
  const values: number[] = [];
  for (let seed = 1; seed <= seedsSwept; seed++) {
    const ring = new ShardRing(await createHasher({ seed }), {
      shardCount: shardCountDefault,
      tokensPerShard: tokens,
    });
    values.push(Math.max(...ring.shares()) * shardCountDefault);
  }
  values.sort((a, b) => a - b);
  return {
    tokens,
    meetingTarget: values.filter((value) => value <= 1.1).length / values.length,
    median: values[values.length >> 1]!,
    worst: values.at(-1)!,
  };
}

const seedRows: SeedSweepRow[] = [];
for (const tokens of [256, 512, 1024]) seedRows.push(await seedSweep(tokens));
endSection("key ring");

// 2. Keys → members directly (classic consistent hashing) and the baselines ------------------

const distributionRows: DistributionRow[] = [];
for (const members of memberCounts) {
  for (const tokens of memberTokenCounts)
    distributionRows.push(ringRow(hasher, keyHashes, { members, tokens }));
  distributionRows.push(jumpRow(keyHashes, members));
  distributionRows.push(rendezvousRow(hasher, keyHashes, members));
  distributionRows.push(moduloRow(keyHashes, members));
}
endSection("member distribution");

// 3. Shards → members through placement -----------------------------------------------------

const placementRows: PlacementRow[] = [];
for (const shards of [shardCountDefault, 1024]) {
  const shardRing = new ShardRing(hasher, { shardCount: shards });
  for (const loadSlack of [loadSlackDefault, Number.POSITIVE_INFINITY]) {
    for (const members of memberCounts) {
      const joins = shards === shardCountDefault ? 8 : 3;
      placementRows.push(
        placementRow(hasher, {
          shardRing,
          members,
          loadSlack,
          replicationFactor: replicationFactorDefault,
          joins,
        }),
      );
    }
  }
}

endSection("placement");

// 4. Lookup speed ---------------------------------------------------------------------------

const pool = Array.from(
  { length: 1 << 16 },
  (_, i) => `user:${(i * 7919) % 1_000_003}:${"profile".slice(i % 7)}`,
);
const bytePool = pool.map((key) => new TextEncoder().encode(key));
const mask = pool.length - 1;
const defaultRing = new ShardRing(hasher);
const bigMemberRing = memberRing(
  hasher,
  Array.from({ length: 1000 }, (_, member) => memberId(member)),
  1024,
);
const rendezvousFor = (members: number) =>
  new Rendezvous(Uint32Array.from({ length: members }, (_, member) => hasher.hash(memberId(member))));

// The raw xxhash-wasm calls, without the ring's Hasher wrapper, are the baseline of the ratio.
const raw = await xxhash();
const seed = hasher.seed;
const round = 100_000;

// Each case spells out its own loop: one shared loop calling a per-case closure would make that
// call site megamorphic, add the same call overhead to every case and flatter the ratios.
const speedCases: SpeedCase[] = [
  {
    name: "xxh32 alone, string key",
    lookups: round,
    run: (n) => {
      let acc = 0;
      for (let i = 0; i < n; i++) acc ^= raw.h32(pool[i & mask]!, seed);
      return acc;
    },
  },
  {
    name: "ShardRing.shardOfString (defaults)",
    lookups: round,
    run: (n) => {
      let acc = 0;
      for (let i = 0; i < n; i++) acc ^= defaultRing.shardOfString(pool[i & mask]!);
      return acc;
    },
  },
  {
    name: "ShardRing.shardOf, string key, mixed call site",
    lookups: round,
    run: (n) => {
      let acc = 0;
      for (let i = 0; i < n; i++) acc ^= defaultRing.shardOf(pool[i & mask]!);
      return acc;
    },
  },
  {
    name: "xxh32 alone, bytes key",
    lookups: round,
    run: (n) => {
      let acc = 0;
      for (let i = 0; i < n; i++) acc ^= raw.h32Raw(bytePool[i & mask]!, seed);
      return acc;
    },
  },
  {
    name: "ShardRing.shardOfBytes (defaults)",
    lookups: round,
    run: (n) => {
      let acc = 0;
      for (let i = 0; i < n; i++) acc ^= defaultRing.shardOfBytes(bytePool[i & mask]!);
      return acc;
    },
  },
  {
    name: "ShardRing.shardOf, bytes key, mixed call site",
    lookups: round,
    run: (n) => {
      let acc = 0;
      for (let i = 0; i < n; i++) acc ^= defaultRing.shardOf(bytePool[i & mask]!);
      return acc;
    },
  },
  {
    name: "member ring, N=1000 × 1024 tokens",
    lookups: round,
    run: (n) => {
      let acc = 0;
      for (let i = 0; i < n; i++) acc ^= bigMemberRing.ownerAt(hasher.hashString(pool[i & mask]!));
      return acc;
    },
  },
  {
    name: "jump, N=1000",
    lookups: round,
    run: (n) => {
      let acc = 0;
      for (let i = 0; i < n; i++) acc ^= jumpHash(hasher.hashString(pool[i & mask]!), 1000);
      return acc;
    },
  },
  ...(
    [
      [10, round],
      [100, round / 10],
      [1000, round / 100],
    ] as const
  ).map(([members, lookups]): SpeedCase => {
    const rendezvous = rendezvousFor(members);
    return {
      name: `rendezvous, N=${members}`,
      lookups,
      run: (n) => {
        let acc = 0;
        for (let i = 0; i < n; i++) acc ^= rendezvous.ownerOf(hasher.hashString(pool[i & mask]!));
        return acc;
      },
    };
  }),
];

const speedRows = measureSpeed(speedCases, speedRounds);
endSection("lookup speed");
const nsOf = (name: string) => speedRows.find((row) => row.name === name)!.nsPerLookupBest;
const stringRatio = nsOf("ShardRing.shardOfString (defaults)") / nsOf("xxh32 alone, string key");
const bytesRatio = nsOf("ShardRing.shardOfBytes (defaults)") / nsOf("xxh32 alone, bytes key");
const mixedRatio = Math.max(
  nsOf("ShardRing.shardOf, string key, mixed call site") / nsOf("xxh32 alone, string key"),
  nsOf("ShardRing.shardOf, bytes key, mixed call site") / nsOf("xxh32 alone, bytes key"),
);

// Targets -----------------------------------------------------------------------------------

const f3 = (value: number | undefined) => (value === undefined ? "—" : value.toFixed(3));
const defaultShardRow = shardRows.find(
  (row) => row.shards === shardCountDefault && row.tokens === tokensPerShardDefault,
)!;
const placementOf = (shards: number, loadSlack: number) =>
  placementRows.filter((row) => row.shards === shards && row.loadSlack === loadSlack);
const bounded16 = placementOf(shardCountDefault, loadSlackDefault);
const bounded1024 = placementOf(1024, loadSlackDefault);
const ringAt1024 = distributionRows.filter((row) => row.method === "ring" && row.tokens === 1024);
const list = (rows: readonly { members: number }[], value: (row: never) => number) =>
  rows.map((row) => `N=${row.members}: ${value(row as never).toFixed(3)}`).join(", ");
const upTo100 = (rows: readonly PlacementRow[]) => rows.filter((row) => row.members <= 100);
const integrality = (shards: number, members: number) => {
  const average = (shards * Math.min(replicationFactorDefault, members)) / members;
  return Math.ceil(average) / average;
};

const plain1024 = placementOf(1024, Number.POSITIVE_INFINITY);
const targets = [
  {
    target: `key share per shard, max/mean ≤ 1.10 (defaults: ${shardCountDefault} shards × ${tokensPerShardDefault} tokens)`,
    met: defaultShardRow.maxOverMean <= 1.1,
    measured: `${f3(defaultShardRow.maxOverMean)} exact (sampled over 1M keys: ${f3(defaultShardRow.maxOverMeanSampled)})`,
  },
  {
    target: "key share per member as preferred leader (keys led), max/mean ≤ 1.10 — 16 shards",
    met: bounded16.every((row) => row.keysLed <= 1.1),
    measured:
      `${list(bounded16, (row: PlacementRow) => row.keysLed)}; whole shards cannot split evenly: ` +
      `⌈16/N⌉/(16/N) alone is ${[3, 10].map((n) => (Math.ceil(16 / n) / (16 / n)).toFixed(3)).join(", ")} for N=3, 10`,
  },
  {
    target: "key share per member as preferred leader (keys led), max/mean ≤ 1.10 — 1024 shards",
    met: bounded1024.every((row) => row.keysLed <= 1.1),
    measured: list(bounded1024, (row: PlacementRow) => row.keysLed),
  },
  {
    target: "key share per member stored as any replica (keys stored), max/mean ≤ 1.10 — 1024 shards",
    met: bounded1024.every((row) => row.keysStored <= 1.1),
    measured: list(bounded1024, (row: PlacementRow) => row.keysStored),
  },
  {
    target: "replicas per node, max/mean ≤ 1.15 for N ≤ 100 — 1024 shards",
    met: upTo100(bounded1024).every((row) => row.replicas <= 1.15),
    measured: list(upTo100(bounded1024), (row: PlacementRow) => row.replicas),
  },
  {
    target: "replicas per node, max/mean ≤ 1.15 for N ≤ 100 — 16 shards (default)",
    met: upTo100(bounded16).every((row) => row.replicas <= 1.15),
    measured:
      `${list(upTo100(bounded16), (row: PlacementRow) => row.replicas)}; the best any placement can do is ` +
      `⌈avg⌉/avg = ${[3, 10, 100].map((n) => integrality(shardCountDefault, n).toFixed(3)).join(", ")}`,
  },
  {
    target: "keys moved on a join ≤ 1.2× optimal — keys between shards",
    met: true,
    measured: "0: a key's shard depends only on the shard count, never on membership",
  },
  {
    target: "keys moved on a join ≤ 1.2× optimal — stored replica data, placement, 1024 shards, ε = 0.1",
    met: bounded1024.every((row) => row.joinDataMoved <= 1.2),
    measured: list(bounded1024, (row: PlacementRow) => row.joinDataMoved),
  },
  {
    target: "keys moved on a join ≤ 1.2× optimal — stored replica data, placement, 1024 shards, plain ring",
    met: plain1024.every((row) => row.joinDataMoved <= 1.2),
    measured: list(plain1024, (row: PlacementRow) => row.joinDataMoved),
  },
  {
    target: "keys moved on a join ≤ 1.2× optimal — stored replica data, placement, 16 shards, ε = 0.1",
    met: bounded16.every((row) => row.joinDataMoved <= 1.2),
    measured:
      `${list(bounded16, (row: PlacementRow) => row.joinDataMoved)}; at N ≥ 100 the optimum is under one ` +
      "replica (48 replicas over N+1 members), so moving any replica at all is ≥ 2×",
  },
  {
    target: "keys moved on a join ≤ 1.2× optimal — member ring, 1024 tokens per member (exact)",
    met: ringAt1024.every((row) => (row.joinMovedExact ?? 0) <= 1.2),
    measured: list(ringAt1024, (row: DistributionRow) => row.joinMovedExact ?? 0),
  },
  {
    target: "a lookup costs ≤ 1.2× the raw xxhash call alone (shardOfString / shardOfBytes, defaults)",
    met: stringRatio <= 1.2 && bytesRatio <= 1.2,
    measured: `string keys ${stringRatio.toFixed(3)}×, byte keys ${bytesRatio.toFixed(3)}×`,
  },
  {
    target: "… the same through the generic shardOf(key), at a call site that sees both key types",
    met: mixedRatio <= 1.2,
    measured: `up to ${mixedRatio.toFixed(3)}×`,
  },
];

// Output ------------------------------------------------------------------------------------

const tables = {
  shardRing: {
    header: ["shards", "tokens/shard", "max/mean", "min/mean", "std dev", "max/mean (1M keys)"],
    rows: shardRows.map((row) => [
      String(row.shards),
      String(row.tokens),
      f3(row.maxOverMean),
      f3(row.minOverMean),
      f3(row.stdDev),
      f3(row.maxOverMeanSampled),
    ]),
  },
  seeds: {
    header: [
      "tokens/shard",
      `seeds with max/mean ≤ 1.10 (of ${seedsSwept})`,
      "median max/mean",
      "worst max/mean",
    ],
    rows: seedRows.map((row) => [
      String(row.tokens),
      `${(row.meetingTarget * 100).toFixed(0)}%`,
      f3(row.median),
      f3(row.worst),
    ]),
  },
  distribution: {
    header: [
      "method",
      "tokens",
      "N",
      "max/mean exact",
      "max/mean 1M keys",
      "std dev exact",
      "std dev 1M keys",
      "join moved/opt exact",
      "join moved/opt 1M keys",
    ],
    rows: distributionRows.map((row) => [
      row.method,
      row.tokens === undefined ? "—" : String(row.tokens),
      String(row.members),
      f3(row.maxOverMeanExact),
      f3(row.maxOverMeanSampled),
      f3(row.stdDevExact),
      f3(row.stdDevSampled),
      f3(row.joinMovedExact),
      f3(row.joinMovedSampled),
    ]),
  },
  placement: {
    header: [
      "shards",
      "N",
      "ε",
      "replicas max/mean",
      "leads max/mean",
      "keys led max/mean",
      "keys stored max/mean",
      "join replicas moved/opt",
      "join data moved/opt",
      "moves between old members",
      "placement ms",
    ],
    rows: placementRows.map((row) => [
      String(row.shards),
      String(row.members),
      row.loadSlack === Number.POSITIVE_INFINITY ? "∞ (plain ring)" : String(row.loadSlack),
      f3(row.replicas),
      f3(row.leaders),
      f3(row.keysLed),
      f3(row.keysStored),
      f3(row.joinReplicasMoved),
      f3(row.joinDataMoved),
      `${(row.joinCascade * 100).toFixed(1)}%`,
      row.placementMs.toFixed(1),
    ]),
  },
  speed: {
    header: [
      "lookup",
      "lookups/round",
      "CPU ns/lookup, best round",
      "median round",
      "Mlookups/s (best)",
      "vs xxh32 alone (best)",
    ],
    rows: speedRows.map((row) => {
      const base = /bytes|Bytes/.test(row.name)
        ? nsOf("xxh32 alone, bytes key")
        : nsOf("xxh32 alone, string key");
      return [
        row.name,
        String(row.lookups),
        row.nsPerLookupBest.toFixed(1),
        row.nsPerLookupMedian.toFixed(1),
        (1e3 / row.nsPerLookupBest).toFixed(2),
        `${(row.nsPerLookupBest / base).toFixed(3)}×`,
      ];
    }),
  },
  targets: {
    header: ["target", "met", "measured"],
    rows: targets.map((t) => [t.target, t.met ? "yes" : "NO", t.measured]),
  },
};

const elapsedS = (performance.now() - startedMs) / 1000;
const environment =
  `Node ${process.version}, ${os.cpus()[0]?.model ?? "unknown CPU"} × ${os.cpus().length}, ` +
  `load average ${loadAtStart.toFixed(1)} at start; run took ${elapsedS.toFixed(1)} s (` +
  Object.entries(sectionSeconds)
    .map(([name, seconds]) => `${name} ${seconds.toFixed(1)} s`)
    .join(", ") +
  ")";

for (const [name, table] of Object.entries(tables)) {
  console.log(`\n## ${name}\n`);
  console.log(
    formatTable(
      table.header,
      table.rows,
      table.header.map((_, i) => (i === 0 || name === "targets" ? "left" : "right")),
    ),
  );
}
console.log(`\n${environment}`);

mkdirSync(resultsDir, { recursive: true });
writeFileSync(new URL("ring.md", resultsDir), markdownReport());
writeFileSync(new URL("ring.svg", resultsDir), chart());
console.log("wrote bench/results/ring.md and bench/results/ring.svg");

function markdownTable(table: { header: readonly string[]; rows: readonly (readonly string[])[] }): string {
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell) => cell.replaceAll("|", "\\|")).join(" | ")} |`;
  return [line(table.header), line(table.header.map(() => "---")), ...table.rows.map(line)].join("\n");
}

function markdownReport(): string {
  return `# Ring distribution benchmark

Command: \`npx tsx bench/ring/main.ts\` (npm script \`bench:ring\`). ${environment}.
Balance and movement figures are deterministic (fixed keys \`key-0\`…\`key-999999\`, ids
\`10.0.x.y:7001\`, seeds). Lookup timings are process CPU time over ${speedRounds} interleaved
rounds per case, and the ratio target uses each case's fastest round; on a shared machine they
move by several percent from run to run.

Defaults: ${shardCountDefault} shards × ${tokensPerShardDefault} tokens on the key ring;
${tokensPerMemberDefault} tokens per member on the placement ring; replication factor
${replicationFactorDefault}; load slack ε = ${loadSlackDefault}.

Two layers, measured separately: **per shard** — the key ring splits the key space among the
fixed shards; **per member** — placement gives each member shards to lead and to store, so a
member's key share is the sum of its shards' shares, as preferred leader (*keys led*) and as any
replica (*keys stored*). Table 3 is the classic single-layer view (keys straight onto N members)
for comparison with jump and rendezvous hashing.

## Targets

${markdownTable(tables.targets)}

Why the misses:

- **Whole shards.** With the default 16 shards, a member's share moves in steps of 1/16 of the key
  space (per leader) or 3/48 of the replicas. 16 leaders cannot split evenly over 3 or 10 members,
  and 48 replicas over 100 members leave most members with none, so member-level max/mean at 16
  shards is bounded below by arithmetic, not by the ring. Clusters beyond a handful of nodes
  should bootstrap with more shards (\`--shards\`); with 1024 shards the same code meets the
  replica-balance target up to N = 100 and keeps member key shares within about 1.2×.
- **The load bound costs moves.** Placement is a pure function of the membership set that caps
  every member at ⌈(1+ε)·average⌉ replicas. When a join frees room on a member that was full, a
  replica that had overflowed past it comes back, and that replica moves between two old
  members (*moves between old members*). No pure function of the member set can both keep a load
  bound and move replicas only onto a newcomer (see the header of \`src/ring/placement.ts\`). The
  plain ring (ε = ∞) moves replicas only onto the newcomer and meets the target up to N = 100
  (at N = 1000 the newcomer's 64 random tokens happen to catch 1.3× its share), but leaves
  members up to 1.5–3× loaded at N = 100–1000. ε = 0.1 is the largest slack that still meets the 1.15 replica-balance target, so
  the movement target gives: about 1.3× at N = 100 and 1.6× at N = 1000 with 1024 shards.
  Processing replicas in global ring-distance order instead of slot by slot was tried and cut
  this by under 10%.
- **Lookup cost.** The ring adds a few tens of nanoseconds per lookup: ≥ 78% of keys are decided
  by one read of a 64 KiB owner table, the rest by a short binary search in their bucket. The raw
  \`h32\` on a string key includes UTF-8 encoding into WebAssembly memory; \`h32Raw\` on bytes
  skips it and is cheaper, so the same ring overhead is a larger fraction for byte keys. Figures
  move by ±0.1 between runs on this shared machine. In an isolated test, a call site that had
  seen both key types cost ~10% more than a single-type one, hence \`shardOfString\` and
  \`shardOfBytes\` for hot paths; in this benchmark the *mixed call site* rows are within noise
  of the typed ones.

## 1. Keys → shards (key ring)

*max/mean*, *min/mean* and *std dev* (relative to the mean) are exact, from the ring's arcs.

${markdownTable(tables.shardRing)}

The default seed is not special: over ${seedsSwept} hash seeds at ${shardCountDefault} shards,

${markdownTable(tables.seeds)}

## 2. Shards → members (placement, replication factor ${replicationFactorDefault})

Join columns average over ${8} newcomers (16 shards) or 3 (1024 shards). *data moved* weights
each moved replica by its shard's key share; optimal is 1/(N+1) of all stored data.
*moves between old members* is the share of moved replicas that did not go to the newcomer:
the price of the load bound (zero for the plain ring, ε = ∞).

${markdownTable(tables.placement)}

## 3. Keys → members directly: ring vs jump vs rendezvous

Exact figures exist only for the ring. Sampled figures use the same 1M key hashes for every
method; *hash mod N* is perfectly uniform, so its sampled max/mean is the noise that 1M samples
alone add (its join column shows why it is not consistent: it moves almost every key).

${markdownTable(tables.distribution)}

## 4. Lookup speed

${markdownTable(tables.speed)}

![ring chart](ring.svg)
`;
}

function chart(): string {
  const colors = ["#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#d62728", "#8c564b", "#7f7f7f"];
  const sampled = (method: string, tokens: number | undefined, value: (row: DistributionRow) => number) =>
    memberCounts.map((members) => {
      const row = distributionRows.find(
        (r) => r.method === method && r.tokens === tokens && r.members === members,
      )!;
      return [members, value(row)] as const;
    });
  const ringSeries = (value: (row: DistributionRow) => number) =>
    [64, 256, 1024].map((tokens, i) => ({
      name: `ring, ${tokens} tokens/member`,
      color: colors[i]!,
      points: sampled("ring", tokens, value),
    }));
  const baselines = (value: (row: DistributionRow) => number) => [
    { name: "jump", color: colors[3]!, points: sampled("jump", undefined, value) },
    { name: "rendezvous", color: colors[4]!, points: sampled("rendezvous", undefined, value) },
  ];
  const placementSeries = (shards: number, loadSlack: number, value: (row: PlacementRow) => number) =>
    placementOf(shards, loadSlack).map((row) => [row.members, value(row)] as const);
  const panels: Panel[] = [
    {
      title: "Member key share, max/mean (1M keys)",
      xLabel: "members N",
      yLabel: "max / mean key share",
      xTicks: memberCounts,
      yRange: [1, 2],
      yTicks: [1, 1.2, 1.4, 1.6, 1.8, 2],
      series: [
        ...ringSeries((row) => row.maxOverMeanSampled),
        ...baselines((row) => row.maxOverMeanSampled),
        {
          name: "hash mod N (sampling noise floor)",
          color: colors[6]!,
          dashed: true,
          points: sampled("hash mod N", undefined, (row) => row.maxOverMeanSampled),
        },
      ],
      references: [{ y: 1.1, label: "1.10" }],
    },
    {
      title: "Keys moved on a join / optimal 1/(N+1)",
      xLabel: "members N (before the join)",
      yLabel: "moved / optimal",
      xTicks: memberCounts,
      yRange: [0.6, 1.6],
      yTicks: [0.6, 0.8, 1, 1.2, 1.4, 1.6],
      series: [
        ...ringSeries((row) => row.joinMovedSampled),
        ...baselines((row) => row.joinMovedSampled),
        {
          name: "placement, 1024 shards: replica data",
          color: colors[5]!,
          dashed: true,
          points: placementSeries(1024, loadSlackDefault, (row) => row.joinDataMoved),
        },
      ],
      references: [{ y: 1.2, label: "target 1.2" }],
    },
    {
      title: "Replicas per member, max/mean (placement)",
      xLabel: "members N",
      yLabel: "max / mean replicas",
      xTicks: memberCounts,
      yRange: [1, 2.5],
      yTicks: [1, 1.25, 1.5, 1.75, 2, 2.25, 2.5],
      series: [
        {
          name: `16 shards, ε = ${loadSlackDefault}`,
          color: colors[0]!,
          points: placementSeries(16, loadSlackDefault, (row) => row.replicas),
        },
        {
          name: `1024 shards, ε = ${loadSlackDefault}`,
          color: colors[1]!,
          points: placementSeries(1024, loadSlackDefault, (row) => row.replicas),
        },
        {
          name: "1024 shards, plain ring (ε = ∞)",
          color: colors[4]!,
          dashed: true,
          points: placementSeries(1024, Number.POSITIVE_INFINITY, (row) => row.replicas),
        },
      ],
      references: [{ y: 1.15, label: "target 1.15 (N ≤ 100)" }],
    },
  ];
  return chartSvg(panels, `ringkv ring benchmark — ${environment}`);
}
