/**
 * The `kpi` command on large workbooks against its peers, on the same generated files:
 * - `check --json` as it runs now (streaming reader, streamed JSON) against the pipeline it
 *   replaced (ExcelJS' full workbook model, then the whole JSON text at once): the baseline;
 * - the readers alone, into the engine's grids: ExcelJS' full read (baseline), the streaming
 *   reader, and SheetJS (the `xlsx` package of the npm registry, 0.18.5) when it is installed.
 *
 * Each measurement runs in a fresh `node` process, so that its peak memory (maxRSS) is its own
 * and a collector left busy by one run cannot slow the next; subject and baseline alternate.
 * The children run JavaScript transpiled once beforehand (not the TypeScript compiler on
 * require, whose own memory would be counted), and time from the moment their modules are
 * loaded. The workbook is written once per size with ExcelJS'
 * streaming writer (shared strings, as Excel writes them) from the grids of grids.ts.
 */
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import { mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from "fs";
import { tmpdir } from "os";
import { dirname, join, relative } from "path";
import { performance } from "perf_hooks";
import type { SheetGrid } from "../../src/core";
import { kpiGrids, ROOT } from "./grids";
import { median } from "./timing";

export const CLI_ROWS = [10_000, 100_000, 300_000] as const;

export type CliMode = "check-exceljs" | "check-stream" | "read-exceljs" | "read-stream" | "read-sheetjs";

export interface ChildResult {
  readonly mode: CliMode;
  /** Milliseconds from before loading the reader to the last byte of output. */
  readonly ms: number;
  /** Peak resident memory of the process, bytes. */
  readonly peak: number;
  /** Cells read (readers) or bytes of JSON written (check). */
  readonly count: number;
  /** sha256 of the JSON written (check modes): the two pipelines must print the same. */
  readonly digest: string;
}

export interface CliResult {
  readonly rows: number;
  readonly fileBytes: number;
  readonly runs: Readonly<Partial<Record<CliMode, ChildResult>>>;
  /** False when SheetJS is not installed. */
  readonly sheetjs: boolean;
}

/** Whether the `xlsx` package (SheetJS) can be loaded. */
export function hasSheetJs(): boolean {
  try {
    require.resolve("xlsx");
    return true;
  } catch {
    return false;
  }
}

/** Writes grids as an .xlsx with ExcelJS' streaming writer (memory does not follow the size). */
async function writeWorkbook(file: string, grids: readonly SheetGrid[]): Promise<void> {
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  for (const g of grids) {
    const ws = wb.addWorksheet(g.name);
    for (const row of g.values) ws.addRow(row.map((v) => (v === null ? undefined : v)) as unknown[]).commit();
    ws.commit();
  }
  await wb.commit();
}

/** src/ and scripts/bench/ as CommonJS in `out`, transpiled with the project's TypeScript. */
function transpileAll(out: string): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require("typescript") as typeof import("typescript");
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
  for (const file of [...walk(join(ROOT, "src")), ...walk(join(ROOT, "scripts/bench"))]) {
    const js = ts.transpileModule(readFileSync(file, "utf8"), {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true, resolveJsonModule: true },
    }).outputText;
    const target = join(out, relative(ROOT, file)).replace(/\.ts$/, ".js");
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, js);
  }
}

