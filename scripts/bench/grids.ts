/**
 * Workbooks of any size shaped like the one `kpi import` builds from the plan in seeds/:
 * the area sheets' columns (Codice, Tipo, Indicatore, Algoritmo, Peso, Stato, Target, then
 * Target/Misura/Valore per year 2021-2023), the plan's own Italian indicators, algorithms and
 * multi-year targets, cycled until there are N KPI rows. Each copy of the plan gets its own
 * codes (`A.1~3`), so weight groups keep the plan's sums; values are typed the way users type
 * them (numbers, Italian text such as "12,5", dates as serials or "15/06/2021", blanks and
 * "n.d."), and a few rows carry the errors validation exists for.
 *
 * Deterministic: the same N gives the same grids.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { conditionForYear, isKpiError, parseNumber, parseTarget, type CellValue, type SheetGrid } from "../../src/core";
import { parsePlan } from "../../src/core/plan/parse";
import { buildWorkbook } from "../../src/core/workbook/build";
import type { CellSpec } from "../../src/core/workbook/description";

export const ROOT = join(__dirname, "../..");
export const SEED_FILE = join(ROOT, "seeds/000_30336ea7c660fe63.txt");

export function seedText(): string {
  return readFileSync(SEED_FILE, "utf8");
}

interface Template {
  readonly sheet: string;
  readonly row: readonly CellValue[];
}

interface Layout {
  readonly header: readonly CellValue[];
  readonly code: number;
  readonly weight: number;
  readonly targetAll: number;
  /** Per year: [target column, measure column or -1, value column]. */
  readonly years: readonly { year: number; target: number; measure: number; value: number }[];
}

function plain(cell: CellSpec): CellValue {
  if (cell !== null && typeof cell === "object") return cell.result === "" ? null : cell.result;
  return cell;
}

let cached: { layout: Layout; templates: Template[] } | null = null;

/** The KPI rows of the seed workbook, as the reader would see them (formulas as results). */
export function seedTemplates(): { layout: Layout; templates: Template[] } {
  if (cached) return cached;
  const spec = buildWorkbook(parsePlan(seedText()));
  const templates: Template[] = [];
  let layout: Layout | null = null;
  for (const sheet of spec.sheets) {
    const header = (sheet.cells[0] ?? []).map(plain);
    const col = (name: string) => header.indexOf(name);
    if (col("Indicatore") < 0 || col("Peso") < 0) continue;
    if (!layout) {
      const years = [2021, 2022, 2023].map((year) => ({
        year,
        target: col(`Target ${year}`),
        measure: col(`Misura ${year}`),
        value: col(`Valore ${year}`),
      }));
      layout = { header, code: col("Codice"), weight: col("Peso"), targetAll: col("Target"), years };
    }
    for (const row of sheet.cells.slice(1)) templates.push({ sheet: sheet.name, row: row.map(plain) });
  }
  if (!layout || templates.length === 0) throw new Error("bench: the seed workbook has no KPI sheet");
  cached = { layout, templates };
  return cached;
}

/** A value a user would type for this target and row: met, unmet, Italian text, blank. */
function valueFor(targetCell: CellValue, year: number, i: number): CellValue {
  if (i % 7 === 3) return null; // not measured yet
  if (i % 53 === 5) return "n.d.";
  const t = parseTarget(targetCell);
  if (isKpiError(t)) return 10;
  const c = conditionForYear(t, year);
  if (isKpiError(c)) return i % 2 === 0 ? 5 : null;
  const spread = 0.7 + ((i * 37) % 60) / 100; // 0.70 .. 1.29 of the threshold
  if (c.unit === "date") {
    const serial = Math.round(c.value + (spread - 1) * 60);
    if (i % 3 === 0) {
      const d = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
      const dd = String(d.getUTCDate()).padStart(2, "0");
      const mm = String(d.getUTCMonth() + 1).padStart(2, "0");
      return `${dd}/${mm}/${d.getUTCFullYear()}`;
    }
    return serial;
  }
  const v = Math.round(c.value * spread * 100) / 100;
  // One value in three typed as Italian text, as pasted from a PDF.
  return i % 3 === 1 ? String(v).replace(".", ",") : v;
}

/**
 * N KPI rows over the seed's area sheets (A, B, C), each sheet one table under one header.
 * Errors: a weight in words every 97 rows, a blank weight every 89, an unreadable target
 * every 83, a text value every 71; incomplete copies at the end leave weight sums off.
 */
export function kpiGrids(n: number): SheetGrid[] {
  const { layout, templates } = seedTemplates();
  const bySheet = new Map<string, CellValue[][]>();
  for (let i = 0; i < n; i++) {
    const t = templates[i % templates.length];
    const copy = Math.floor(i / templates.length);
    const row = [...t.row];
    row[layout.code] = `${String(t.row[layout.code])}~${copy}`;
    if (i % 97 === 13) row[layout.weight] = "venti";
    if (i % 89 === 17) row[layout.weight] = null;
    for (const y of layout.years) {
      if (i % 83 === 29 && y.year === 2022) row[y.target] = "circa 10";
      if (y.measure >= 0 && row[y.value] === null && i % 5 !== 0) row[y.measure] = 1000 + (i % 500);
      row[y.value] = i % 71 === 31 ? "in corso" : valueFor(row[y.target], y.year, i + y.year);
    }
    let rows = bySheet.get(t.sheet);
    if (!rows) {
      rows = [[...layout.header]];
      bySheet.set(t.sheet, rows);
    }
    rows.push(row);
  }
  return [...bySheet].map(([name, values]) => ({ name, values }));
}

/** Cells in the grids (what the bare pass touches). */
export function cellCount(grids: readonly SheetGrid[]): number {
  let n = 0;
  for (const g of grids) for (const row of g.values) n += row.length;
  return n;
}

/**
 * The bare pass: reads every cell of the grids once and does the least a reader must do
 * with it (tell blanks from content), folding everything into a checksum the JIT cannot drop.
 */
export function touchEveryCell(grids: readonly SheetGrid[]): number {
  let acc = 0;
  for (const g of grids) {
    for (const row of g.values) {
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v === "number") acc += v;
        else if (typeof v === "string") acc += v.length === 0 ? 0 : v.charCodeAt(0);
        else if (v === true) acc += 1;
      }
    }
  }
  return acc;
}

/**
 * A reading pass: every cell read once as a number the way the engine reads a value
 * (`parseNumber`, Italian aware). Not a target of issue 6, a second point of reference: the
 * least work that actually interprets each cell.
 */
export function parseEveryCell(grids: readonly SheetGrid[]): number {
  let acc = 0;
  for (const g of grids) {
    for (const row of g.values) {
      for (let c = 0; c < row.length; c++) {
        const n = parseNumber(row[c]);
        if (typeof n === "number") acc += n;
        else if (n !== null) acc += 1;
      }
    }
  }
  return acc;
}
