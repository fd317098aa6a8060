import { describe, type HistoryCheck, type KpiResult, type Lang, periodKey, type Problem, roundHalfUp, type ValidationReport } from "../../core";
import { conditionJson, jsonValue } from "./json";

/**
 * The `kpi check --json` document, built whole (`checkJson`) or streamed piece by piece
 * (`writeCheckJson`, what the command prints), and its members that come from outside the
 * report (the values changed after a freeze).
 */

/**
 * The `kpi check --json` document:
 * `{year, years, groups: [{owner, sheet, weightSum, ok}], kpis: [{sheet, row, owner, indicator,
 * weight, target: {op, value, unit} | null, value, status, achievement, reason}], problems: [{severity,
 * code, sheet, cell, message}], summary}`. Achievements are rounded to 2 decimals.
 * @example Object.keys(checkJson(report, "it") as object) // ["year", "years", "period", "periods", "groups", "kpis", "problems", "summary"]
 */
export function checkJson(report: ValidationReport, lang: Lang): unknown {
  return {
    year: report.year,
    years: report.years,
    // The period checked and every period with columns: "2026-06-30", "2026" (year end).
    period: report.period === null ? null : periodKey(report.period),
    periods: report.periods.map(periodKey),
    groups: report.groups.map(groupJson),
    kpis: report.kpis.map(kpiJson),
    problems: report.problems.map(problemJson(lang)),
    summary: report.summary,
  };
}

const groupJson = (g: ValidationReport["groups"][number]) => ({ owner: g.owner, sheet: g.sheet, weightSum: g.weightSum, ok: g.ok });

const kpiJson = (k: KpiResult) => ({
  sheet: k.sheet,
  row: k.row,
  owner: k.owner,
  indicator: k.indicator,
  weight: k.weight,
  target: k.target ? conditionJson(k.target) : null,
  value: k.value === null ? null : jsonValue(k.value, k.target?.unit ?? "number"),
  status: k.status,
  achievement: k.achievement === null ? null : roundHalfUp(k.achievement, 2),
  ...(k.expected === undefined ? {} : { expected: roundHalfUp(k.expected, 2) }),
  reason: k.reason ?? null,
});

const problemJson = (lang: Lang) => (p: Problem) => ({
  severity: p.severity,
  code: p.code,
  sheet: p.sheet ?? null,
  cell: p.cell ?? null,
  message: describe(p, lang),
});

/**
 * Writes the `kpi check --json` document, plus `extra` top-level members, piece by piece:
 * the same text as `JSON.stringify({...checkJson(report, lang), ...extra}, null, 2)`, without ever
 * building the whole document or its text (300,000 KPI rows make a text of hundreds of MB).
 * Output goes out in chunks of about 64 KB.
 * @example writeCheckJson(report, "it", { rollup }, (s) => process.stdout.write(s));
 */
export function writeCheckJson(report: ValidationReport, lang: Lang, extra: Readonly<Record<string, unknown>>, write: (text: string) => void): void {
  let buffer = "";
  const out = (s: string) => {
    buffer += s;
    if (buffer.length >= 65_536) {
      write(buffer);
      buffer = "";
    }
  };
  const members: [string, unknown, ((x: never) => unknown)?][] = [
    ["year", report.year],
    ["years", report.years],
    ["period", report.period === null ? null : periodKey(report.period)],
    ["periods", report.periods.map(periodKey)],
    ["groups", report.groups, groupJson as (x: never) => unknown],
    ["kpis", report.kpis, kpiJson as (x: never) => unknown],
    ["problems", report.problems, problemJson(lang) as (x: never) => unknown],
    ["summary", report.summary],
    ...Object.entries(extra).map(([k, v]): [string, unknown] => [k, v]),
  ];
  const shown = members.filter(([, v]) => v !== undefined && typeof v !== "function");
  out("{");
  shown.forEach(([key, value, map], i) => {
    out(`${i === 0 ? "" : ","}\n  ${JSON.stringify(key)}: `);
    if (map && Array.isArray(value) && value.length > 0) {
      out("[");
      // A thousand items at a time, stringified inside a one-member object so that they come
      // out indented as in the whole document: no per-item re-indenting, memory bounded.
      for (let j = 0; j < value.length; j += JSON_CHUNK) {
        const part = JSON.stringify({ k: value.slice(j, j + JSON_CHUNK).map((x) => map(x as never)) }, null, 2);
        // part: '{\n  "k": [' + items + '\n  ]\n}'
        out((j === 0 ? "" : ",") + part.slice(part.indexOf("[") + 1, part.lastIndexOf("]") - 3));
      }
      out("\n  ]");
    } else {
      out(indent(JSON.stringify(value, null, 2), "  "));
    }
  });
  out(shown.length > 0 ? "\n}\n" : "}\n");
  if (buffer) write(buffer);
}

/** Items of a long list stringified together by `writeCheckJson`. */
const JSON_CHUNK = 1000;

/** Indents every line after the first (JSON strings never hold a raw newline). */
function indent(json: string, pad: string): string {
  return json.includes("\n") ? json.replace(/\n/g, `\n${pad}`) : json;
}

/**
 * The values edited after their freeze, for `--json`: old and new value as stored.
 * @example changedAfterFreezeJson(analysis.history) // [{ kind: "changed", sheet: "Area A", cell: "H5", ..., old: 10, new: 12 }]
 */
export function changedAfterFreezeJson(history: HistoryCheck): unknown[] {
  return history.changes.map((c) => ({
    kind: c.kind,
    sheet: c.frozen.sheet,
    cell: c.frozen.cell,
    code: c.frozen.code,
    indicator: c.frozen.indicator,
    period: c.frozen.period,
    frozenAt: c.frozen.frozenAt,
    old: c.frozen.value,
    new: c.now,
  }));
}
