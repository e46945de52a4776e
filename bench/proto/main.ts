// Static protobuf code (src/api/generated, what ringkv ships) against the run-time reflection it
// replaced (protobufjs parsing proto/*.proto): start-up cost and encode/decode throughput of the
// messages on the hot paths (a Raft MessageBatch, a KV PutRequest), each side doing what the
// codec layer does — verify, encode; decode, toObject.
//
//   npx tsx bench/proto/main.ts [--rounds 20000]
import { execFileSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import protobuf from "protobufjs";
import { decodeMessage, encodeMessage, type MessageCodec, wire as ringkv } from "../../src/api/proto.ts";
import { PROTO_DIR } from "../../test/support/proto-schema.ts";

const roundsArg = process.argv.indexOf("--rounds");
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 20_000;

const REPO_DIR = fileURLToPath(new URL("../../", import.meta.url));

const TO_OBJECT: protobuf.IConversionOptions = {
  longs: Number,
  bytes: Uint8Array,
  defaults: true,
  oneofs: true,
};

function timeMs(f: () => void): number {
  const start = performance.now();
  f();
  return performance.now() - start;
}

/**
 * Milliseconds from nothing loaded to codecs ready, in a fresh Node process: `setup` is the body
 * of an ES module; the median of `runs` processes.
 */
function loadMs(setup: string, runs = 5): number {
  const script = `const t0 = performance.now();\n${setup}\nprocess.stdout.write(String(performance.now() - t0));`;
  const times = Array.from({ length: runs }, () =>
    Number(
      execFileSync(process.execPath, ["--input-type=module", "-e", script], {
        cwd: REPO_DIR,
        encoding: "utf8",
      }),
    ),
  ).sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}

const reflectLoadMs = loadMs(
  `const { default: protobuf } = await import("protobufjs");
   const root = new protobuf.Root();
   root.loadSync(["kv", "raft", "gossip", "command"].map((f) => ${JSON.stringify(PROTO_DIR)} + f + ".proto"));
   root.resolveAll();`,
);
const staticLoadMs = loadMs(`await import("./src/api/generated/proto.js");`);

const reflectRoot = new protobuf.Root();
reflectRoot.loadSync(["kv.proto", "raft.proto", "gossip.proto", "command.proto"].map((f) => PROTO_DIR + f));
reflectRoot.resolveAll();

const heartbeat = (i: number) => ({
  group: `shard-${i % 16}`,
  message: { type: 7, from: "n1", to: "n2", term: 12, logTerm: 0, index: 0, entries: [], commit: 1000 + i },
});
const batch = {
  from: "n1",
  messages: [
    ...Array.from({ length: 15 }, (_, i) => heartbeat(i)),
    {
      group: "shard-3",
      message: {
        type: 1,
        from: "n1",
        to: "n2",
        term: 12,
        logTerm: 12,
        index: 4000,
        commit: 3999,
        entries: Array.from({ length: 8 }, (_, i) => ({
          term: 12,
          index: 4001 + i,
          type: 0,
          data: new Uint8Array(100),
        })),
      },
    },
  ],
};
const put = { key: Buffer.from("user:1234"), value: new Uint8Array(100), ifVersion: 7 };

interface Side {
  readonly name: string;
  encode(type: string, value: object): Uint8Array;
  decode(type: string, bytes: Uint8Array): unknown;
}

const reflect: Side = {
  name: "reflection (before)",
  encode(type, value) {
    const t = reflectRoot.lookupType(type);
    const err = t.verify(value);
    if (err) throw new TypeError(err);
    return t.encode(t.fromObject(value)).finish();
  },
  decode(type, bytes) {
    const t = reflectRoot.lookupType(type);
    return t.toObject(t.decode(bytes), TO_OBJECT);
  },
};

const CODECS: Record<string, MessageCodec> = {
  "ringkv.raft.MessageBatch": ringkv.raft.MessageBatch,
  "ringkv.kv.PutRequest": ringkv.kv.PutRequest,
};
const generated: Side = {
  name: "static (now)",
  encode: (type, value) => encodeMessage(CODECS[type]!, value),
  decode: (type, bytes) => decodeMessage(CODECS[type]!, bytes),
};

function throughput(side: Side, type: string, value: object): { encodePerS: number; decodePerS: number } {
  const bytes = side.encode(type, value);
  for (let i = 0; i < 2_000; i++) side.decode(type, side.encode(type, value)); // warm-up
  const encodeMs = timeMs(() => {
    for (let i = 0; i < ROUNDS; i++) side.encode(type, value);
  });
  const decodeMs = timeMs(() => {
    for (let i = 0; i < ROUNDS; i++) side.decode(type, bytes);
  });
  return {
    encodePerS: Math.round((ROUNDS / encodeMs) * 1000),
    decodePerS: Math.round((ROUNDS / decodeMs) * 1000),
  };
}

console.log(
  `load: reflection ${reflectLoadMs.toFixed(1)} ms (import protobufjs, parse 4 .proto files), static ${staticLoadMs.toFixed(1)} ms (import the generated module); median of 5 fresh processes`,
);
for (const [type, value] of [
  ["ringkv.raft.MessageBatch", batch],
  ["ringkv.kv.PutRequest", put],
] as const) {
  for (const side of [reflect, generated]) {
    const r = throughput(side, type, value);
    console.log(
      `${type.padEnd(26)} ${side.name.padEnd(20)} encode ${r.encodePerS}/s  decode ${r.decodePerS}/s`,
    );
  }
}
