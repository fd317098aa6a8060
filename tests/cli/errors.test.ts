import { linkSync, mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { handMadeXlsx } from "../fixtures/workbooks/build";
import { kpi, sha256, useTempDir } from "../support/cli";
import { zipStored } from "../support/xlsx-files";

let dir: string;
useTempDir("kpi-cli-", (d) => (dir = d), "each");
let good: Buffer;
beforeAll(async () => {
  good = await handMadeXlsx();
});

/** Exit code 2, nothing on stdout, exactly one line on stderr matching `message`, no stack trace. */
function expectUnusable(r: { code: number; stdout: string; stderr: string }, message: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  const lines = r.stderr.split("\n").filter((l) => l !== "");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^kpi: /);
  expect(lines[0]).toMatch(message);
  expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+/);
}

describe("kpi check on files it cannot use", () => {
  const cases: [string, () => Buffer, RegExp][] = [
    ["a text file renamed .xlsx", () => Buffer.from("Indicatore;Peso;Target\nVisite;100;>= 10\n"), /non è un file \.xlsx/],
    ["an empty (0 bytes) .xlsx", () => Buffer.alloc(0), /è vuoto/],
    ["a truncated .xlsx", () => good.subarray(0, Math.floor(good.length / 2)), /troncato o danneggiato/],
    ["a truncated .xlsx cut in its directory", () => good.subarray(0, good.length - 30), /troncato o danneggiato/],
    [
      "an encrypted (OLE compound file) .xlsx",
      () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096, 0)]),
      /protetto da password/,
    ],
    ["a ZIP that is not a workbook", () => zipOf("hello.txt", "hello"), /non si può leggere come \.xlsx|non contiene fogli/],
  ];

  it.each(cases)("%s: exit 2, one line, the file unchanged", async (_name, bytes, message) => {
    const file = join(dir, "input.xlsx");
    writeFileSync(file, bytes());
    const before = sha256(file);
    expectUnusable(await kpi(["check", "input.xlsx"], { cwd: dir }), message);
    expectUnusable(await kpi(["check", "input.xlsx", "--json", "-o", "copy.xlsx"], { cwd: dir }), message);
    expect(sha256(file)).toBe(before);
  });

  it("a missing file", async () => {
    expectUnusable(await kpi(["check", "manca.xlsx"], { cwd: dir }), /^kpi: File non trovato: manca\.xlsx$/);
    expectUnusable(await kpi(["check", "manca.xlsx", "--lang", "en"], { cwd: dir }), /^kpi: File not found: manca\.xlsx$/);
  });

  it("a folder", async () => {
    mkdirSync(join(dir, "cartella.xlsx"));
    expectUnusable(await kpi(["check", "cartella.xlsx"], { cwd: dir }), /è una cartella/);
  });

  it("an output path that is a hard link to the input", async () => {
    writeFileSync(join(dir, "a.xlsx"), good);
    linkSync(join(dir, "a.xlsx"), join(dir, "b.xlsx"));
    const before = sha256(join(dir, "a.xlsx"));
    expectUnusable(await kpi(["check", "a.xlsx", "-o", "b.xlsx"], { cwd: dir }), /file di ingresso/);
    expect(sha256(join(dir, "a.xlsx"))).toBe(before);
  });

  it("an output folder that does not exist", async () => {
    writeFileSync(join(dir, "a.xlsx"), good);
    expectUnusable(await kpi(["check", "a.xlsx", "-o", "nope/b.xlsx"], { cwd: dir }), /Impossibile scrivere nope\/b\.xlsx/);
  });
});

describe("kpi arguments", () => {
  it.each([
    [["check"], /Manca il file/],
    [["check", "a.xlsx", "b.xlsx"], /Argomento in più «b\.xlsx»/],
    [["check", "a.xlsx", "--year", "duemila"], /Anno non valido «duemila»/],
    [["check", "a.xlsx", "--year"], /L'opzione --year richiede un valore/],
    [["check", "a.xlsx", "--colour"], /Opzione sconosciuta «--colour»/],
    [["check", "a.xlsx", "--json=yes"], /Opzione sconosciuta/],
    [["frobnicate"], /Comando sconosciuto «frobnicate»/],
    [["toString"], /Comando sconosciuto «toString»/],
    [["check", "a.xlsx", "--lang", "fr"], /Lingua non valida «fr»/],
    [["import"], /Manca il file/],
    [["demo", "extra"], /Argomento in più/],
  ])("%j -> exit 2", async (argv, message) => {
    expectUnusable(await kpi(argv as string[], { cwd: dir }), message);
  });

  it("prints help and version with exit 0", async () => {
    const top = await kpi(["--help"], { cwd: dir });
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/^Uso: kpi <comando>/);
    expect((await kpi([], { cwd: dir })).stdout).toBe(top.stdout);
    for (const cmd of ["import", "check", "demo"]) {
      const h = await kpi([cmd, "--help"], { cwd: dir });
      expect(h.code).toBe(0);
      expect(h.stdout).toMatch(new RegExp(`^Uso: kpi ${cmd}`));
      const en = await kpi([cmd, "-h", "--lang", "en"], { cwd: dir });
      expect(en.stdout).toMatch(new RegExp(`^Usage: kpi ${cmd}`));
    }
    const v = await kpi(["--version"], { cwd: dir });
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toBe(require("../../package.json").version);
  });
});

/** A one-entry stored ZIP archive (tests/support/xlsx-files.ts writes it by hand, no library). */
function zipOf(name: string, content: string): Buffer {
  return zipStored([{ name, data: Buffer.from(content) }]);
}
