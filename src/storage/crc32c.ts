// CRC-32C (Castagnoli), the checksum on every log record and snapshot file. Castagnoli rather
// than the zlib polynomial because it detects more error patterns in short records; Node 20
// has neither in its standard library, so it is computed here with "slicing by 8": eight
// 256-entry tables let the loop consume eight bytes per step instead of one.

const POLYNOMIAL_REFLECTED = 0x82f63b78;

const TABLES: readonly Int32Array[] = buildTables();

function buildTables(): Int32Array[] {
  const tables = Array.from({ length: 8 }, () => new Int32Array(256));
  const first = tables[0]!;
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ POLYNOMIAL_REFLECTED : c >>> 1;
    first[n] = c;
  }
  for (let t = 1; t < 8; t++) {
    const previous = tables[t - 1]!;
    const table = tables[t]!;
    for (let n = 0; n < 256; n++) {
      const c = previous[n]!;
      table[n] = first[c & 0xff]! ^ (c >>> 8);
    }
  }
  return tables;
}

/**
 * The CRC-32C of `bytes`. Pass a previous result as `crc` to continue it: crc32c(b, crc32c(a))
 * equals the checksum of a followed by b.
 */
export function crc32c(bytes: Uint8Array, crc = 0): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = TABLES as [
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
  ];
  let c = ~crc;
  let i = 0;
  const end8 = bytes.length - (bytes.length % 8);
  for (; i < end8; i += 8) {
    const lo = c ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24));
    c =
      t7[lo & 0xff]! ^
      t6[(lo >>> 8) & 0xff]! ^
      t5[(lo >>> 16) & 0xff]! ^
      t4[lo >>> 24]! ^
      t3[bytes[i + 4]!]! ^
      t2[bytes[i + 5]!]! ^
      t1[bytes[i + 6]!]! ^
      t0[bytes[i + 7]!]!;
  }
  for (; i < bytes.length; i++) c = t0[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}
