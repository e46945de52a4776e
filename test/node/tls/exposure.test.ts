// Plaintext beyond loopback is refused unless --insecure says it is meant.
import { describe, expect, test } from "vitest";
import { checkExposure, isLoopbackHost } from "../../../src/node/tls/exposure.ts";

const NONE = { client: false, peer: false };
const FULL = { client: true, peer: true };

describe("exposure", () => {
  test("loopback hosts are recognised, every other host is not", () => {
    for (const h of ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"])
      expect(isLoopbackHost(h)).toBe(true);
    for (const h of ["0.0.0.0", "10.0.0.5", "::", "[::]", "example.com", "128.0.0.1"]) {
      expect(isLoopbackHost(h)).toBe(false);
    }
  });

  test("plaintext on loopback is allowed", () => {
    expect(() =>
      checkExposure({ listen: "127.0.0.1:7001", http: "127.0.0.1:8001" }, NONE, false),
    ).not.toThrow();
  });

  test("plaintext gRPC beyond loopback is refused in one line naming the address and the way out", () => {
    expect(() => checkExposure({ listen: "0.0.0.0:7001" }, NONE, false)).toThrow(
      "refusing to listen on 0.0.0.0:7001 without TLS: give --cert/--key and --peer-cert/--peer-key/--peer-ca, or --insecure to serve plaintext beyond loopback",
    );
  });

  test("client TLS without peer TLS beyond loopback is refused too: anyone could send Raft messages", () => {
    expect(() => checkExposure({ listen: "10.0.0.5:7001" }, { client: true, peer: false }, false)).toThrow(
      /give --peer-cert\/--peer-key\/--peer-ca, or --insecure/,
    );
  });

  test("plaintext HTTP beyond loopback is refused", () => {
    expect(() => checkExposure({ listen: "127.0.0.1:7001", http: "0.0.0.0:8001" }, NONE, false)).toThrow(
      /^refusing to listen on 0.0.0.0:8001 \(HTTP\) without TLS/,
    );
  });

  test("full TLS, or --insecure, allows any address", () => {
    expect(() => checkExposure({ listen: "0.0.0.0:7001", http: "0.0.0.0:8001" }, FULL, false)).not.toThrow();
    expect(() => checkExposure({ listen: "0.0.0.0:7001", http: "0.0.0.0:8001" }, NONE, true)).not.toThrow();
  });
});
