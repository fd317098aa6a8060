/**
 * The pane checks a workbook exactly as `kpi check` does: the workbook's own measurement
 * rules (`Impostazioni`), the same report, the same roll-up through its tree. Both run here
 * on the same workbook (the seed plan with the values of tests/support/seed-values.ts):
 * the pane through the fake Excel host, the CLI on the .xlsx of the same description.
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { rollupJson } from "../../src/core/rollup/workbook";
import { rulesSheet } from "../../src/core/rules";
import { unitsJson, workbookUnitScores } from "../../src/core/scorecards";
import type { WorkbookSpec } from "../../src/core/workbook/description";
import { changedAfterFreezeJson, checkJson } from "../../src/cli/output/check-json";
import { writeXlsx } from "../../src/cli/xlsx-write";
import { runValidate } from "../../src/excel/actions/validate";
import { kpi, tempDir } from "../support/cli";
import { seedWorkbook } from "../support/seed-values";
import { fakeFromSpec, hostOf } from "../support/excel-fixtures";

let work: { dir: string; cleanup: () => void };
beforeAll(() => {
  work = tempDir("kpi-pane-check-");
});
afterAll(() => work.cleanup());

async function cli(spec: WorkbookSpec, name: string): Promise<unknown> {
  writeFileSync(join(work.dir, name), await writeXlsx(spec));
  const r = await kpi(["check", name, "--year", "2021", "--json"], { cwd: work.dir });
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout);
}

async function pane(spec: WorkbookSpec) {
  const fake = await fakeFromSpec(spec, { platform: "desktop" });
  const out = await runValidate(hostOf(fake), { year: 2021, mark: false });
  // The unit scorecards too: the pane's Schede unità and kpi check's "units" come from the same check.
  const units = unitsJson(workbookUnitScores(out), 2);
  const json = { ...(checkJson(out.report, "it") as object), rollup: rollupJson(out.rollup.nodes, { decimals: 2 }), units, changedAfterFreeze: changedAfterFreezeJson(out.history) };
  return { out, json: JSON.parse(JSON.stringify(json)) as unknown };
}

type Json = { rollup: { code: string; achievement: number | null; band: string | null }[]; kpis: { owner: string; indicator: string; achievement: number | null }[]; problems: { code: string }[] };

test("the seed workbook with its default settings: the pane's report and roll-up are kpi check --json's", async () => {
  const spec = seedWorkbook();
  const [{ out, json }, expected] = await Promise.all([pane(spec), cli(spec, "seed.xlsx")]);
  expect(json).toEqual(expected);
  // The hand-computed figures of tests/core/rollup (B = 81.72, amber).
  expect((json as Json).rollup.find((n) => n.code === "B")).toMatchObject({ achievement: 81.72, band: "amber" });
  expect(out.rules.sheet).toBe("Impostazioni");
  expect(out.rollup.tree).toBe("sheet");
  expect(out.treeSheet?.name).toBe("Albero");
});

test("other rules in Impostazioni change the pane's figures as they change kpi check's", async () => {
  // Lower is better, linear: C.1's "Tempestività" (<= 1, value 1.25) scores 75 instead of 80;
  // bands red < 80, amber < 95: B (81.72) stays amber, a node at 75 turns red.
  // Risultato unità: capofila — STAFF 1 leads B.1.1.1 (88) and B.1.2.1 (90) only: 89.
  const linear = rulesSheet({ lowerIsBetter: "linear", bands: { red: 80, amber: 95 } }, { unitRule: "lead" });
  const spec = seedWorkbook([linear]);
  const [{ json }, expected] = await Promise.all([pane(spec), cli(spec, "linear.xlsx")]);
  expect(json).toEqual(expected);
  const { json: defaults } = await pane(seedWorkbook());
  const tempestivita = (j: unknown) => (j as Json).kpis.find((k) => k.owner === "C.1" && k.indicator.startsWith("Tempestività"))!.achievement;
  expect(tempestivita(defaults)).toBe(80);
  expect(tempestivita(json)).toBe(75);
  expect((json as Json).rollup.filter((n) => n.band === "red").length).toBeGreaterThan((defaults as Json).rollup.filter((n) => n.band === "red").length);
  const staff1 = (j: unknown) => (j as { units: { unit: string; achievement: number | null; band: string | null }[] }).units.find((u) => u.unit === "STAFF 1");
  // tutte: (88 + 80 + 90 + 62.5) / 4 = 80.125 -> 80.13 amber; capofila: (88 + 90) / 2 = 89, amber (80 <= 89 < 95).
  expect(staff1(defaults)).toMatchObject({ achievement: 80.13, band: "amber" });
  expect(staff1(json)).toMatchObject({ achievement: 89, band: "amber" });
});

test("a bad setting is a problem of the report, with its cell, in the pane as in kpi check", async () => {
  const bad = rulesSheet({});
  const cells = bad.cells.map((row) => [...row]);
  const r = cells.findIndex((row) => row[0] === "Credito parziale");
  cells[r][1] = "forse";
  const spec = seedWorkbook([{ ...bad, cells }]);
  const [{ json }, expected] = await Promise.all([pane(spec), cli(spec, "bad.xlsx")]);
  expect(json).toEqual(expected);
  expect((json as Json).problems.map((p) => p.code)).toContain("RULES_BAD_VALUE");
});
