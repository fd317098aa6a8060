import {
  type Condition,
  describe,
  formatNumberIt,
  type KpiResult,
  type Lang,
  missingReason,
  type ParsedPlan,
  type Period,
  type Problem,
  periodKey,
  periodLabel,
  roundHalfUp,
  serialToIso,
  serialToItalian,
  sheetRef,
  type TargetEntry,
  type Unit,
  type ValidationReport,
} from "../core";
import { CLI_TEXT } from "./i18n";
import { LIMITS } from "./limits";

// ------------------------------------------------------------------ JSON

/** A number or date as the JSON outputs write it: dates `yyyy-mm-dd`, percentages the number before `%`. */
function jsonValue(value: number, unit: Unit): number | string {
  return unit === "date" ? serialToIso(value) : value;
}

/** `{op, value, unit}` of a condition for JSON. */
export function conditionJson(c: Condition): { op: string; value: number | string; unit: Unit } {
  return { op: c.op, value: jsonValue(c.value, c.unit), unit: c.unit };
}

/**
 * The `kpi check --json` document:
 * `{year, years, groups: [{owner, sheet, weightSum, ok}], kpis: [{sheet, row, owner, indicator,
 * weight, target: {op, value, unit} | null, value, status, achievement, reason}], problems: [{severity,
 * code, sheet, cell, message}], summary}`. Achievements are rounded to 2 decimals.
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

function targetEntryJson(e: TargetEntry): { year: number | null; op: string | null; value: number | string | null; unit: Unit | null } {
  if (!e.condition) return { year: e.year, op: null, value: null, unit: null };
  return { year: e.year, ...conditionJson(e.condition) };
}

/**
 * The `kpi import --json` document:
 * `{nodes: [{code, kind, title, parent, units}], kpis: [{owner, indicator, algorithm,
 * algorithmKind, weight, baseline, target, targets: [{year, op, value, unit}]}], problems:
 * [{severity, code, line, message}], years}`. A year without a target (`Anno: 2023 ---`) is
 * an entry with `op`, `value` and `unit` null.
 */
export function planJson(plan: ParsedPlan, lang: Lang): unknown {
  return {
    nodes: plan.nodes.map((n) => ({ code: n.code, kind: n.kind, title: n.title, parent: n.parent, units: [...n.units] })),
    kpis: plan.kpis.map((k) => ({
      owner: k.owner,
      indicator: k.indicator,
      algorithm: k.algorithm,
      algorithmKind: k.algorithmKind,
      weight: k.weight,
      baseline: k.baseline,
      target: k.target,
      targets: k.targets.map(targetEntryJson),
    })),
    problems: plan.problems.map((p) => ({ severity: p.severity, code: p.code, line: p.line ?? null, message: describe(p, lang) })),
    years: plan.years,
  };
}

// ------------------------------------------------------------------ text

function num(n: number, lang: Lang, decimals = 2): string {
  const r = roundHalfUp(n, decimals);
  return lang === "it" ? formatNumberIt(r) : String(r);
}

function shown(value: number, unit: Unit, lang: Lang): string {
  if (unit === "date") return serialToItalian(value);
  return `${num(value, lang)}${unit === "percent" ? "%" : ""}`;
}

function conditionText(c: Condition, lang: Lang): string {
  return `${c.op} ${shown(c.value, c.unit, lang)}`;
}

function clip(text: string, max = 70): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** "4-7", or "4, 9, 12" when the rows are not consecutive. */
function rowsText(rows: readonly number[]): string {
  if (rows.length === 0) return "";
  const consecutive = rows.every((r, i) => i === 0 || r === rows[i - 1] + 1);
  if (consecutive) return rows.length === 1 ? String(rows[0]) : `${rows[0]}-${rows[rows.length - 1]}`;
  return rows.join(", ");
}

/**
 * The readable report of `kpi check`: the year, weight groups, problems, targets not met,
 * met and missing values, and a summary line.
 */
