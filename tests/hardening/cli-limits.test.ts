/**
 * The CLI against inputs and outputs that never end or cannot be written, in a real `node`
 * process (its own stdin/stdout, exit code and stderr): /dev/zero, a FIFO nobody writes to,
 * a plan text past the size limit, stdout on a full disk (/dev/full) and a closed pipe.
 * Each must end quickly with one line on stderr and exit 2, never a stack trace.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from "child_process";
import { closeSync, existsSync, openSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { useTempDir } from "../support/cli";
import { simpleXlsx } from "../fixtures/workbooks/build";

const ROOT = join(__dirname, "../..");
const REGISTER = join(__dirname, "../support/ts-register.js");
const KPI = join(ROOT, "src/cli/kpi.ts");
const SEED = join(ROOT, "seeds/000_30336ea7c660fe63.txt");
const ENV = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LANG: "it_IT.UTF-8" };

function run(args: string[], cwd: string, stdout: "pipe" | number = "pipe"): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ["--max-old-space-size=512", "-r", REGISTER, KPI, ...args], {
    cwd,
    encoding: "utf8",
    timeout: 60_000,
    stdio: ["ignore", stdout, "pipe"],
    env: ENV,
  });
}

function expectOneLine(r: SpawnSyncReturns<string>, message: RegExp): void {
  const lines = (r.stderr ?? "").split("\n").filter((l) => l !== "");
  expect({ signal: r.signal, code: r.status, lines: lines.length }).toEqual({ signal: null, code: 2, lines: 1 });
  expect(lines[0]).toMatch(/^kpi: /);
  expect(lines[0]).toMatch(message);
  expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+|Errore interno|Internal error/);
}

let dir: string;
useTempDir("kpi-limits-", (d) => (dir = d), "each");

describe("inputs that are not regular files", () => {
  const zero = existsSync("/dev/zero") ? test : test.skip;
  zero("kpi check /dev/zero is refused at once (a device, not a file)", () => {
    expectOneLine(run(["check", "/dev/zero"], dir), /\/dev\/zero non è un file/);
  }, 70_000);

  zero("kpi import /dev/zero is refused at once", () => {
    expectOneLine(run(["import", "/dev/zero", "--json"], dir), /\/dev\/zero non è un file/);
  }, 70_000);

  test("a FIFO nobody writes to is refused, not waited on forever", () => {
    const made = spawnSync("mkfifo", [join(dir, "coda.xlsx")]);
    if (made.status !== 0) return; // no mkfifo on this system
    expectOneLine(run(["check", "coda.xlsx"], dir), /coda\.xlsx non è un file/);
  }, 70_000);
});

describe("a plan text past the size limit", () => {
  test("5 MB of headings is refused with the limit named, before parsing", () => {
    // 5 MiB > the 4 MiB limit.
    writeFileSync(join(dir, "enorme.txt"), "AREA STRATEGICA 1 x\n".repeat(Math.ceil((5 * 1024 * 1024) / 20)));
    const r = run(["import", "enorme.txt", "--json"], dir);
    expectOneLine(r, /enorme\.txt.*4 MB/);
    expect(r.stdout).toBe("");
  }, 70_000);
});

describe("output that cannot be written", () => {
  const full = existsSync("/dev/full") ? test : test.skip;
  full("stdout on a full disk (> /dev/full): one line, exit 2", () => {
    const fd = openSync("/dev/full", "w");
    try {
      expectOneLine(run(["import", SEED, "--json"], dir, fd), /spazio|space/i);
    } finally {
      closeSync(fd);
    }
  }, 70_000);

  test("stdout closed by the reader (| head -c 10): one line, exit 2", async () => {
    // The plan 15 times over: a JSON document of several MB, far more than a pipe holds.
    writeFileSync(join(dir, "lungo.txt"), readFileSync(SEED, "utf8").repeat(15));
    const child = spawn(process.execPath, ["-r", REGISTER, KPI, "import", "lungo.txt", "--json"], { cwd: dir, env: ENV, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    // Read a little, then close our end of the pipe, as `head` does.
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
    const lines = stderr.split("\n").filter((l) => l !== "");
    expect({ code, lines: lines.length }).toEqual({ code: 2, lines: 1 });
    expect(lines[0]).toMatch(/^kpi: .*(chiusa|closed)/);
  }, 70_000);

  test("nothing is left behind in the output folder after a refused write", () => {
    writeFileSync(join(dir, "piano.xlsx"), "esiste");
    const r = run(["import", SEED, "-o", "piano.xlsx"], dir);
    expectOneLine(r, /esiste già/);
    expect(readdirSync(dir)).toEqual(["piano.xlsx"]);
  }, 70_000);
});

describe("ExcelJS is loaded only to write a workbook", () => {
  test("kpi check and kpi report read without loading it; kpi import loads it", async () => {
    writeFileSync(join(dir, "in.xlsx"), await simpleXlsx("S", [["Indicatore", "Peso", "Target", "Valore"], ["a", 100, ">= 1", 2]]));
    const loaded = (args: string[]) => {
      const script = `const { runCli } = require(${JSON.stringify(join(ROOT, "src/cli/main.ts"))});
        const io = { stdout: () => {}, stderr: (s) => process.stderr.write(s), env: {}, cwd: process.cwd() };
        runCli(${JSON.stringify(args)}, io).then((code) => {
          const exceljs = Object.keys(require.cache).some((k) => /[\\/]node_modules[\\/]exceljs[\\/]/.test(k));
          process.stdout.write(JSON.stringify({ code, exceljs }));
        });`;
      const r = spawnSync(process.execPath, ["-r", REGISTER, "-e", script], { cwd: dir, encoding: "utf8", env: ENV, timeout: 60_000 });
      return JSON.parse(r.stdout) as { code: number; exceljs: boolean };
    };
    expect(loaded(["check", "in.xlsx", "--json"])).toEqual({ code: 0, exceljs: false });
    expect(loaded(["check", "in.xlsx", "-o", "marked.xlsx"])).toEqual({ code: 0, exceljs: false });
    expect(loaded(["report", "in.xlsx", "-o", "r.html"])).toEqual({ code: 0, exceljs: false });
    // The control: a command that writes a workbook does load it (the probe can see it).
    expect(loaded(["import", SEED, "-o", "p.xlsx"])).toEqual({ code: 0, exceljs: true });
  }, 120_000);
});
