// A TLS failure says which flag to fix, at once, instead of "unreachable" after every retry.
import { describe, expect, test } from "vitest";
import { RingkvError } from "../../src/api/errors.ts";
import { keepTlsHint, TLS_PORT_HINT, tlsFailure } from "../../src/client/tls-failure.ts";

const A = "127.0.0.1:7001";
const detail = (last: string): string => `No connection established. Last error: ${last}. Resolution note: `;

describe("tlsFailure", () => {
  test("an untrusted server certificate ends the call as InvalidArgument naming --ca", () => {
    const e = tlsFailure(detail("Error: self-signed certificate in certificate chain"), A, true);
    expect(e?.code).toBe("InvalidArgument");
    expect(e?.message).toBe(
      `${A}: TLS: the node's certificate is not trusted (self-signed certificate in certificate chain): give --ca (RINGKV_CA) the CA that signed the cluster's certificates`,
    );
  });

  test("a certificate for another name says so", () => {
    const e = tlsFailure(
      detail(
        "Error: Hostname/IP does not match certificate's altnames: IP: 10.0.0.9 is not in the cert's list",
      ),
      A,
      true,
    );
    expect(e?.message).toMatch(/not valid for this address/);
  });

  test("a node that wants a client certificate names --cert and --key", () => {
    const e = tlsFailure(detail("Error: ssl/tls alert certificate required"), A, true);
    expect(e?.message).toMatch(/give --cert and --key \(RINGKV_CERT, RINGKV_KEY\)$/);
  });

  test("a TLS client on a plaintext port is told the node does not speak TLS", () => {
    const e = tlsFailure(
      detail("Error: 80A8E5F4:error:0A00010B:SSL routines:ssl3_get_record:wrong version number"),
      A,
      true,
    );
    expect(e?.message).toMatch(/does not speak TLS/);
  });

  test("a plaintext client whose connection is closed at once stays retryable, with the hint", () => {
    const e = tlsFailure(detail("Failed to connect (2026-12-06T15:11:39.330Z)"), A, false);
    expect(e?.code).toBe("Unavailable");
    expect(e?.message.endsWith(TLS_PORT_HINT)).toBe(true);
    const explained = keepTlsHint(new RingkvError("Unavailable", `node ${A} is unreachable`), e!);
    expect(explained.message).toBe(`node ${A} is unreachable; ${TLS_PORT_HINT}`);
  });

  test("other failures are left alone", () => {
    expect(tlsFailure(detail(`Error: connect ECONNREFUSED ${A}`), A, false)).toBeNull();
    expect(tlsFailure(detail(`Error: connect ECONNREFUSED ${A}`), A, true)).toBeNull();
    const plain = new RingkvError("Unavailable", "x");
    expect(keepTlsHint(plain, plain)).toBe(plain);
  });
});
