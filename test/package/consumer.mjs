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
    })}\n`,
  );
} finally {
  client.close();
}
