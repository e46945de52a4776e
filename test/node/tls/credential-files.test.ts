// Certificates and keys are checked when the node starts: every unusable file is one line
// naming the flag and the path (InvalidArgument, exit 2).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { RingkvError } from "../../../src/api/errors.ts";
import { issuedBy, loadCaBundle, loadKeyPair } from "../../../src/node/tls/credential-files.ts";
import { NodeTls } from "../../../src/node/tls/node-tls.ts";
import { type TlsFiles, writeTlsFiles } from "../../support/tls-files.ts";

function refusal(run: () => unknown): RingkvError {
  try {
    run();
  } catch (e) {
    if (e instanceof RingkvError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("TLS credential files", () => {
  let dir: string;
  let files: TlsFiles;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "ringkv-tls-files-"));
    files = await writeTlsFiles(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const at = (path: string, flag: string) => ({ path, flag });

  test("a certificate and its own key load", () => {
    const pair = loadKeyPair(at(files.cert, "--cert"), at(files.key, "--key"));
    expect(pair.leaf.subject).toContain("ringkv node");
    expect(issuedBy(pair.leaf, loadCaBundle(at(files.ca, "--ca")))).toBe(true);
    expect(issuedBy(pair.leaf, loadCaBundle(at(files.peerCa, "--peer-ca")))).toBe(false);
  });

  test("a missing file is named with its flag", () => {
    const missing = join(dir, "nope.pem");
    const e = refusal(() => loadKeyPair(at(missing, "--cert"), at(files.key, "--key")));
    expect(e.code).toBe("InvalidArgument");
    expect(e.message).toBe(`--cert ${missing}: cannot read: no such file`);
  });

  test("a key that belongs to another certificate is refused naming the key file and the certificate", () => {
    const e = refusal(() => loadKeyPair(at(files.cert, "--peer-cert"), at(files.peerKey, "--peer-key")));
    expect(e.message).toBe(
      `--peer-key ${files.peerKey}: this key does not belong to the certificate in --peer-cert ${files.cert}`,
    );
  });

  test("a file that is not PEM is refused as such", () => {
    const junk = join(dir, "junk.pem");
    writeFileSync(junk, "hello\n");
    expect(refusal(() => loadCaBundle(at(junk, "--ca"))).message).toBe(
      `--ca ${junk}: holds no PEM certificate (-----BEGIN CERTIFICATE-----)`,
    );
    expect(refusal(() => loadKeyPair(at(files.cert, "--cert"), at(junk, "--key"))).message).toMatch(
      new RegExp(`^--key ${junk}: holds no PEM private key`),
    );
  });

  test("a leaf certificate given as a CA is refused", () => {
    expect(refusal(() => loadCaBundle(at(files.cert, "--peer-ca"))).message).toMatch(
      new RegExp(`^--peer-ca ${files.cert}: .*ringkv node is not a CA certificate$`),
    );
  });

  test("an expired certificate is refused with its end date", () => {
    const later = Date.now() + 400 * 86_400_000;
    expect(
      refusal(() => loadKeyPair(at(files.cert, "--cert"), at(files.key, "--key"), later)).message,
    ).toMatch(new RegExp(`^--cert ${files.cert}: certificate expired on `));
  });

  test("a peer certificate not signed by --peer-ca is refused before the node starts", () => {
    const e = refusal(() =>
      NodeTls.load({
        cert: files.cert,
        key: files.key,
        peerCert: files.roguePeerCert,
        peerKey: files.roguePeerKey,
        peerCa: files.peerCa,
      }),
    );
    expect(e.message).toBe(
      `--peer-cert ${files.roguePeerCert}: not signed by a certificate in --peer-ca ${files.peerCa}`,
    );
  });

  test("options that need others say which", () => {
    expect(refusal(() => NodeTls.load({ cert: files.cert })).message).toBe("--cert needs --key");
    expect(refusal(() => NodeTls.load({ key: files.key })).message).toBe("--key needs --cert");
    expect(
      refusal(() => NodeTls.load({ cert: files.cert, key: files.key, peerCert: files.peerCert })).message,
    ).toBe("--peer-cert, --peer-key and --peer-ca go together");
    expect(refusal(() => NodeTls.load({ ca: files.ca })).message).toMatch(
      /^--ca, --client-cert-auth and --peer-\* need --cert and --key/,
    );
    expect(
      refusal(() => NodeTls.load({ cert: files.cert, key: files.key, clientCertAuth: true })).message,
    ).toMatch(/^--client-cert-auth needs --ca/);
  });

  test("no TLS option at all is plaintext; the full set enables peer authentication", () => {
    expect(NodeTls.load({})).toBeNull();
    const tls = NodeTls.load({
      cert: files.cert,
      key: files.key,
      ca: files.ca,
      peerCert: files.peerCert,
      peerKey: files.peerKey,
      peerCa: files.peerCa,
    });
    expect(tls?.peerAuth).toBe(true);
    expect(NodeTls.load({ cert: files.cert, key: files.key })?.peerAuth).toBe(false);
  });
});
