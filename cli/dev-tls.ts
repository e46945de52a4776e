// `ringkv dev --tls`: a throwaway CA and certificates in <data>/tls, made on the first run and
// reused after, so that trying the secure path takes one flag. Two CAs, as a real deployment
// should have: the cluster CA signs the nodes' server certificate and a client certificate (what
// clients trust and present), the peer CA signs the nodes' peer certificate (what makes a caller
// a node). Every dev node shares one certificate of each kind: they all live on 127.0.0.1.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** The directory under the dev data root that holds the generated files. */
export const DEV_TLS_DIR = "tls";
/** What the generated server and peer certificates are valid for. */
export const DEV_TLS_HOSTS: readonly string[] = ["127.0.0.1", "localhost", "::1"];

/** Absolute paths of the dev cluster's TLS files. */
export interface DevTlsFiles {
  readonly ca: string;
  readonly cert: string;
  readonly key: string;
  readonly peerCa: string;
  readonly peerCert: string;
  readonly peerKey: string;
  readonly clientCert: string;
  readonly clientKey: string;
}

export function devTlsFiles(dataRoot: string): DevTlsFiles {
  const dir = resolve(join(dataRoot, DEV_TLS_DIR));
  const at = (name: string): string => join(dir, name);
  return {
    ca: at("ca.pem"),
    cert: at("server.pem"),
    key: at("server-key.pem"),
    peerCa: at("peer-ca.pem"),
    peerCert: at("peer.pem"),
    peerKey: at("peer-key.pem"),
    clientCert: at("client.pem"),
    clientKey: at("client-key.pem"),
  };
}

/** The `ringkv start` flags of a node using `files`. */
export function devTlsArgs(files: DevTlsFiles): string[] {
  return [
    "--cert",
    files.cert,
    "--key",
    files.key,
    "--ca",
    files.ca,
    "--peer-cert",
    files.peerCert,
    "--peer-key",
    files.peerKey,
    "--peer-ca",
    files.peerCa,
  ];
}

/**
 * The files, generated unless every one of them exists already; `generated` says which. A
 * partial set (a file deleted by hand) is made anew as a whole: a certificate whose CA is gone
 * could not be checked.
 */
export async function ensureDevTls(dataRoot: string): Promise<{ files: DevTlsFiles; generated: boolean }> {
  const files = devTlsFiles(dataRoot);
  if (Object.values(files).every((path) => existsSync(path))) return { files, generated: false };
  // Loaded here: the generator (and its ASN.1 stack) is only needed the first time.
  const { CertAuthority } = await import("../src/node/tls/cert-authority.ts");
  const clusterCa = await CertAuthority.create("ringkv dev cluster CA");
  const peerCa = await CertAuthority.create("ringkv dev peer CA");
  const server = await clusterCa.issue({ commonName: "ringkv dev node", hosts: DEV_TLS_HOSTS });
  const client = await clusterCa.issue({ commonName: "ringkv dev client", hosts: [] });
  const peer = await peerCa.issue({ commonName: "ringkv dev peer", hosts: DEV_TLS_HOSTS });
  mkdirSync(join(resolve(dataRoot), DEV_TLS_DIR), { recursive: true });
  const write = (path: string, text: string, secret = false): void =>
    writeFileSync(path, text, { mode: secret ? 0o600 : 0o644 });
  write(files.ca, clusterCa.certPem);
  write(files.peerCa, peerCa.certPem);
  write(files.cert, server.certPem);
  write(files.key, server.keyPem, true);
  write(files.peerCert, peer.certPem);
  write(files.peerKey, peer.keyPem, true);
  write(files.clientCert, client.certPem);
  write(files.clientKey, client.keyPem, true);
  return { files, generated: true };
}
