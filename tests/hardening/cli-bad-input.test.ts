/**
 * The CLI on files it cannot use, beyond tests/cli/errors.test.ts (which covers a missing
 * file, text renamed .xlsx, 0 bytes, two truncations, a bare OLE signature and a ZIP that is
 * not a workbook): a workbook package with no sheet, one with only an empty sheet, a
 * password-protected file with a real compound-file structure, broken XML inside a sound ZIP,
 * other file types renamed .xlsx, a file cut at every kind of place, bytes flipped anywhere,
 * and `kpi import` on files that are not plan text. For every command that reads a workbook
 * (check, report): exit 2, nothing on stdout, one line on stderr, no stack trace, the input's
 * bytes unchanged, and no output file or temporary file left behind.
 */
import fc from "fast-check";
import { readdirSync, writeFileSync } from "fs";
import { join } from "path";
import { deflateRawSync } from "zlib";
import { COMMANDS } from "../../src/cli/commands";
import { handMadeXlsx } from "../fixtures/workbooks/build";
import { expectRefusedOneLine, kpi, sha256, useTempDir, type RunResult } from "../support/cli";
import { brokenSheetXmlXlsx, emptySheetXlsx, encryptedXlsx, missingSheetPartXlsx, noSheetsXlsx, zipRaw } from "../support/xlsx-files";

/** Commands that read a workbook, with the option that writes an output file (if any). */
const WORKBOOK_COMMANDS = (["check", "report"] as const).filter((c) => c in COMMANDS);

let good: Buffer;
beforeAll(async () => {
  good = await handMadeXlsx();
});

let dir: string;
useTempDir("kpi-hardening-", (d) => (dir = d), "each");

/** Exit 2, nothing on stdout, one line on stderr, no stack trace, not the "internal error" path. */
function expectRefused(r: RunResult, message?: RegExp): void {
  expect(expectRefusedOneLine(r, message)).toMatch(/^kpi: \S/);
}

/** Runs `kpi <command> input.xlsx -o out.*` on `bytes`: refused, input unchanged, nothing written. */
async function expectUnusable(bytes: Buffer, message?: RegExp): Promise<void> {
  const input = join(dir, "input.xlsx");
  writeFileSync(input, bytes);
  const before = sha256(input);
  for (const command of WORKBOOK_COMMANDS) {
    const out = command === "check" ? "out.xlsx" : "out.html";
    expectRefused(await kpi([command, "input.xlsx", "-o", out], { cwd: dir }), message);
    expect(sha256(input)).toBe(before);
    expect(readdirSync(dir)).toEqual(["input.xlsx"]);
  }
}

