/**
 * Workbook files a user might hand the CLI, good and bad, built here byte by byte or with
 * ExcelJS (never with the CLI's own zip code, so that a bug there cannot hide in a fixture).
 */
import { randomBytes } from "crypto";
import ExcelJS from "exceljs";
import { crc32, deflateRawSync, inflateRawSync, constants as zlibConstants } from "zlib";

export interface ZipPart {
  readonly name: string;
  /** Uncompressed content. */
  readonly data: Buffer;
}

export interface RawPart {
  readonly name: string;
  /** 0 stored, 8 deflated; any other number makes a part no reader can expand. */
  readonly method: number;
  readonly crc: number;
  readonly size: number;
  readonly raw: Buffer;
}

/**
 * The fields a local header and its central directory entry share, in the same order from
 * "version needed" on: at byte 4 of a local header, at byte 6 of a central entry (which has a
 * "version made by" before them). Date and time stay zero.
 */
function writeEntryFields(header: Buffer, at: number, p: RawPart, nameLength: number): void {
  header.writeUInt16LE(20, at); // version needed to extract: 2.0 (deflate)
  header.writeUInt16LE(0x0800, at + 2); // flags: names are UTF-8
  header.writeUInt16LE(p.method, at + 4);
  header.writeUInt32LE(p.crc >>> 0, at + 10);
  header.writeUInt32LE(p.raw.length, at + 14);
  header.writeUInt32LE(p.size >>> 0, at + 18);
  header.writeUInt16LE(nameLength, at + 22);
}

/** A ZIP archive (no ZIP64) of already-compressed parts. */
export function zipRaw(parts: readonly RawPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeEntryFields(local, 4, p, name.length);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    writeEntryFields(central, 6, p, name.length);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.raw);
    centrals.push(central, name);
    offset += local.length + name.length + p.raw.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * A ZIP archive of parts, stored without compression.
 *
 * @example
 *   zipStored([{ name: "hello.txt", data: Buffer.from("hello") }]); // a ZIP that is no workbook
 */
export function zipStored(parts: readonly ZipPart[]): Buffer {
  return zipRaw(parts.map((p) => ({ name: p.name, method: 0, crc: crc32(p.data), size: p.data.length, raw: p.data })));
}

