import { inflateRawSync } from "zlib";
import { ReasonError } from "../core";
import { crc32 } from "./crc32";

/**
 * The small part of the ZIP format an .xlsx needs, so that a marked copy can change two or
 * three parts and copy every other part byte for byte (charts, pivot caches, macros and
 * anything else a library would not know how to rewrite stay exactly as they were).
 * No ZIP64, no encryption, no multi-disk archives: an .xlsx never needs them below 4 GB.
 *
 * This module reads the central directory into entries and inflates one whole part; the
 * streaming read is zip-stream.ts, writing zip-write.ts, part-level edits zip-edit.ts.
 */

/** Why an archive cannot be read or written; the .xlsx reader turns it into its own reasons. */
export class ZipError extends ReasonError<"not_zip" | "truncated" | "unsupported" | "corrupt" | "too_large"> {
  override readonly name = "ZipError";
}

export interface ZipEntry {
  /** The entry's path as stored (xlsx parts are ASCII). */
  readonly name: string;
  /** The name's raw bytes, written back unchanged. */
  readonly nameBytes: Buffer;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly crc: number;
  readonly size: number;
  /** The compressed bytes as found in the archive. */
  readonly raw: Buffer;
  readonly time: number;
  readonly date: number;
  readonly flags: number;
  readonly versionMadeBy: number;
  readonly internalAttrs: number;
  readonly externalAttrs: number;
}

/** Signatures of the local header, the central directory header and the end record. */
export const SIG_LOCAL = 0x04034b50;
export const SIG_CENTRAL = 0x02014b50;
export const SIG_END = 0x06054b50;
/** Size of the end record without its comment. */
export const END_MIN = 22;

/** True when the bytes start like a ZIP archive (local header, or an empty archive). */
export function looksLikeZip(buffer: Buffer): boolean {
  return buffer.length >= 4 && buffer[0] === 0x50 && buffer[1] === 0x4b && (buffer[2] === 3 || buffer[2] === 5);
}

/**
 * The entries of a ZIP archive, in central-directory order.
 * @throws ZipError when the archive is truncated, damaged or uses a feature not supported here.
 */
export function readZip(buffer: Buffer): ZipEntry[] {
  if (!looksLikeZip(buffer)) throw new ZipError("not_zip", "not a ZIP archive");
  const end = findEnd(buffer);
  if (end < 0) throw new ZipError("truncated", "the end of the ZIP archive is missing (truncated file)");
  const count = buffer.readUInt16LE(end + 10);
  const cdSize = buffer.readUInt32LE(end + 12);
  const cdOffset = buffer.readUInt32LE(end + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
    throw new ZipError("unsupported", "ZIP64 archives are not supported");
  }
  if (cdOffset + cdSize > end) throw new ZipError("truncated", "the ZIP directory points past the end of the file");
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buffer.length || buffer.readUInt32LE(p) !== SIG_CENTRAL) {
      throw new ZipError("corrupt", "damaged ZIP directory");
    }
    const flags = buffer.readUInt16LE(p + 8);
    const method = buffer.readUInt16LE(p + 10);
    const nameLength = buffer.readUInt16LE(p + 28);
    const extraLength = buffer.readUInt16LE(p + 30);
    const commentLength = buffer.readUInt16LE(p + 32);
    const compressedSize = buffer.readUInt32LE(p + 20);
    const localOffset = buffer.readUInt32LE(p + 42);
    const nameBytes = Buffer.from(buffer.subarray(p + 46, p + 46 + nameLength));
    if (flags & 1) throw new ZipError("unsupported", "the archive is encrypted");
    if (method !== 0 && method !== 8) throw new ZipError("unsupported", `compression method ${method} is not supported`);
    if (localOffset + 30 > buffer.length || buffer.readUInt32LE(localOffset) !== SIG_LOCAL) {
      throw new ZipError("corrupt", "damaged ZIP entry");
    }
    const dataStart = localOffset + 30 + buffer.readUInt16LE(localOffset + 26) + buffer.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > buffer.length) throw new ZipError("truncated", "a ZIP entry is cut short");
    entries.push({
      name: nameBytes.toString("utf8"),
      nameBytes,
      method,
      crc: buffer.readUInt32LE(p + 16),
      size: buffer.readUInt32LE(p + 24),
      raw: buffer.subarray(dataStart, dataStart + compressedSize),
      time: buffer.readUInt16LE(p + 12),
      date: buffer.readUInt16LE(p + 14),
      flags,
      versionMadeBy: buffer.readUInt16LE(p + 4),
      internalAttrs: buffer.readUInt16LE(p + 36),
      externalAttrs: buffer.readUInt32LE(p + 38),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEnd(buffer: Buffer): number {
  const stop = Math.max(0, buffer.length - END_MIN - 0xffff);
  for (let p = buffer.length - END_MIN; p >= stop; p--) {
    if (buffer.readUInt32LE(p) === SIG_END && p + END_MIN + buffer.readUInt16LE(p + 20) <= buffer.length) return p;
  }
  return -1;
}

/** The uncompressed bytes of an entry, checked against its CRC. */
export function entryData(entry: ZipEntry): Buffer {
  let data: Buffer;
  try {
    data = entry.method === 8 ? inflateRawSync(entry.raw) : Buffer.from(entry.raw);
  } catch {
    throw new ZipError("corrupt", `the part ${entry.name} cannot be decompressed`);
  }
  if (data.length !== entry.size || crc32(data) !== entry.crc) {
    throw new ZipError("corrupt", `the part ${entry.name} is damaged (checksum)`);
  }
  return data;
}
