import { deflateRawSync } from "zlib";
import { crc32 } from "./crc32";
import { END_MIN, SIG_CENTRAL, SIG_END, SIG_LOCAL, ZipError, type ZipEntry } from "./zip";

/**
 * Writing a ZIP archive from entries, the compressed bytes of unchanged parts copied as they
 * are: what lets a marked or frozen copy of a workbook keep every other part byte for byte.
 */

/** A copy of `entry` holding new content, deflated. */
export function replaceEntry(entry: ZipEntry, content: Buffer): ZipEntry {
  return { ...entry, method: 8, crc: crc32(content), size: content.length, raw: deflateRawSync(content), flags: entry.flags & 0x0800 };
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
    writeEntryFields(local, 6, e, flags);
    local.writeUInt16LE(0, 28);
    chunks.push(local, e.nameBytes, e.raw);

    const c = Buffer.alloc(46);
    c.writeUInt32LE(SIG_CENTRAL, 0);
    c.writeUInt16LE(e.versionMadeBy, 4);
    c.writeUInt16LE(20, 6);
    writeEntryFields(c, 8, e, flags);
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

/**
 * The fields the local header and the central directory header share, in the same order
 * (flags, method, time, date, CRC, compressed size, size, name length), written from `at`.
 */
function writeEntryFields(header: Buffer, at: number, e: ZipEntry, flags: number): void {
  header.writeUInt16LE(flags, at);
  header.writeUInt16LE(e.method, at + 2);
  header.writeUInt16LE(e.time, at + 4);
  header.writeUInt16LE(e.date, at + 6);
  header.writeUInt32LE(e.crc >>> 0, at + 8);
  header.writeUInt32LE(e.raw.length, at + 12);
  header.writeUInt32LE(e.size, at + 16);
  header.writeUInt16LE(e.nameBytes.length, at + 20);
}
