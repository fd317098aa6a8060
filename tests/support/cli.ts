import { createHash } from "crypto";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runCli } from "../../src/cli/main";

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with captured output, in `cwd`, with LANG unset unless given. */
export async function kpi(argv: string[], options: { cwd: string; env?: Record<string, string> }): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: options.env ?? {},
    cwd: options.cwd,
  });
  return { code, stdout, stderr };
}

/** A fresh temporary folder, removed by the returned function. */
export function tempDir(prefix = "kpi-cli-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A fresh temporary folder for a test file's tests (`"all"`, one for the file) or for each test
 * (`"each"`), removed after them; `set` receives its path before the tests run.
 *
 * @example
 *   let dir: string;
 *   useTempDir("kpi-check-", (d) => (dir = d), "each");
 */
export function useTempDir(prefix: string, set: (dir: string) => void, scope: "all" | "each" = "all"): void {
  let cleanup = (): void => {};
  (scope === "each" ? beforeEach : beforeAll)(() => {
    const made = tempDir(prefix);
    set(made.dir);
    cleanup = made.cleanup;
  });
  (scope === "each" ? afterEach : afterAll)(() => cleanup());
}

export function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/**
 * A run the CLI refused as a user error: exit 2, nothing on stdout, exactly one line on
 * stderr, which is no stack trace and not the "internal error" path, and matches `message`
 * when given. Returns that line for further checks.
 *
 * @example
 *   expectRefusedOneLine(await kpi(["check", "missing.xlsx"], { cwd }), /non trovato/);
 */
export function expectRefusedOneLine(r: RunResult, message?: RegExp): string {
  const lines = r.stderr.split("\n").filter((l) => l !== "");
  expect({ code: r.code, stdout: r.stdout, lines: lines.length }).toEqual({ code: 2, stdout: "", lines: 1 });
  expect(lines[0]).not.toMatch(/\bat .+:\d+:\d+|Errore interno|Internal error/);
  if (message) expect(lines[0]).toMatch(message);
  return lines[0];
}

export const REPO = join(__dirname, "../..");
export const SEED = join(REPO, "seeds/000_30336ea7c660fe63.txt");

/** What `kpi check --json` prints, as far as the tests read it. */
export interface CheckJson {
  year: number | null;
  years: number[];
  groups: { owner: string | null; sheet: string; weightSum: number; ok: boolean }[];
  kpis: {
    sheet: string;
    row: number;
    owner: string | null;
    indicator: string;
    weight: number | null;
    target: { op: string; value: number | string; unit: string } | null;
    value: number | string | null;
    status: string;
    achievement: number | null;
    reason?: string | null;
  }[];
  problems: { severity: string; code: string; sheet: string | null; cell: string | null; message: string }[];
  summary: Record<string, number>;
}