/** A ZIP archive of parts, deflated. */
export function zip(parts: readonly ZipPart[]): Buffer {
  return zipRaw(parts.map((p) => ({ name: p.name, method: 8, crc: crc32(p.data), size: p.data.length, raw: deflateRawSync(p.data) })));
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** The package parts of a minimal workbook around the given sheet XML parts (sheet1.xml ...). */
function packageParts(sheetCount: number): ZipPart[] {
  const b = (s: string) => Buffer.from(s, "utf8");
  const overrides = Array.from(
    { length: sheetCount },
    (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join("");
  const sheets = Array.from({ length: sheetCount }, (_, i) => `<sheet name="Foglio${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("");
  const rels = Array.from(
    { length: sheetCount },
    (_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join("");
  return [
    {
      name: "[Content_Types].xml",
      data: b(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}</Types>`,
      ),
    },
    {
      name: "_rels/.rels",
      data: b(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    { name: "xl/workbook.xml", data: b(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook ${NS}><sheets>${sheets}</sheets></workbook>`) },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: b(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`),
    },
  ];
}

const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${NS}><sheetData>`;
const SHEET_TAIL = "</sheetData></worksheet>";

/** A workbook package whose workbook lists no sheet at all (Excel itself never writes one). */
export function noSheetsXlsx(): Buffer {
  return zip(packageParts(0));
}

/** A valid workbook with one sheet and not a single cell. */
export function emptySheetXlsx(): Buffer {
  return zip([...packageParts(1), { name: "xl/worksheets/sheet1.xml", data: Buffer.from(SHEET_HEAD + SHEET_TAIL) }]);
}

/** A workbook whose sheet XML is broken (a ZIP that is fine, a part that is not). */
export function brokenSheetXmlXlsx(): Buffer {
  return zip([...packageParts(1), { name: "xl/worksheets/sheet1.xml", data: Buffer.from(`${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>Indicatore</t></is>`) }]);
}

/** A workbook whose workbook.xml points at a sheet part that is not in the archive. */
export function missingSheetPartXlsx(): Buffer {
  return zip(packageParts(1));
}

/**
 * A small file whose one sheet inflates to `bytes` of XML (a "ZIP bomb"). The deflate stream
 * is one fully flushed block of rows repeated: each copy decodes on its own, so the archive
 * costs a few MB to build whatever the size it claims.
 */
export function bombXlsx(bytes: number): Buffer {
  const row = '<row><c t="inlineStr"><is><t>Indicatore</t></is></c><c><v>25</v></c><c t="inlineStr"><is><t>&gt;= 10</t></is></c></row>';
  const chunk = Buffer.from(row.repeat(Math.ceil((1024 * 1024) / row.length)));
  const copies = Math.max(1, Math.floor((bytes - SHEET_HEAD.length - SHEET_TAIL.length) / chunk.length));
  const flush = (data: Buffer) => deflateRawSync(data, { finishFlush: zlibConstants.Z_FULL_FLUSH });
  const head = Buffer.from(SHEET_HEAD);
  const tail = Buffer.from(SHEET_TAIL);
  const block = flush(chunk);
  const raw = Buffer.concat([flush(head), ...Array.from({ length: copies }, () => block), deflateRawSync(tail)]);
  let crc = crc32(head);
  for (let i = 0; i < copies; i++) crc = crc32(chunk, crc);
  crc = crc32(tail, crc);
  const size = head.length + copies * chunk.length + tail.length;
  if (size > 0xffffffff) throw new Error("bombXlsx: more than 4 GB needs ZIP64");
  const parts = packageParts(1).map((p) => ({ name: p.name, method: 8 as const, crc: crc32(p.data), size: p.data.length, raw: deflateRawSync(p.data) }));
  return zipRaw([...parts, { name: "xl/worksheets/sheet1.xml", method: 8, crc, size, raw }]);
}

/**
 * An encrypted (password-protected) .xlsx as Office writes it: an OLE compound file with the
 * D0 CF 11 E0 A1 B1 1A E1 signature, a version-3 header with 512-byte sectors, and a directory
 * naming the `EncryptionInfo` and `EncryptedPackage` streams. The streams hold random bytes:
 * nothing can read them without the password, which is the point.
 */
export function encryptedXlsx(): Buffer {
  const sector = 512;
  const header = Buffer.alloc(sector, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // little endian
  header.writeUInt16LE(9, 30); // sector shift: 512
  header.writeUInt16LE(6, 32); // mini sector shift: 64
  header.writeUInt32LE(1, 44); // one FAT sector
  header.writeUInt32LE(1, 48); // directory starts at sector 1
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(0xfffffffe, 60); // no mini FAT
  header.writeUInt32LE(0xfffffffe, 68); // no DIFAT sectors
  header.writeUInt32LE(0, 76); // FAT in sector 0
  for (let i = 1; i < 109; i++) header.writeUInt32LE(0xffffffff, 76 + i * 4);
  const fat = Buffer.alloc(sector, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0: FAT
  fat.writeUInt32LE(0xfffffffe, 4); // sector 1: directory, end of chain
  fat.writeUInt32LE(3, 8); // sectors 2-3: EncryptedPackage
  fat.writeUInt32LE(0xfffffffe, 12);
  const dir = Buffer.alloc(sector, 0);
  const entry = (i: number, name: string, type: number, start: number, size: number) => {
    const o = i * 128;
    const n = Buffer.from(`${name}\u0000`, "utf16le");
    n.copy(dir, o);
    dir.writeUInt16LE(n.length, o + 64);
    dir.writeUInt8(type, o + 66);
    dir.writeUInt8(1, o + 67); // black
    dir.writeUInt32LE(0xffffffff, o + 68);
    dir.writeUInt32LE(0xffffffff, o + 72);
    dir.writeUInt32LE(0xffffffff, o + 76);
    dir.writeUInt32LE(start, o + 116);
    dir.writeUInt32LE(size, o + 120);
  };
  entry(0, "Root Entry", 5, 0xfffffffe, 0);
  dir.writeUInt32LE(1, 76); // root's child
  entry(1, "EncryptionInfo", 2, 0xfffffffe, 0);
  dir.writeUInt32LE(2, 128 + 72); // right sibling
  entry(2, "EncryptedPackage", 2, 2, 2 * sector);
  return Buffer.concat([header, fat, dir, randomBytes(2 * sector)]);
}

/**
 * A large but valid workbook, streamed to `file` with ExcelJS: one KPI table of `rows` rows
 * (4 KPIs per code, weights 25) and a note column of `noteChars` random characters per row,
 * which does not compress, so that the file is about as large as its sheet.
 */
export async function writeLargeXlsx(file: string, rows: number, noteChars: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet("Area A");
  ws.addRow(["Codice", "Indicatore", "Algoritmo", "Peso", "Stato", "Target 2022", "Valore 2022", "Note"]).commit();
  for (let i = 0; i < rows; i++) {
    const note = randomBytes(Math.ceil((noteChars * 3) / 4)).toString("base64").slice(0, noteChars);
    ws.addRow([`A.${Math.floor(i / 4) + 1}`, `Indicatore ${i + 1}`, "Numero eventi", 25, 3, ">= 10", i % 3 === 0 ? 12 : 5, note]).commit();
  }
  ws.commit();
  await wb.commit();
}

/** The parts of a ZIP archive by name, inflated (read here by hand, not with the CLI's zip code). */
export function unzip(buf: Buffer): Map<string, Buffer> {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error("unzip: no end of central directory");
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error("unzip: bad central directory entry");
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLength);
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataStart, dataStart + compressed);
    out.set(name, method === 0 ? Buffer.from(raw) : inflateRawSync(raw));
    p += 46 + nameLength + extra + comment;
  }
  return out;
}
