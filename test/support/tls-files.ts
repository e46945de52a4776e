// Certificates for the TLS tests, written to a directory: the cluster's CA with a node server
// certificate and a client certificate, the peer CA with a node peer certificate, and a rogue
// CA (another cluster's) with a peer certificate the cluster must refuse.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { CertAuthority, type PemPair } from "../../src/node/tls/cert-authority.ts";

export interface TlsFiles {
  readonly dir: string;
  readonly ca: string;
  readonly cert: string;
  readonly key: string;
  readonly clientCert: string;
  readonly clientKey: string;
  readonly peerCa: string;
  readonly peerCert: string;
  readonly peerKey: string;
  readonly rogueCa: string;
  readonly roguePeerCert: string;
  readonly roguePeerKey: string;
  /** RINGKV_* environment of a node started with this cluster's client and peer TLS. */
  readonly nodeEnv: Readonly<Record<string, string>>;
}

function writePair(dir: string, name: string, pair: PemPair): { cert: string; key: string } {
  const cert = join(dir, `${name}.pem`);
  const key = join(dir, `${name}-key.pem`);
  writeFileSync(cert, pair.certPem);
  writeFileSync(key, pair.keyPem, { mode: 0o600 });
  return { cert, key };
}

export async function writeTlsFiles(dir: string): Promise<TlsFiles> {
  const hosts = ["127.0.0.1", "localhost"];
  const clusterCa = await CertAuthority.create("ringkv test CA");
  const peerCa = await CertAuthority.create("ringkv test peer CA");
  const rogue = await CertAuthority.create("another cluster's peer CA");
  const ca = join(dir, "ca.pem");
  const peerCaPath = join(dir, "peer-ca.pem");
  const rogueCa = join(dir, "rogue-ca.pem");
  writeFileSync(ca, clusterCa.certPem);
  writeFileSync(peerCaPath, peerCa.certPem);
  writeFileSync(rogueCa, rogue.certPem);
  const server = writePair(dir, "server", await clusterCa.issue({ commonName: "ringkv node", hosts }));
  const client = writePair(dir, "client", await clusterCa.issue({ commonName: "ringkv client", hosts: [] }));
  const peer = writePair(dir, "peer", await peerCa.issue({ commonName: "ringkv peer", hosts }));
  const roguePeer = writePair(dir, "rogue-peer", await rogue.issue({ commonName: "rogue", hosts }));
  return {
    dir,
    ca,
    cert: server.cert,
    key: server.key,
    clientCert: client.cert,
    clientKey: client.key,
    peerCa: peerCaPath,
    peerCert: peer.cert,
    peerKey: peer.key,
    rogueCa,
    roguePeerCert: roguePeer.cert,
    roguePeerKey: roguePeer.key,
    nodeEnv: {
      RINGKV_CERT: server.cert,
      RINGKV_KEY: server.key,
      RINGKV_CA: ca,
      RINGKV_PEER_CERT: peer.cert,
      RINGKV_PEER_KEY: peer.key,
      RINGKV_PEER_CA: peerCaPath,
    },
  };
}
