// A user's plain-JavaScript program against the installed package (test/package copies it into a
// fresh folder where `npm install <tarball>` put ringkv). No TypeScript, no loader, no deep
// import: only `import … from "ringkv"`. Prints one JSON line of what it saw.
//
//   node consumer.mjs HOST:PORT
import { KvValue, RingkvClient, RingkvError } from "ringkv";

const [address] = process.argv.slice(2);
const client = new RingkvClient({ addresses: [address] });
try {
  const put = await client.put("user", "john");
  const got = await client.get("user");
  const bytesKey = await client.get(new TextEncoder().encode("user"));
  const refused = await client.put(42, "v").then(
    () => "accepted",
    (e) => (e instanceof RingkvError ? e.code : `untyped ${e}`),
  );
  const missing = await client.get("never-written");
  const unicode = await client.put("wörld", "✓").then(() => client.get("wörld"));
  // Ranges, transactions and range deletes (issue 13), with plain strings.
  for (const key of ["list/b", "list/a", "lisu"]) await client.put(key, key.toUpperCase());
  const listed = await client.range({ prefix: "list/" });
  await client.put("cas", "1");
  const swap = await client.txn({
    compares: [{ key: "cas", target: "value", result: "equal", value: "1" }],
    success: [{ put: { key: "cas", value: "2" } }],
  });
  const removed = await client.deleteRange({ prefix: "list/" });
  process.stdout.write(
    `${JSON.stringify({
      version: put.version,
      isKvValue: got instanceof KvValue,
      string: got?.string(),
      bytes: Array.from(got?.bytes ?? []),
      sameVersion: got?.version === put.version,
      bytesKey: bytesKey?.string(),
      refused,
      missing,
      unicode: unicode?.string(),
      listed: listed.kvs.map((kv) => new TextDecoder().decode(kv.key)),
      swapped: swap.succeeded,
      removed: removed.deleted,
    })}\n`,
  );
} finally {
  client.close();
}
