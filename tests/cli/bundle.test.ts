/**
 * The built command, run as a user runs it: `node kpi.js ...` in a folder of their own, and
 * `npm run --silent kpi -- ...` in the repository.
 * The spawned runs use a bundle built for this test alone, from the same webpack config, inside
 * the package (node_modules/.cache/) so that it finds seeds/ as dist/cli/kpi.js does: a
 * concurrent `npm run build` can then never swap the file under the test. dist/cli/kpi.js
 * itself (used by `npm run kpi`) is rebuilt first when it is missing or older than the sources.
 */
import { execFileSync, spawnSync } from "child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "fs";
import { join } from "path";
import { REPO, sha256, useTempDir } from "../support/cli";

jest.setTimeout(180_000);

const DIST_BUNDLE = join(REPO, "dist/cli/kpi.js");
const PRIVATE = join(REPO, "node_modules/.cache", `kpi-cli-test-${process.pid}`);
const BUNDLE = join(PRIVATE, "kpi.js");
const WEBPACK = join(REPO, "node_modules/.bin/webpack");

function newest(dir: string): number {
  return readdirSync(dir).reduce((m, name) => {
    const p = join(dir, name);
    const s = statSync(p);
    return Math.max(m, s.isDirectory() ? newest(p) : s.mtimeMs);
  }, 0);
}

beforeAll(() => {
  mkdirSync(PRIVATE, { recursive: true });
  execFileSync(WEBPACK, ["--mode", "production", "--config-name", "node", "--output-path", PRIVATE], { cwd: REPO, stdio: "pipe" });
  const sources = Math.max(newest(join(REPO, "src/cli")), newest(join(REPO, "src/core")));
  if (!existsSync(DIST_BUNDLE) || statSync(DIST_BUNDLE).mtimeMs < sources) {
    execFileSync(WEBPACK, ["--mode", "production", "--config-name", "node"], { cwd: REPO, stdio: "pipe" });
  }
});
afterAll(() => rmSync(PRIVATE, { recursive: true, force: true }));

let dir: string;
useTempDir("kpi-bundle-", (d) => (dir = d), "each");

const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [BUNDLE, ...args], { cwd: dir, encoding: "utf8", env: { PATH: process.env.PATH ?? "", ...env } });

it("runs the demo from any folder, writing out/piano-performance.xlsx there", () => {
  const r = run(["demo"]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^Piano letto: 57 nodi, 93 KPI, 0 problemi\.\nCartella di lavoro scritta: out\/piano-performance\.xlsx\n/);
  expect(r.stdout).toContain("Gruppi di pesi (49; tutti validi)");
  expect(r.stdout).toMatch(/Riepilogo: 93 KPI · raggiunti 0 · non raggiunti 0 · mancanti 91 · senza target 2 · non validi 0 · errori 0 · avvisi 91/);
  expect(existsSync(join(dir, "out/piano-performance.xlsx"))).toBe(true);
  const en = run(["demo", "--json"], { LANG: "en_GB.UTF-8" });
  expect(en.status).toBe(0);
  expect(JSON.parse(en.stdout).summary).toEqual({ tables: 3, rows: 93, met: 0, unmet: 0, missing: 91, noTarget: 2, invalid: 0 });
});

it("exits 2 with one line and no stack trace on unusable input, leaving it unchanged", () => {
  writeFileSync(join(dir, "finto.xlsx"), "non sono un foglio di calcolo");
  const before = sha256(join(dir, "finto.xlsx"));
  const r = run(["check", "finto.xlsx"]);
  expect(r.status).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toBe("kpi: finto.xlsx non è un file .xlsx (non è un archivio Office Open XML).\n");
  expect(sha256(join(dir, "finto.xlsx"))).toBe(before);
  const missing = run(["check", "manca.xlsx"], { LANG: "en_US.UTF-8" });
  expect([missing.status, missing.stderr]).toEqual([2, "kpi: File not found: manca.xlsx\n"]);
});

it("prints help and the version", () => {
  const help = run(["--help"]);
  expect(help.status).toBe(0);
  expect(help.stdout).toContain("Uso: kpi <comando>");
  const v = run(["--version"]);
  expect(v.stdout.trim()).toBe(require("../../package.json").version);
});

it("runs through npm as the README says", () => {
  const r = spawnSync("npm", ["run", "--silent", "kpi", "--", "check", "--help", "--lang", "en"], { cwd: REPO, encoding: "utf8" });
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^Usage: kpi check <file\.xlsx>/);
});
