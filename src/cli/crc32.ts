import * as zlib from "zlib";

/**
 * CRC-32 as ZIP stores it: every part read is checked against it and every part written
 * carries it. On its own because the reader, the streaming reader and the writer all need it.
 */

let CRC_TABLE: Uint32Array | null = null;

/** zlib's own CRC-32 where Node has it (20.15 and later): native, far faster than the table. */
const nativeCrc32 = (zlib as { crc32?: (data: Buffer, value?: number) => number }).crc32;

/**
 * CRC-32 (IEEE), as ZIP stores it, continuing from `previous` (the CRC of the bytes before).
 * @example crc32(Buffer.from("b"), crc32(Buffer.from("a"))) === crc32(Buffer.from("ab")) // true
 */
export function crc32(data: Buffer, previous = 0): number {
  if (nativeCrc32) return nativeCrc32(data, previous) >>> 0;
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let crc = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
