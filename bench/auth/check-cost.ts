// What one authorization check costs a request: AuthGate.check with a valid write token, against
// token files of several sizes (the presented token is the last entry; every entry is compared
// either way). Run: node --import tsx bench/auth/check-cost.ts
import {
  AuthGate,
  formatTokenLine,
  generateToken,
  hashToken,
  parseTokenFile,
  TokenStore,
} from "../../src/node/auth/index.ts";

const CHECKS = 20_000;

for (const size of [1, 3, 64, 1024]) {
  const tokens = Array.from({ length: size }, generateToken);
  const text = tokens
    .map((t, i) => formatTokenLine({ name: `t${i}`, role: "write", hash: hashToken(t) }))
    .join("");
  const gate = AuthGate.of(new TokenStore(parseTokenFile("bench", text)));
  const credentials = { authorization: `Bearer ${tokens[size - 1]}`, peer: null };
  for (let i = 0; i < 1_000; i++) gate.check(credentials, "write", "bench");
  const started = performance.now();
  for (let i = 0; i < CHECKS; i++) gate.check(credentials, "write", "bench");
  const usPerCheck = ((performance.now() - started) * 1000) / CHECKS;
  console.log(`${String(size).padStart(5)} tokens: ${usPerCheck.toFixed(1)} µs per check`);
}
