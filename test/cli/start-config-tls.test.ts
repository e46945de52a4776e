// The TLS flags of `ringkv start` follow the same precedence as every other: flag > env > file.
import { describe, expect, test } from "vitest";
import { nodeOptions } from "../../cli/commands/start.ts";
import { resolveStartConfig, withoutStartEnv } from "../../cli/start-config.ts";

const BASE = { id: "n1", listen: "127.0.0.1:7001", data: "/d" };

describe("start TLS configuration", () => {
  test("each TLS setting comes from the flag, else RINGKV_*, else the config file", () => {
    const { config, from } = resolveStartConfig({
      flags: { ...BASE, cert: "/flag/server.pem" },
      env: {
        RINGKV_CERT: "/env/server.pem",
        RINGKV_KEY: "/env/server-key.pem",
        RINGKV_PEER_CA: "/env/peer-ca.pem",
      },
      file: {
        path: "n1.yaml",
        content: {
          key: "/file/key.pem",
          peerCa: "/file/peer-ca.pem",
          peerCert: "/file/peer.pem",
          clientCertAuth: true,
        },
      },
    });
    expect([config.cert, from.cert]).toEqual(["/flag/server.pem", "flag --cert"]);
    expect([config.key, from.key]).toEqual(["/env/server-key.pem", "env RINGKV_KEY"]);
    expect([config.peerCa, from.peerCa]).toEqual(["/env/peer-ca.pem", "env RINGKV_PEER_CA"]);
    expect([config.peerCert, from.peerCert]).toEqual(["/file/peer.pem", "config file n1.yaml"]);
    expect(config.clientCertAuth).toBe(true);
    expect(nodeOptions(config).tls).toEqual({
      cert: "/flag/server.pem",
      key: "/env/server-key.pem",
      clientCertAuth: true,
      peerCert: "/file/peer.pem",
      peerCa: "/env/peer-ca.pem",
    });
  });

  test("--insecure is a boolean and reaches the node options", () => {
    const { config } = resolveStartConfig({ flags: BASE, env: { RINGKV_INSECURE: "true" } });
    expect(nodeOptions(config).insecure).toBe(true);
    expect(() => resolveStartConfig({ flags: BASE, env: { RINGKV_INSECURE: "maybe" } })).toThrow(
      'env RINGKV_INSECURE: expected true or false, got "maybe"',
    );
  });

  test("dev's nodes do not inherit a TLS path exported for one production node", () => {
    const env = withoutStartEnv({ RINGKV_CERT: "/x", RINGKV_PEER_KEY: "/y", HOME: "/h" });
    expect(env).toEqual({ HOME: "/h" });
  });
});
