/**
 * The target wording of other plans (issue 9, item 1) read from real .xlsx files by
 * `kpi check`: a sheet written by ExcelJS, and the same sheet saved again by LibreOffice.
 * Both must give the statuses and achievements worked out by hand beside each row.
 */
import ExcelJS from "exceljs";
import { readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { unzip } from "../support/xlsx-files";
import { convertWithLibreOffice, hasLibreOffice } from "../support/libreoffice";
import { kpi, useTempDir, type CheckJson } from "../support/cli";

jest.setTimeout(180_000);

/** Excel serial of a date (1900 system), computed independently of src/core/dates.ts. */
const serial = (y: number, m: number, d: number): number => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

type Value = number | string | { v: number; fmt: string };

/** One KPI row: the target as a plan writes it, the 2026 value, and what it must give. */
interface Row {
  readonly weight: number;
  readonly target: string;
  readonly value: Value;
  readonly status: "met" | "unmet";
  readonly achievement: number;
}

// Weights 20 + 8 × 10 = 100: one valid group for OB1.
const ROWS: readonly Row[] = [
  // >= 10 (unit "gg." kept apart from the number); 12 >= 10: met, min(12/10, 1) = 100.
  { weight: 20, target: "almeno 10 gg.", value: 12, status: "met", achievement: 100 },
  // <= 30; 40 > 30: unmet, 30/40 = 75.
  { weight: 10, target: "non superiore a 30 giorni", value: 40, status: "unmet", achievement: 75 },
  // the band 70%–90%; 95 is above it: unmet, measured as <= 90: 90/95 = 94.7368…
  { weight: 10, target: "tra 70% e 90%", value: 95, status: "unmet", achievement: (90 / 95) * 100 },
  // <= 30/06/2026; done on 15/06/2026: met, 100.
  { weight: 10, target: "entro il 30 giugno 2026", value: { v: serial(2026, 6, 15), fmt: "dd/mm/yyyy" }, status: "met", achievement: 100 },
  // end of June 2026; done on 01/07/2026: one day late, a deadline missed scores 0.
  { weight: 10, target: "entro giugno 2026", value: { v: serial(2026, 7, 1), fmt: "dd/mm/yyyy" }, status: "unmet", achievement: 0 },
  // done / not done; "Sì" is done: met, 100.
  { weight: 10, target: "SI", value: "Sì", status: "met", achievement: 100 },
  // 2026's condition is >= 5; 4/5 = 80: unmet.
  { weight: 10, target: "Anno 2026: >= 5 Anno 2027: >= 6", value: 4, status: "unmet", achievement: 80 },
  // >= 1500 (the euro sign is the unit); 1200/1500 = 80: unmet.
  { weight: 10, target: "non inferiore a € 1.500", value: 1200, status: "unmet", achievement: 80 },
  // >= 95% ("95 %" with a space); 0,97 shown as 97%: met, 100.
  { weight: 10, target: "95 %", value: { v: 0.97, fmt: "0%" }, status: "met", achievement: 100 },
];

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Obiettivi 2026");
  ws.addRow(["Codice", "Indicatore", "Peso", "Target", "Valore 2026"]);
  ROWS.forEach((r, i) => {
    const row = ws.addRow(["OB1", `Indicatore ${i + 1}`, r.weight, r.target, null]);
    const cell = row.getCell(5);
    if (typeof r.value === "object") {
      cell.value = r.value.v;
      cell.numFmt = r.value.fmt;
    } else cell.value = r.value;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let dir: string;
useTempDir("kpi-targets-", (d) => (dir = d));

beforeAll(async () => {
  expect(hasLibreOffice()).toBe(true);
  writeFileSync(join(dir, "exceljs.xlsx"), await workbook());
  const { dir: out, files } = await convertWithLibreOffice(join(dir, "exceljs.xlsx"), "xlsx:Calc MS Excel 2007 XML");
  try {
    expect(files).toHaveLength(1);
    // LibreOffice's own file, not the input passed through.
    expect(unzip(readFileSync(files[0])).get("docProps/app.xml")?.toString("utf8")).toContain("LibreOffice");
    writeFileSync(join(dir, "libreoffice.xlsx"), readFileSync(files[0]));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

describe.each(["exceljs.xlsx", "libreoffice.xlsx"])("targets in the words of other plans (%s)", (file) => {
  let json: CheckJson;
  let code: number;
  beforeAll(async () => {
    const r = await kpi(["check", file, "--json", "--lang", "en"], { cwd: dir });
    expect(r.stderr).toBe("");
    code = r.code;
    json = JSON.parse(r.stdout) as CheckJson;
  });

  it("reads 2026 and every target without an error; the weights 20 + 8 × 10 make one valid group", () => {
    expect(json.year).toBe(2026);
    expect(json.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(json.groups).toEqual([expect.objectContaining({ owner: "OB1", weightSum: 100, ok: true })]);
    expect(code).toBe(0); // an unmet target is a result, not a validation error
  });

  it.each(ROWS.map((r, i) => [i + 2, r.target, r] as const))("row %i (%s): status and achievement as worked out by hand", (row, _target, expected) => {
    const k = json.kpis.find((x) => x.row === row);
    expect(k?.status).toBe(expected.status);
    // The JSON output rounds achievements half-up to 2 decimals (94.7368… → 94.74).
    expect(k?.achievement).toBe(Math.round(expected.achievement * 100) / 100);
  });
});
