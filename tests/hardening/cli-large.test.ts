/**
 * The CLI on very large workbooks, in a real `node` process (its own memory, its real exit
 * code and stderr), running the current sources through a transpile-on-require hook.
 *
 * Decision: a 50 MB workbook is a normal input and is processed. What must be refused,
 * cleanly, is a sheet too large to read at all: a small file whose sheets inflate past the
 * documented limit (LIMITS.xmlBytes, 256 MB of XML; a "ZIP bomb") is refused from its ZIP
 * directory before a byte is inflated, and one whose directory lies is stopped while
 * inflating (tests/cli/xlsx-read-stream.test.ts).
 */
import { spawnSync } from "child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "fs";
import { join } from "path";
import { sha256, useTempDir } from "../support/cli";
import { bombXlsx, writeLargeXlsx } from "../support/xlsx-files";

const ROOT = join(__dirname, "../..");
const REGISTER = join(__dirname, "../support/ts-register.js");
const KPI = join(ROOT, "src/cli/kpi.ts");

interface Run {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

/** `kpi ...` in a child process; `heapMb` caps the V8 heap to make memory exhaustion quick. */
function kpiProcess(args: string[], cwd: string, heapMb?: number, timeoutMs = 170_000): Run {
  const node = [...(heapMb ? [`--max-old-space-size=${heapMb}`] : []), "-r", REGISTER, KPI];
  const r = spawnSync(process.execPath, [...node, ...args], {
    cwd,
    encoding: "utf8",
    timeout: timeoutMs,
    maxBuffer: 256 * 1024 * 1024,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LANG: "it_IT.UTF-8" },
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}

const LARGE_ROWS = 40_000;

describe("a 50 MB workbook", () => {
  let dir: string;
  useTempDir("kpi-large-", (d) => (dir = d));
  let input: string;
  beforeAll(async () => {
    input = join(dir, "grande.xlsx");
    // 40,000 KPI rows with a 1,600-character note each that does not compress: ~50 MB on disk,
    // ~78 MB of sheet XML.
    await writeLargeXlsx(input, LARGE_ROWS, 1600);
  }, 120_000);

  test("is at least 50 MB (the fixture is what it claims)", () => {
    expect(statSync(input).size).toBeGreaterThanOrEqual(48 * 1024 * 1024);
  });

  test("kpi check processes it: every row read, a highlighted copy written, the input unchanged", () => {
    const before = sha256(input);
    const r = kpiProcess(["check", "grande.xlsx", "--json", "-o", "evidenziato.xlsx"], dir);
    expect({ code: r.code, signal: r.signal, stderr: r.stderr }).toEqual({ code: 0, signal: null, stderr: "" });
    const report = JSON.parse(r.stdout) as { kpis: { status: string }[]; groups: { ok: boolean }[] };
    expect(report.kpis).toHaveLength(LARGE_ROWS);
    expect(report.groups).toHaveLength(LARGE_ROWS / 4);
    expect(report.groups.every((g) => g.ok)).toBe(true);
    // Values alternate 12 (met, >= 10) and 5 (unmet) as written by the fixture.
    expect(report.kpis.filter((k) => k.status === "met")).toHaveLength(Math.ceil(LARGE_ROWS / 3));
    expect(sha256(input)).toBe(before);
    expect(existsSync(join(dir, "evidenziato.xlsx"))).toBe(true);
    expect(readFileSync(join(dir, "evidenziato.xlsx")).subarray(0, 2).toString("latin1")).toBe("PK");
  });
});

describe("a sheet too large to load (400 MB of XML in a 1.5 MB file)", () => {
  let dir: string;
  useTempDir("kpi-bomb-", (d) => (dir = d));
  beforeAll(() => {
    writeFileSync(join(dir, "bomba.xlsx"), bombXlsx(400 * 1024 * 1024));
  });

  test("the fixture is small on disk and large inside", () => {
    const size = statSync(join(dir, "bomba.xlsx")).size;
    expect(size).toBeLessThan(4 * 1024 * 1024);
    // The central directory's uncompressed size of the sheet part, read by hand.
    const buf = readFileSync(join(dir, "bomba.xlsx"));
    const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    let p = buf.readUInt32LE(end + 16);
    let largest = 0;
    for (let i = 0; i < buf.readUInt16LE(end + 10); i++) {
      largest = Math.max(largest, buf.readUInt32LE(p + 24));
      p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    }
    expect(largest).toBeGreaterThanOrEqual(400 * 1024 * 1024 - 1024 * 1024);
  });

  // Before the streaming reader the CLI handed the sheet to ExcelJS whatever its size and Node
  // ran out of heap (exit 134, a V8 stack on stderr). The heap is capped here so that a
  // regression fails quickly instead of thrashing.
  test("is refused up front: exit 2, one line, no stack trace, the input unchanged", () => {
    const before = sha256(join(dir, "bomba.xlsx"));
    const r = kpiProcess(["check", "bomba.xlsx"], dir, 256, 120_000);
    const lines = r.stderr.split("\n").filter((l) => l !== "");
    expect(sha256(join(dir, "bomba.xlsx"))).toBe(before);
    expect({ code: r.code, lines: lines.length, stdout: r.stdout }).toEqual({ code: 2, lines: 1, stdout: "" });
    expect(lines[0]).toMatch(/^kpi: /);
    expect(r.stderr).not.toMatch(/FATAL|\bat .+:\d+:\d+/);
  });
});
