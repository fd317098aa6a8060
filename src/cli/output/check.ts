import {
  type Condition,
  formatNumberIt,
  type KpiResult,
  type Lang,
  missingReason,
  type Period,
  periodLabel,
  roundHalfUp,
  serialToItalian,
  sheetRef,
  type Unit,
  type ValidationReport,
} from "../../core";
import { CLI_TEXT } from "../i18n";
import { problemLines } from "./problem-lines";

/** The readable report `kpi check` prints (its JSON is ./check-json.ts). */

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
 * @example checkText(report, "piano.xlsx", "it").split("\n")[0] // "Controllo KPI: piano.xlsx"
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
  out.push(...problemLines(sorted, (p) => (p.sheet !== undefined && p.cell !== undefined ? sheetRef(p.sheet, p.cell) : ""), 12, lang));
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
