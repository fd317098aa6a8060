import { deflateRawSync } from "zlib";
import { crc32 } from "../../src/cli/crc32";
import { entryData, readZip, ZipError } from "../../src/cli/zip";
import { replaceEntry, writeZip } from "../../src/cli/zip-write";
import { handMadeXlsx } from "../fixtures/workbooks/build";

describe("crc32", () => {
  it("matches the standard check value", () => {
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
    expect(crc32(Buffer.alloc(0))).toBe(0);
  });
});

describe("readZip / writeZip", () => {
  it("reads an .xlsx written by ExcelJS (data descriptors) and writes it back part for part", async () => {
    const xlsx = await handMadeXlsx();
    const entries = readZip(xlsx);
    expect(entries.map((e) => e.name)).toEqual(expect.arrayContaining(["[Content_Types].xml", "xl/workbook.xml", "xl/styles.xml"]));
    const copy = writeZip(entries);
    const again = readZip(copy);
    expect(again.map((e) => [e.name, entryData(e).toString("base64")])).toEqual(entries.map((e) => [e.name, entryData(e).toString("base64")]));
    // Unchanged parts keep their compressed bytes.
    again.forEach((e, i) => expect(e.raw.equals(entries[i].raw)).toBe(true));
  });

  it("replaces one entry's content", async () => {
    const entries = readZip(await handMadeXlsx());
    const i = entries.findIndex((e) => e.name === "xl/workbook.xml");
    const changed = [...entries];
    changed[i] = replaceEntry(entries[i], Buffer.from("<workbook/>"));
    const out = readZip(writeZip(changed));
    expect(entryData(out[i]).toString()).toBe("<workbook/>");
    expect(entryData(out[0]).equals(entryData(entries[0]))).toBe(true);
  });

  it("rejects what is not a usable archive", async () => {
    const xlsx = await handMadeXlsx();
    const reason = (b: Buffer) => {
      try {
        readZip(b);
        return "ok";
      } catch (e) {
        return e instanceof ZipError ? e.reason : "other";
      }
    };
    expect(reason(Buffer.from("plain text"))).toBe("not_zip");
    expect(reason(xlsx.subarray(0, 100))).toBe("truncated");
    expect(reason(xlsx.subarray(0, xlsx.length - 10))).toBe("truncated");
  });

  it("detects a damaged entry by its checksum", () => {
    const data = Buffer.from("hello hello hello");
    const entry = {
      name: "a.txt", nameBytes: Buffer.from("a.txt"), method: 8, crc: crc32(data) ^ 1, size: data.length,
      raw: deflateRawSync(data), time: 0, date: 0, flags: 0, versionMadeBy: 20, internalAttrs: 0, externalAttrs: 0,
    };
    expect(() => entryData(entry)).toThrow(/damaged/);
    expect(entryData({ ...entry, crc: crc32(data) }).toString()).toBe("hello hello hello");
  });
});
