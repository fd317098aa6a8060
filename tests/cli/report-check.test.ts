/**
 * The roll-up in `kpi check --json` (`"rollup":[{code, kind, achievement, kpis, missing, band}]`)
 * and the workbook's own rules (`Impostazioni`) in `kpi check`. Figures as computed by hand
 * in tests/core/rollup/seed.test.ts.
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { rulesSheet } from "../../src/core/rules";
import type { WorkbookSpec } from "../../src/core/workbook/description";
import { writeXlsx } from "../../src/cli/xlsx-write";
import { seedWorkbook } from "../support/seed-values";
import { kpi, tempDir } from "../support/cli";

interface Entry {
  code: string;
  kind: string;
  achievement: number | null;
  kpis: number;
  missing: number;
  band: string | null;
}
interface CheckJson {
  rollup: Entry[];
  kpis: { owner: string; indicator: string; achievement: number | null }[];
  problems: { severity: string; code: string; sheet: string | null; cell: string | null }[];
}

let work: { dir: string; cleanup: () => void };
beforeAll(() => {
  work = tempDir("kpi-check-rollup-");
});
afterAll(() => work.cleanup());

async function check(spec: WorkbookSpec, name: string, year = "2021"): Promise<{ code: number; json: CheckJson }> {
  writeFileSync(join(work.dir, name), await writeXlsx(spec));
  const r = await kpi(["check", name, "--year", year, "--json"], { cwd: work.dir });
  expect(r.stderr).toBe("");
  return { code: r.code, json: JSON.parse(r.stdout) as CheckJson };
}

const sheet = (name: string, cells: WorkbookSpec["sheets"][number]["cells"]): WorkbookSpec["sheets"][number] => ({
  name,
  cells,
  columns: [],
  frozenRows: 0,
  tables: [],
  formats: [],
  validations: [],
});

describe("kpi check --json: rollup", () => {
  it("the seed workbook: every node of the tree, with the hand-computed figures", async () => {
    const { code, json } = await check(seedWorkbook(), "piano.xlsx");
    expect(code).toBe(0);
    const by = new Map(json.rollup.map((e) => [e.code, e]));
    expect(json.rollup).toHaveLength(57);
    // B = 81.720833... -> 81.72 (2 decimals, half-up), amber; no KPIs of its own
    expect(by.get("B")).toEqual({ code: "B", kind: "area", achievement: 81.72, kpis: 0, missing: 0, band: "amber" });
    // B.1.2.2 = 62.5, red, 3 KPIs; B.1.2.1: 2 KPIs, 1 missing, 90 -> green
    expect(by.get("B.1.2.2")).toEqual({ code: "B.1.2.2", kind: "action", achievement: 62.5, kpis: 3, missing: 0, band: "red" });
    expect(by.get("B.1.2.1")).toEqual({ code: "B.1.2.1", kind: "action", achievement: 90, kpis: 2, missing: 1, band: "green" });
    // B.2 = 83.441666... -> 83.44; C = 87.3598915... -> 87.36
    expect(by.get("B.2")?.achievement).toBe(83.44);
    expect(by.get("C")?.achievement).toBe(87.36);
    // Tree order: areas first in their block
    expect(json.rollup.filter((e) => e.kind === "area").map((e) => e.code)).toEqual(["A", "B", "C"]);
    expect(json.rollup[0].code).toBe("A");
  });

  it("a hand-made sheet without a tree: each Codice is a node of its own", async () => {
    const { json } = await check(
      {
        sheets: [
          sheet("KPI", [
            ["Codice", "Indicatore", "Peso", "Target", "Valore"],
            ["OB1", "Visite", 50, ">= 10", 5],
            ["OB1", "Eventi", 50, ">= 2", 2],
            ["OB2", "Reclami", 100, "<= 4", 5],
          ]),
        ],
      },
      "mano.xlsx",
    );
    // OB1: (50*50 + 50*100)/100 = 75; OB2: 4/5 = 80
    expect(json.rollup).toEqual([
      { code: "OB1", kind: "code", achievement: 75, kpis: 2, missing: 0, band: "amber" },
      { code: "OB2", kind: "code", achievement: 80, kpis: 1, missing: 0, band: "amber" },
    ]);
  });

  it("the rules of the Impostazioni sheet apply to the KPIs and to the roll-up", async () => {
    const kpis = sheet("KPI", [
      ["Codice", "Indicatore", "Peso", "Target", "Valore"],
      ["OB2", "Reclami", 100, "<= 4", 5],
    ]);
    // ratio: 4/5 = 80; linear: (2*4 - 5)/4 = 75
    const ratio = await check({ sheets: [kpis] }, "r1.xlsx");
    expect(ratio.json.kpis[0].achievement).toBe(80);
    const linear = await check({ sheets: [kpis, rulesSheet({ lowerIsBetter: "linear" })] }, "r2.xlsx");
    expect(linear.json.kpis[0].achievement).toBe(75);
    expect(linear.json.rollup[0].achievement).toBe(75);
  });

  it("a bad setting is a validation error with its cell", async () => {
    const bad = sheet("Impostazioni", [
      ["Impostazione", "Valore"],
      ["Valori mancanti", "media"],
    ]);
    const { code, json } = await check({ sheets: [sheet("KPI", [["Indicatore", "Peso", "Target", "Valore"], ["x", 100, ">= 1", 1]]), bad] }, "r3.xlsx");
    expect(code).toBe(1);
    expect(json.problems).toContainEqual(expect.objectContaining({ severity: "error", code: "RULES_BAD_VALUE", sheet: "Impostazioni", cell: "B2" }));
  });

  it("a cycle in the tree sheet is reported, and the nodes are still there", async () => {
    const tree = sheet("Albero", [
      ["Codice", "Tipo", "Titolo", "Padre"],
      ["X", "Obiettivo strategico", "X", "Y"],
      ["Y", "Obiettivo operativo", "Y", "X"],
    ]);
    const kpis = sheet("KPI", [
      ["Codice", "Indicatore", "Peso", "Target", "Valore"],
      ["Y", "Eventi", 100, ">= 4", 3],
    ]);
    const { code, json } = await check({ sheets: [kpis, tree] }, "cycle.xlsx");
    expect(code).toBe(1);
    expect(json.problems).toContainEqual(expect.objectContaining({ severity: "error", code: "ROLLUP_CYCLE" }));
    // X is cut loose from Y: X (no KPIs) = mean of Y = 3/4 = 75
    expect(json.rollup).toEqual([
      { code: "X", kind: "strategic", achievement: 75, kpis: 0, missing: 0, band: "amber" },
      { code: "Y", kind: "operational", achievement: 75, kpis: 1, missing: 0, band: "amber" },
    ]);
  });
});
