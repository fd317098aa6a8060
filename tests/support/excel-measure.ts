/**
 * Counts what Validate and Clear cost against the fake host: syncs and payload bytes, for a
 * KPI workbook of n rows. Used by tests/excel/syncs.test.ts and reusable by the benchmark
 * (issue 6): `measureActions(100_000, "web")`.
 */
import { runValidate } from "../../src/excel/actions/validate";
import { clearMarks } from "../../src/excel/actions/clear";
import { buildSummary } from "../../src/excel/actions/summary";
import type { FakeOptions, FakeStats } from "./office";
import { hostOf, kpiWorkbook } from "./excel-fixtures";

export interface ActionCost {
  readonly syncs: number;
  readonly requestBytes: number;
  /** Responses received (a response the host refused as too large is not one). */
  readonly responseBytes: number;
  /** Largest single request or response the host accepted, to compare with the web's 5 MB. */
  readonly largestPayload: number;
  /** Syncs the host refused as over its payload limit (the read's optimistic first attempt). */
  readonly refused: number;
  /** Bytes of each response received, in sync order (refused syncs left out). */
  readonly responses: readonly number[];
  readonly ms: number;
}

export interface Measured {
  readonly rows: number;
  readonly platform: "web" | "desktop";
  readonly validate: ActionCost;
  /** Validate again on the already-marked workbook (replaces the marks). */
  readonly revalidate: ActionCost;
  readonly clear: ActionCost;
  /** Clear when there is nothing to clear. */
  readonly clearNone: ActionCost;
}

function cost(stats: FakeStats, ms: number): ActionCost {
  return {
    syncs: stats.syncs,
    requestBytes: stats.requestBytes,
    responseBytes: stats.responseBytes,
    largestPayload: Math.max(0, ...stats.perSync.filter((s) => !s.rejected).map((s) => Math.max(s.request, s.response))),
    refused: stats.perSync.filter((s) => s.rejected).length,
    responses: stats.perSync.filter((s) => !s.rejected).map((s) => s.response),
    ms,
  };
}

export async function measureActions(rows: number, platform: "web" | "desktop", options: FakeOptions = {}): Promise<Measured> {
  const fake = kpiWorkbook(rows, { ...options, platform });
  const host = hostOf(fake);
  const run = async (action: () => Promise<unknown>): Promise<ActionCost> => {
    fake.resetStats();
    const t = Date.now();
    await action();
    return cost(fake.stats, Date.now() - t);
  };
  const validate = await run(() => runValidate(host));
  const revalidate = await run(() => runValidate(host));
  const clear = await run(() => clearMarks(host));
  const clearNone = await run(() => clearMarks(host));
  return { rows, platform, validate, revalidate, clear, clearNone };
}

export interface MeasuredSummary {
  readonly rows: number;
  readonly platform: "web" | "desktop";
  /** Build summary on a workbook without one: a new sheet. */
  readonly build: ActionCost;
  /** Build summary again: the sheet of the first build is rewritten in place. */
  readonly rebuild: ActionCost;
  /** Nodes of the roll-up (rows of the summary's tree). */
  readonly nodes: number;
  readonly sheets: readonly string[];
}

/** Counts what Build summary costs on a KPI workbook of n rows (n/4 codes). */
export async function measureSummary(rows: number, platform: "web" | "desktop"): Promise<MeasuredSummary> {
  const fake = kpiWorkbook(rows, { platform });
  const host = hostOf(fake);
  let nodes = 0;
  const run = async (): Promise<ActionCost> => {
    fake.resetStats();
    const t = Date.now();
    const out = await buildSummary(host, { lang: "it", generatedOn: "2023-01-31" });
    nodes = out.rollup.nodes.length;
    return cost(fake.stats, Date.now() - t);
  };
  const build = await run();
  const rebuild = await run();
  return { rows, platform, build, rebuild, nodes, sheets: fake.workbook.sheets.map((s) => s.name) };
}
