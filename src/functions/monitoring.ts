/**
 * KPI.AT_RISK: the status of a KPI at an intermediate monitoring date (src/core/monitoring.ts),
 * as the words the *Relazione* uses. The words are Italian in every Excel language: they are
 * the plan's own (in linea, a rischio, non raggiungibile: the vocabulary's, src/core/vocabulary.ts),
 * like the targets the functions read.
 */
import { isBlankCell, isKpiError, judgeAtDate, kpiError, monthDay, parseDateText, serialToDate, statusWord } from "../core";
import { cell, condition, measured } from "./coerce";
import { raise } from "./excel-errors";

/** The monitoring date as year and `MM-DD`, from an Excel date number or a text date. */
function monitoringDay(x: unknown): { year: number; date: string } {
  const v = cell(x);
  let serial: number | null = null;
  if (typeof v === "number" && Number.isFinite(v) && v >= 1) serial = Math.floor(v);
  else if (typeof v === "string") {
    const read = parseDateText(v.trim());
    if (read !== null && !isKpiError(read)) serial = read;
  }
  if (serial === null) return raise(kpiError("MONITORING_DATE_BAD", { text: v === null ? "" : String(v) }));
  const { y, m, d } = serialToDate(serial);
  return { year: y, date: monthDay(m, d) };
}

function ruleOf(x: unknown): "linear" | "none" {
  const v = cell(x);
  if (isBlankCell(v)) return "linear";
  const t = String(v).trim().toLowerCase();
  if (t === "lineare" || t === "linear") return "linear";
  if (t === "nessuno" || t === "nessuna" || t === "none") return "none";
  return raise(kpiError("MONITORING_RULE_BAD", { text: String(v).trim() }));
}

/**
 * @example atRiskText(90, ">= 200", "30/06/2026") // "a rischio" (expected 200 × 181/365 = 99.18)
 */
export function atRiskText(value: unknown, target: unknown, date: unknown, rule?: unknown): string {
  const period = monitoringDay(date);
  const c = condition(target, period.year);
  const v = cell(value);
  // A deadline not done yet is blank: judged by the date.
  const measuredValue = c.unit === "date" && isBlankCell(v) ? null : measured(value, c);
  return statusWord(judgeAtDate(measuredValue, c, null, period, { monitoring: ruleOf(rule) }).status, "it");
}