export function checkText(report: ValidationReport, file: string, lang: Lang): string {
  const t = CLI_TEXT[lang];
  const out: string[] = [];
  const errors = report.problems.filter((p) => p.severity === "error").length;
  const warnings = report.problems.length - errors;
  const atDate = report.period !== null && report.period.date !== null;
  out.push(t.reportTitle(file), t.year(report.year, report.years));
  if (atDate) out.push(t.period(periodLabel(report.period as Period), report.periods.map(periodLabel)));
  out.push(t.counts(report.summary.tables, report.summary.rows, report.groups.length), "");

  const bad = report.groups.filter((g) => !g.ok).length;
  out.push(t.groupsTitle(report.groups.length, bad));
  // Loops, not Math.max(...list): a spread of 125,000 arguments overflows the stack.
  const ownerWidth = maxOf(report.groups, (g) => (g.owner ?? t.noOwner).length, 4);
  for (const g of report.groups) {
    const where = `${g.sheet} ${t.rows(rowsText(g.rows))}`;
    const expected = Math.abs(g.weightSum - 1) <= 0.5 ? 1 : 100;
    const sum = t.sum(num(g.weightSum, lang, 4), expected);
    // `difference` is expected - sum: below 0 the weights are too many.
    const diff = g.ok || Math.abs(g.difference) < 1e-9 ? "" : ` (${t.gap(num(Math.abs(g.difference), lang, 4), g.difference < 0)})`;
    out.push(`  ${(g.ok ? t.groupOk : t.groupBad).padEnd(3)} ${(g.owner ?? t.noOwner).padEnd(ownerWidth)}  ${sum}${diff}  [${where}]`);
  }
  out.push("");

  // Missing values have their own list below; the problems list keeps everything else.
  const listed = report.problems.filter((p) => p.code !== "VALUE_MISSING");
  const listedErrors = listed.filter((p) => p.severity === "error").length;
  out.push(t.problemsTitle(listedErrors, listed.length - listedErrors, report.problems.length - listed.length));
  if (listed.length === 0) out.push(t.noProblems);
  // Errors first; at most LIMITS.listedProblems lines, the rest counted (the JSON has them all).
  const sorted = [...listed].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  for (const p of sorted.slice(0, LIMITS.listedProblems)) {
    const where = p.sheet !== undefined && p.cell !== undefined ? sheetRef(p.sheet, p.cell) : "";
    out.push(`  ${t.severity[p.severity].padEnd(7)} ${where.padEnd(12)} ${describe(p, lang)}`);
  }
  if (sorted.length > LIMITS.listedProblems) out.push(t.moreProblems(sorted.length - LIMITS.listedProblems));
  out.push("");

  const ownerPad = maxOf(report.kpis, (k) => (k.owner ?? "").length, 0);
  const whereOf = (k: KpiResult) => sheetRef(k.sheet, k.valueCell ?? k.targetCell);
  const wherePad = maxOf(report.kpis, (k) => whereOf(k).length, 10);
  const list = (title: string, kpis: readonly KpiResult[], detail: ((k: KpiResult) => string) | null) => {
    out.push(title);
    for (const k of kpis) {
      const owner = ownerPad > 0 ? `${(k.owner ?? "").padEnd(ownerPad)}  ` : "";
      const head = `  ${whereOf(k).padEnd(wherePad)}  ${owner}${clip(k.indicator)}`;
      if (detail) out.push(head, `  ${"".padEnd(wherePad)}  ${owner.replace(/./g, " ")}${detail(k)}`);
      else out.push(`${head}  (${t.kpiMissing(k.target ? conditionText(k.target, lang) : "---")})`);
    }
    out.push("");
  };
  const withValue = (k: KpiResult) => {
    const c = k.target as Condition;
    return t.kpiLine(shown(k.value as number, c.unit, lang), conditionText(c, lang), `${num(k.achievement ?? 0, lang)}%`);
  };
  // A target not met shows its reason (Motivazione scostamento), or says it is missing, where the table has that column.
  const withReason = (k: KpiResult) => {
    if (!k.reasonCell) return withValue(k);
    return `${withValue(k)} · ${missingReason(k) ? t.kpiReasonMissing : t.kpiReason(clip(k.reason as string, 120))}`;
  };
  if (atDate) {
    // At a monitoring date: the KPIs that can no longer be met, those at risk, those on track.
    const judged = (k: KpiResult) =>
      k.value === null ? t.kpiNotDone(conditionText(k.target as Condition, lang)) : withValue(k) + (k.expected === undefined ? "" : ` · ${t.expected(num(k.expected, lang))}`);
    list(t.unreachableTitle(report.summary.unreachable ?? 0), report.kpis.filter((k) => k.status === "unreachable"), judged);
    list(t.atRiskTitle(report.summary.atRisk ?? 0), report.kpis.filter((k) => k.status === "at_risk"), judged);
    list(t.onTrackTitle(report.summary.onTrack ?? 0), report.kpis.filter((k) => k.status === "on_track"), judged);
  }
  list(t.unmetTitle(report.summary.unmet), report.kpis.filter((k) => k.status === "unmet"), withReason);
  list(t.metTitle(report.summary.met), report.kpis.filter((k) => k.status === "met"), withValue);
  list(t.missingTitle(report.summary.missing), report.kpis.filter((k) => k.status === "missing"), null);

  out.push(t.summary(report.summary, errors, warnings));
  return out.join("\n") + "\n";
}

/** The largest `measure` of a list, at least `floor`. */
function maxOf<T>(list: readonly T[], measure: (x: T) => number, floor: number): number {
  let max = floor;
  for (const x of list) max = Math.max(max, measure(x));
  return max;
}

/** The readable summary of `kpi import`: counts, years and every problem with its line. */
export function planText(plan: ParsedPlan, lang: Lang): string {
  const t = CLI_TEXT[lang];
  const counts: Record<string, number> = {};
  for (const n of plan.nodes) counts[n.kind] = (counts[n.kind] ?? 0) + 1;
  const out = [t.imported(plan.nodes.length, plan.kpis.length, plan.problems.length), t.nodeCounts(counts), t.planYears(plan.years)];
  for (const p of plan.problems.slice(0, LIMITS.listedProblems)) {
    out.push(`  ${t.severity[p.severity].padEnd(7)} ${t.line(p.line).padEnd(10)} ${describe(p, lang)}`);
  }
  if (plan.problems.length > LIMITS.listedProblems) out.push(t.moreProblems(plan.problems.length - LIMITS.listedProblems));
  return out.join("\n") + "\n";
}