function runChild(js: string, mode: CliMode, file: string): ChildResult {
  const child = `require(${JSON.stringify(join(js, "scripts/bench/cli.js"))}).cliChild(${JSON.stringify(mode)}, ${JSON.stringify(file)})`;
  const r = spawnSync(process.execPath, ["--expose-gc", "--max-old-space-size=8192", "-e", child], {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
    // The transpiled files live outside the repository: they find its packages through NODE_PATH.
    env: { ...process.env, NODE_PATH: join(ROOT, "node_modules") },
  });
  if (r.status !== 0) throw new Error(`bench child ${mode} failed (${r.status ?? r.signal}): ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout.trim().split("\n").pop() as string) as ChildResult;
}

/**
 * Generates the workbook of `rows` KPI rows and measures every mode on it, alternating, the
 * median of `samples` runs each (peak memory: the median too).
 */
export async function benchCli(rows: number, samples: number, log: (s: string) => void): Promise<CliResult> {
  const dir = mkdtempSync(join(tmpdir(), "kpi-bench-"));
  try {
    const file = join(dir, `kpi-${rows}.xlsx`);
    await writeWorkbook(file, kpiGrids(rows));
    const js = join(dir, "js");
    transpileAll(js);
    const sheetjs = hasSheetJs();
    const modes: CliMode[] = ["check-exceljs", "check-stream", "read-exceljs", "read-stream", ...(sheetjs ? (["read-sheetjs"] as const) : [])];
    const all: Record<string, ChildResult[]> = {};
    for (let s = 0; s < samples; s++) {
      for (const mode of modes) {
        log(`cli ${rows} rows: ${mode} (${s + 1}/${samples})`);
        (all[mode] ??= []).push(runChild(js, mode, file));
      }
    }
    const runs: Partial<Record<CliMode, ChildResult>> = {};
    for (const mode of modes) {
      const list = all[mode];
      runs[mode] = { ...list[0], ms: median(list.map((x) => x.ms)), peak: median(list.map((x) => x.peak)) };
    }
    return { rows, fileBytes: statSync(file).size, runs, sheetjs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------ the child process

/** Runs one mode on one file and prints its ChildResult as the last line of stdout. */
export async function cliChild(mode: CliMode, file: string): Promise<void> {
  // Modules first (ExcelJS too, for the modes that use it): the clock starts once they are in.
  const { readXlsxExcelJs } = await import("../../src/cli/xlsx-read-exceljs");
  const { readXlsxGrids } = await import("../../src/cli/xlsx-read");
  const { analyseWorkbook, rollupJson, unitsJson, workbookUnitScores } = await import("../../src/core");
  const { changedAfterFreezeJson, checkJson } = await import("../../src/cli/output/check-json");
  const { runCli } = await import("../../src/cli/main");
  if (mode.endsWith("exceljs")) await import("exceljs");
  const XLSX =
    mode === "read-sheetjs"
      ? (require("xlsx") as {
          read: (data: Buffer, opts: object) => { SheetNames: string[]; Sheets: Record<string, unknown> };
          utils: { sheet_to_json: (ws: unknown, opts: object) => unknown[][] };
        })
      : null;
  let count = 0;
  const hash = createHash("sha256");
  // Output goes to /dev/null, as `kpi check --json > /dev/null` would.
  const nul = openSync("/dev/null", "w");
  const write = (s: string) => {
    count += Buffer.byteLength(s);
    hash.update(s);
    writeSync(nul, s);
  };
  const t0 = performance.now();
  if (mode === "check-exceljs") {
    // The pipeline before the streaming reader: ExcelJS' model, then the whole text at once.
    const sheets = await readXlsxExcelJs(readFileSync(file));
    // The same document as `kpi check --json` prints: the report, the roll-up, the unit
    // scorecards and the changes after a freeze.
    const analysis = analyseWorkbook(sheets, { year: null });
    const doc = {
      ...(checkJson(analysis.report, "it") as object),
      rollup: rollupJson(analysis.rollup.nodes, { decimals: 2 }),
      units: unitsJson(workbookUnitScores(analysis), 2),
      changedAfterFreeze: changedAfterFreezeJson(analysis.history),
    };
    write(JSON.stringify(doc, null, 2) + "\n");
  } else if (mode === "check-stream") {
    // The command itself.
    const code = await runCli(["check", file, "--json"], { stdout: write, stderr: (s) => process.stderr.write(s), env: {}, cwd: process.cwd() });
    if (code === 2) throw new Error("kpi check refused the file");
  } else if (mode === "read-exceljs") {
    count = cells(await readXlsxExcelJs(readFileSync(file)));
  } else if (mode === "read-stream") {
    count = cells((await readXlsxGrids(readFileSync(file))).sheets);
  } else if (XLSX) {
    // SheetJS into the same grids: values only (dense mode, cached results, raw numbers).
    const wb = XLSX.read(readFileSync(file), { type: "buffer", dense: true, cellFormula: false, cellHTML: false, cellText: false });
    for (const name of wb.SheetNames) {
      const rows = XLSX.utils.sheet_to_json(wb.Sheets[name], { header: 1, raw: true, defval: null, blankrows: true });
      for (const r of rows) count += r.length;
    }
  }
  const ms = performance.now() - t0;
  const peak = process.resourceUsage().maxRSS * 1024;
  const result: ChildResult = { mode, ms, peak, count, digest: hash.digest("hex") };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function cells(grids: readonly SheetGrid[]): number {
  let n = 0;
  for (const g of grids) for (const row of g.values) n += row.length;
  return n;
}
