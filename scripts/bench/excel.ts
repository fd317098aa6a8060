/**
 * Excel adapter: `context.sync()` calls and request/response payload bytes of Validate
 * (`runValidate`) and Clear (`clearMarks`) on workbooks of N KPI rows, counted by the
 * fake Excel host of tests/support/office/ (strict load/sync semantics; on the "web"
 * platform it rejects any request or response above 5 MB, as Excel on the web does).
 * Times are the fake's plus the engine's, for reference only: real Excel adds its own.
 */
import { performance } from "perf_hooks";
import type { SheetGrid } from "../../src/core";
import { runValidate } from "../../src/excel/actions/validate";
import type { ExcelHost } from "../../src/excel/host";
import { clearMarks } from "../../src/excel/actions/clear";
import { FakeExcel, type FakeCell, type FakeStats } from "../../tests/support/office";
import { kpiGrids } from "./grids";

export const MB4 = 4 * 1024 * 1024;

export interface ActionCost {
  readonly syncs: number;
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly ms: number;
  /** The target: 2 syncs plus one per started 4 MB of payload beyond the first. */
  readonly allowed: number;
}

export interface ExcelResult {
  readonly rows: number;
  readonly platform: "web" | "desktop";
  readonly validate: ActionCost;
  readonly clear: ActionCost;
  readonly marked: number;
}

/** At most 2 syncs plus one per 4 MB of payload (request + response) moved by the action. */
export function allowedSyncs(stats: Pick<FakeStats, "requestBytes" | "responseBytes">): number {
  return 2 + Math.floor((stats.requestBytes + stats.responseBytes) / MB4);
}

function cost(fake: FakeExcel, ms: number): ActionCost {
  const s = fake.stats;
  return { syncs: s.syncs, requestBytes: s.requestBytes, responseBytes: s.responseBytes, ms, allowed: allowedSyncs(s) };
}

function load(fake: FakeExcel, grids: readonly SheetGrid[]): void {
  for (const g of grids) {
    const values: FakeCell[][] = g.values.map((row) => row.map((v) => (v === null ? "" : v)));
    fake.workbook.load({ name: g.name, values });
  }
}

export async function benchExcel(rows: number, platform: "web" | "desktop"): Promise<ExcelResult> {
  const fake = new FakeExcel({ platform });
  load(fake, kpiGrids(rows));
  const host = fake.host() as unknown as ExcelHost;

  fake.resetStats();
  let t0 = performance.now();
  const outcome = await runValidate(host, { year: 2022 });
  const validate = cost(fake, performance.now() - t0);

  fake.resetStats();
  t0 = performance.now();
  await clearMarks(host);
  const clear = cost(fake, performance.now() - t0);

  const c = outcome.marks.counts;
  return { rows, platform, validate, clear, marked: c.met + c.unmet + c.missing };
}
