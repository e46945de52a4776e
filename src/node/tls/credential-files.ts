// Reading TLS certificates and keys from the paths the operator gave, checked at start so that
// a wrong path, a file that is not PEM, or a key that does not belong to its certificate is one
// clear line naming the flag and the file (exit 2), not a failed handshake minutes later.

import { createPrivateKey, type KeyObject, X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { RingkvError } from "../../api/errors.ts";

/** A path and the flag (or config key) it came from, for the messages. */
export interface CredentialPath {
  readonly path: string;
  readonly flag: string;
}

/** A certificate chain and its private key, read and checked. */
export interface LoadedKeyPair {
  readonly certPem: Buffer;
  readonly keyPem: Buffer;
  /** The leaf (first) certificate of the chain. */
  readonly leaf: X509Certificate;
}

/** A bundle of CA certificates, read and checked. */
export interface LoadedCaBundle {
  readonly pem: Buffer;
  readonly certs: readonly X509Certificate[];
}

const CERT_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

function refuse(file: CredentialPath, problem: string): never {
  throw new RingkvError("InvalidArgument", `${file.flag} ${file.path}: ${problem}`);
}

function read(file: CredentialPath): Buffer {
  try {
    return readFileSync(file.path);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    const reason =
      code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : (e as Error).message;
    return refuse(file, `cannot read: ${reason}`);
  }
}

/** Every certificate in a PEM file, in order; refused when there is none or one does not parse. */
function certificates(file: CredentialPath, pem: Buffer): X509Certificate[] {
  const blocks = pem.toString("utf8").match(CERT_BLOCK) ?? [];
  if (blocks.length === 0) refuse(file, "holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
  return blocks.map((block, i) => {
    try {
      return new X509Certificate(block);
    } catch (e) {
      return refuse(file, `certificate ${i + 1} does not parse: ${(e as Error).message}`);
    }
  });
}

function privateKey(file: CredentialPath, pem: Buffer): KeyObject {
  try {
    return createPrivateKey(pem);
  } catch {
    return refuse(file, "holds no PEM private key this node can read (unencrypted PKCS#8, PKCS#1 or SEC1)");
  }
}

function checkValidNow(file: CredentialPath, cert: X509Certificate, nowMs: number): void {
  if (nowMs < Date.parse(cert.validFrom)) refuse(file, `certificate not valid before ${cert.validFrom}`);
  if (nowMs > Date.parse(cert.validTo)) refuse(file, `certificate expired on ${cert.validTo}`);
}

/** A certificate and its key; refused naming the file when either is unusable or they do not match. */
export function loadKeyPair(cert: CredentialPath, key: CredentialPath, nowMs = Date.now()): LoadedKeyPair {
  const certPem = read(cert);
  const leaf = certificates(cert, certPem)[0]!;
  checkValidNow(cert, leaf, nowMs);
  const keyPem = read(key);
  if (!leaf.checkPrivateKey(privateKey(key, keyPem))) {
    refuse(key, `this key does not belong to the certificate in ${cert.flag} ${cert.path}`);
  }
  return { certPem, keyPem, leaf };
}

/** A CA bundle: one or more certificates that may sign others. */
export function loadCaBundle(file: CredentialPath, nowMs = Date.now()): LoadedCaBundle {
  const pem = read(file);
  const certs = certificates(file, pem);
  for (const cert of certs) {
    if (!cert.ca) refuse(file, `${cert.subject.replaceAll("\n", ", ")} is not a CA certificate`);
    checkValidNow(file, cert, nowMs);
  }
  return { pem, certs };
}

/** Whether `cert` was signed by one of the bundle's certificates (its issuer, by name and key). */
export function issuedBy(cert: X509Certificate, bundle: LoadedCaBundle): boolean {
  return bundle.certs.some((ca) => cert.checkIssued(ca) && cert.verify(ca.publicKey));
}
