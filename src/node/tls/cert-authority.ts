// A throwaway certificate authority for `ringkv dev --tls` and the tests: ECDSA P-256 keys and
// X.509 certificates made in-process with @peculiar/x509 over WebCrypto (node:crypto can verify
// certificates but not create them in Node 20; no shelling out to openssl at run time).
import { webcrypto } from "node:crypto";
// @peculiar/x509 resolves its classes through tsyringe, which needs the Reflect metadata API
// loaded first (its README asks the application to import it); ESM evaluates imports in order.
import "reflect-metadata";
import * as x509 from "@peculiar/x509";

/** How long generated certificates are valid: a dev cluster's data dir outlives a day or two. */
export const GENERATED_CERT_VALID_DAYS = 365;

const ALGORITHM = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" } as const;
const DAY_MS = 86_400_000;
/** Certificates start a minute in the past: a peer whose clock is slightly behind accepts them. */
const CLOCK_SKEW_MS = 60_000;

/** A certificate and its private key, both PEM. */
export interface PemPair {
  readonly certPem: string;
  readonly keyPem: string;
}

export interface IssueRequest {
  readonly commonName: string;
  /** Host names and IP addresses the certificate is valid for (subjectAltName); may be empty. */
  readonly hosts: readonly string[];
  readonly validDays?: number;
}

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

const crypto = webcrypto;
// The library types its provider as the DOM's Crypto, which Node's webcrypto implements.
x509.cryptoProvider.set(crypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

function generateKeys(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(ALGORITHM, true, ["sign", "verify"]) as Promise<CryptoKeyPair>;
}

async function keyPem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await crypto.subtle.exportKey("pkcs8", key));
  const lines = der.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN PRIVATE KEY-----\n${lines.join("\n")}\n-----END PRIVATE KEY-----\n`;
}

function validity(days: number): { notBefore: Date; notAfter: Date } {
  const now = Date.now();
  return { notBefore: new Date(now - CLOCK_SKEW_MS), notAfter: new Date(now + days * DAY_MS) };
}

function isIp(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(":");
}

export class CertAuthority {
  readonly certPem: string;
  readonly #cert: x509.X509Certificate;
  readonly #keys: CryptoKeyPair;

  private constructor(cert: x509.X509Certificate, keys: CryptoKeyPair) {
    this.#cert = cert;
    this.#keys = keys;
    this.certPem = cert.toString("pem");
  }

  /** A new self-signed CA named `commonName`. */
  static async create(commonName: string, validDays = GENERATED_CERT_VALID_DAYS): Promise<CertAuthority> {
    const keys = await generateKeys();
    const cert = await x509.X509CertificateGenerator.createSelfSigned({
      name: `CN=${commonName}`,
      keys,
      signingAlgorithm: ALGORITHM,
      ...validity(validDays),
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      ],
    });
    return new CertAuthority(cert, keys);
  }

  /**
   * A certificate signed by this CA, usable both as a TLS server and a TLS client certificate
   * (a node presents its peer certificate in both roles).
   */
  async issue(request: IssueRequest): Promise<PemPair> {
    const keys = await generateKeys();
    const names = request.hosts.map((h) => ({ type: isIp(h) ? "ip" : "dns", value: h }) as const);
    const cert = await x509.X509CertificateGenerator.create({
      subject: `CN=${request.commonName}`,
      issuer: this.#cert.subject,
      publicKey: keys.publicKey,
      signingKey: this.#keys.privateKey,
      signingAlgorithm: ALGORITHM,
      ...validity(request.validDays ?? GENERATED_CERT_VALID_DAYS),
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([
          x509.ExtendedKeyUsage.serverAuth,
          x509.ExtendedKeyUsage.clientAuth,
        ]),
        ...(names.length > 0 ? [new x509.SubjectAlternativeNameExtension(names)] : []),
        await x509.AuthorityKeyIdentifierExtension.create(this.#cert),
      ],
    });
    return { certPem: cert.toString("pem"), keyPem: await keyPem(keys.privateKey) };
  }
}
