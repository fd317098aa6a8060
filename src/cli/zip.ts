import * as zlib from "zlib";
import { deflateRawSync, inflateRawSync } from "zlib";

/**
 * The small part of the ZIP format an .xlsx needs, so that a marked copy can change two or
 * three parts and copy every other part byte for byte (charts, pivot caches, macros and
 * anything else a library would not know how to rewrite stay exactly as they were).
 * No ZIP64, no encryption, no multi-disk archives: an .xlsx never needs them below 4 GB.
 */

export class ZipError extends Error {
  constructor(
    readonly reason: "not_zip" | "truncated" | "unsupported" | "corrupt" | "too_large",
    message: string,
  ) {
    super(message);
    this.name = "ZipError";
  }
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

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const END_MIN = 22;

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

/** Bytes handed to the inflater at a time: small enough that memory does not follow the part's size. */
const SLICE = 64 * 1024;

/**
 * The uncompressed bytes of an entry as a stream of chunks, checked against its CRC at the
 * end, never holding the whole part in memory. `budget.left` is the number of inflated bytes
 * still allowed (shared by all the parts a reader streams); going past it, whatever the ZIP
 * directory declared, stops the inflater at once with a `too_large` ZipError, so that a
 * small file that inflates to gigabytes costs no more than the budget.
 * @example for await (const chunk of entryChunks(entry, { left: 256 * 2 ** 20 })) parser.write(chunk);
 */
export async function* entryChunks(entry: ZipEntry, budget: { left: number }): AsyncGenerator<Buffer> {
  if (entry.size > budget.left) throw new ZipError("too_large", `the part ${entry.name} declares ${entry.size} bytes`);
  let crc = 0;
  let total = 0;
  const take = (chunk: Buffer) => {
    total += chunk.length;
    budget.left -= chunk.length;
    if (budget.left < 0) throw new ZipError("too_large", `the part ${entry.name} inflates past the limit`);
    crc = crc32(chunk, crc);
  };
  if (entry.method === 0) {
    for (let at = 0; at < entry.raw.length; at += SLICE) {
      const chunk = entry.raw.subarray(at, at + SLICE);
      take(chunk);
      yield chunk;
    }
  } else {
    const inflater = zlib.createInflateRaw({ chunkSize: SLICE });
    // The compressed bytes go in slice by slice as the consumer asks for more output.
    const feed = async () => {
      for (let at = 0; at < entry.raw.length; at += SLICE) {
        if (inflater.destroyed) return;
        // Wait for the inflater to want more, or to be gone (the consumer stopped reading).
        if (!inflater.write(entry.raw.subarray(at, at + SLICE))) {
          await new Promise<void>((r) => {
            const done = () => {
              inflater.off("drain", done);
              inflater.off("close", done);
              r();
            };
            inflater.on("drain", done);
            inflater.on("close", done);
          });
        }
      }
      inflater.end();
    };
    const fed = feed().catch(() => undefined);
    try {
      for await (const chunk of inflater as AsyncIterable<Buffer>) {
        take(chunk);
        yield chunk;
      }
    } catch (e) {
      if (e instanceof ZipError) throw e;
      throw new ZipError("corrupt", `the part ${entry.name} cannot be decompressed`);
    } finally {
      inflater.destroy();
      await fed;
    }
  }
  if (total !== entry.size || crc !== entry.crc) throw new ZipError("corrupt", `the part ${entry.name} is damaged (checksum)`);
}

/** A copy of `entry` holding new content, deflated. */
export function replaceEntry(entry: ZipEntry, content: Buffer): ZipEntry {
  return { ...entry, method: 8, crc: crc32(content), size: content.length, raw: deflateRawSync(content), flags: entry.flags & 0x0800 };
}

/**
 * An archive opened to change a few parts as text: every part not replaced or added is
 * written back byte for byte (what the marked and the frozen copies of a workbook promise).
 * @example const parts = editParts(bytes); parts.put("xl/styles.xml", styles); parts.write();
 */
export interface PartEditor {
  /** The parts' names as the archive lists them. */
  readonly names: readonly string[];
  has(name: string): boolean;
  /** A part's text (UTF-8), `null` when the archive has no such part. */
  text(name: string): string | null;
  /** Replaces an existing part; `ZipError` when it is missing. */
  put(name: string, content: string): void;
  /** Adds a part, stored with the compression and dates of an existing one (`like`). */
  add(name: string, content: string, like: string): void;
  write(): Buffer;
}

/** Opens `input` for part-level edits (see `PartEditor`). */
export function editParts(input: Buffer): PartEditor {
  const entries = readZip(input);
  const byName = new Map(entries.map((e, i) => [e.name, i]));
  const out: ZipEntry[] = [...entries];
  const existing = (name: string): number => {
    const i = byName.get(name);
    if (i === undefined) throw new ZipError("corrupt", `the part ${name} is missing`);
    return i;
  };
  return {
    names: entries.map((e) => e.name),
    has: (name) => byName.has(name),
    text: (name) => {
      const i = byName.get(name);
      return i === undefined ? null : entryData(entries[i]).toString("utf8");
    },
    put: (name, content) => {
      const i = existing(name);
      out[i] = replaceEntry(entries[i], Buffer.from(content, "utf8"));
    },
    add: (name, content, like) => {
      const template = entries[existing(like)];
      out.push(replaceEntry({ ...template, name, nameBytes: Buffer.from(name, "utf8") }, Buffer.from(content, "utf8")));
    },
    write: () => writeZip(out),
  };
}

/** Writes entries as a ZIP archive; the compressed bytes are copied as they are. */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    // Bit 3 (sizes in a trailing data descriptor) is dropped: the sizes go in the header.
    const flags = e.flags & 0x0800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(SIG_LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt16LE(e.time, 10);
    local.writeUInt16LE(e.date, 12);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.raw.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(e.nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    chunks.push(local, e.nameBytes, e.raw);

    const c = Buffer.alloc(46);
    c.writeUInt32LE(SIG_CENTRAL, 0);
    c.writeUInt16LE(e.versionMadeBy, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(flags, 8);
    c.writeUInt16LE(e.method, 10);
    c.writeUInt16LE(e.time, 12);
    c.writeUInt16LE(e.date, 14);
    c.writeUInt32LE(e.crc >>> 0, 16);
    c.writeUInt32LE(e.raw.length, 20);
    c.writeUInt32LE(e.size, 24);
    c.writeUInt16LE(e.nameBytes.length, 28);
    c.writeUInt16LE(e.internalAttrs, 36);
    c.writeUInt32LE(e.externalAttrs >>> 0, 38);
    c.writeUInt32LE(offset, 42);
    central.push(c, e.nameBytes);
    offset += 30 + e.nameBytes.length + e.raw.length;
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  if (offset + cdSize > 0xffffffff || entries.length > 0xfffe) throw new ZipError("unsupported", "the archive is too large");
  const end = Buffer.alloc(END_MIN);
  end.writeUInt32LE(SIG_END, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}

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
