import { describe, expect, test } from "vitest";
import { nodeOptions } from "../../cli/commands/start.ts";
import { REDACTED, redactSecrets, resolveStartConfig } from "../../cli/start-config.ts";

const REQUIRED = { id: "n1", listen: "127.0.0.1:7001", data: "/d" };

describe("start's authentication flags", () => {
  test("come from the flag, RINGKV_AUTH_FILE / RINGKV_PEER_TOKEN or the config file, and turn auth on", () => {
    const fromEnv = resolveStartConfig({
      flags: REQUIRED,
      env: { RINGKV_AUTH_FILE: "/etc/ringkv/tokens", RINGKV_PEER_TOKEN: "rk_peer" },
    });
    expect(fromEnv.from).toMatchObject({
      authFile: "env RINGKV_AUTH_FILE",
      peerToken: "env RINGKV_PEER_TOKEN",
    });
    expect(nodeOptions(fromEnv.config).auth).toEqual({ file: "/etc/ringkv/tokens", peerToken: "rk_peer" });
    const fromFile = resolveStartConfig({
      flags: REQUIRED,
      env: {},
      file: { path: "n1.yaml", content: { authFile: "tokens", peerToken: "rk_file" } },
    });
    expect(nodeOptions(fromFile.config).auth).toEqual({ file: "tokens", peerToken: "rk_file" });
  });

  test("auth is off without an auth file", () => {
    const { config } = resolveStartConfig({ flags: REQUIRED, env: {} });
    expect(nodeOptions(config).auth).toBeUndefined();
  });

  test("a peer token without an auth file is refused, naming where it came from", () => {
    expect(() => resolveStartConfig({ flags: REQUIRED, env: { RINGKV_PEER_TOKEN: "rk_x" } })).toThrow(
      "peerToken (env RINGKV_PEER_TOKEN): needs authFile",
    );
  });

  test("--print-config never shows the peer token, only where it came from", () => {
    const resolved = resolveStartConfig({
      flags: { ...REQUIRED, authFile: "t", peerToken: "rk_secret" },
      env: {},
    });
    const printed = JSON.stringify(redactSecrets(resolved));
    expect(printed).not.toContain("rk_secret");
    expect(redactSecrets(resolved).config.peerToken).toBe(REDACTED);
    expect(redactSecrets(resolved).from.peerToken).toBe("flag --peer-token");
  });
});