describe("workbook commands on files they cannot use", () => {
  test("there are workbook commands to check", () => {
    expect(WORKBOOK_COMMANDS).toContain("check");
  });

  test("a workbook package whose workbook lists no sheet", async () => {
    await expectUnusable(noSheetsXlsx(), /non contiene fogli|nessun foglio|Nessuna tabella/i);
  });

  test("a valid workbook with one empty sheet (nothing to check)", async () => {
    await expectUnusable(emptySheetXlsx(), /Nessuna tabella KPI|non contiene fogli/);
  });

  test("a password-protected workbook (an OLE compound file with EncryptionInfo/EncryptedPackage)", async () => {
    await expectUnusable(encryptedXlsx(), /protetto da password/);
  });

  test("a sound ZIP whose sheet XML is broken", async () => {
    await expectUnusable(brokenSheetXmlXlsx());
  });

  test("a workbook that names a sheet part missing from the archive", async () => {
    await expectUnusable(missingSheetPartXlsx());
  });

  test.each([
    ["a PNG image", Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)])],
    ["a PDF", Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")],
    ["an HTML page saved as .xlsx", Buffer.from("<!doctype html><html><body><table><tr><td>Indicatore</td><td>Peso</td><td>Target</td></tr></table></body></html>")],
    ["a CSV", Buffer.from("Indicatore;Peso;Target;Valore\nVisite;100;>= 10;12\n")],
    ["UTF-16 text with a BOM", Buffer.from("\ufeffIndicatore\tPeso\tTarget\n", "utf16le")],
    ["random bytes", Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256))],
    ["a ZIP signature and nothing else", Buffer.from([0x50, 0x4b, 0x03, 0x04])],
    ["an empty ZIP archive (end record only)", Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)])],
    ["a ZIP whose only part is stored with an unknown method", zipWithMethod(99)],
  ])("%s", async (_name, bytes) => {
    await expectUnusable(bytes);
  });

  test("a workbook cut anywhere: in a local header, in compressed data, in the central directory, in the end record", async () => {
    const cuts = [1, 3, 10, 29, 30, 31, 100, 1000, Math.floor(good.length / 3), Math.floor(good.length / 2), good.length - 200, good.length - 60, good.length - 22, good.length - 21, good.length - 1];
    for (const cut of cuts) await expectUnusable(good.subarray(0, cut));
  });

  test("bytes flipped anywhere: never a crash, a stack trace or a changed input; refused or read", async () => {
    const input = join(dir, "input.xlsx");
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat({ max: good.length - 1 }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }), async (flips) => {
        const bytes = Buffer.from(good);
        for (const [at, xor] of flips) bytes[at] ^= xor;
        writeFileSync(input, bytes);
        const before = sha256(input);
        const r = await kpi(["check", "input.xlsx", "--json"], { cwd: dir });
        expect([0, 1, 2]).toContain(r.code);
        expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+|Errore interno|Internal error/);
        if (r.code === 2) expectRefused(r);
        else expect(() => JSON.parse(r.stdout)).not.toThrow();
        expect(sha256(input)).toBe(before);
      }),
      { numRuns: 40 },
    );
  });
});

describe("kpi import on files that are not plan text", () => {
  async function expectImportRefused(bytes: Buffer, message?: RegExp): Promise<void> {
    const input = join(dir, "piano.txt");
    writeFileSync(input, bytes);
    const before = sha256(input);
    expectRefused(await kpi(["import", "piano.txt", "-o", "piano.xlsx"], { cwd: dir }), message);
    expectRefused(await kpi(["import", "piano.txt", "--json"], { cwd: dir }), message);
    expect(sha256(input)).toBe(before);
    expect(readdirSync(dir)).toEqual(["piano.txt"]);
  }

  test.each([
    ["an empty file", Buffer.alloc(0), /vuoto/],
    ["only blanks and newlines", Buffer.from(" \n\t\r\n  \n"), /vuoto/],
    ["a PDF", Buffer.from("%PDF-1.4\n%âãÏÓ\n1 0 obj\n"), /PDF/],
    ["an .xlsx workbook", null, /ZIP|xlsx/],
    ["an encrypted Office file", encryptedXlsx(), /doc\/xls|non è un file di testo/],
    ["a binary with NUL bytes", Buffer.from([0x41, 0x00, 0x42, 0x00, 0x43, 0x00]), /non è un file di testo/],
  ])("%s", async (_name, bytes, message) => {
    await expectImportRefused(bytes ?? good, message);
  });

  test("a plan saved in Windows-1252 (not UTF-8) is read, not refused", async () => {
    writeFileSync(join(dir, "piano.txt"), Buffer.from("## Area strategica A - Competitività e sviluppo\n", "latin1"));
    const r = await kpi(["import", "piano.txt", "--json"], { cwd: dir });
    expect([0, 1]).toContain(r.code);
    expect(JSON.parse(r.stdout).nodes[0]?.title ?? "").toMatch(/Competitività/);
  });
});

/** A one-part ZIP whose part claims a compression method nobody implements. */
function zipWithMethod(method: number): Buffer {
  return zipRaw([{ name: "xl/workbook.xml", method, crc: 0, size: 11, raw: deflateRawSync(Buffer.from("<workbook/>")) }]);
}
