import {
  type Condition,
  describe,
  formatCondition,
  type KpiResult,
  type Lang,
  parseA1,
  type Period,
  type Problem,
  serialToItalian,
  type ValidationReport,
  type WeightGroup,
} from "../core";
import { fmt, formatNumber, type Strings } from "./i18n";

/**
 * What the pane shows for a validation report, computed once per report (never per item
 * or per render): the summary, and the results grouped into sections, each item with the
 * cell it leads to. Pure: no DOM, no Office.
 */

export type SectionId = "weights" | "badWeights" | "targets" | "values" | "frozen" | "missing" | "unmet" | "reasons" | "met" | "unreachable" | "atRisk" | "onTrack" | "other";
export type Tone = "error" | "warning" | "unmet" | "met" | "missing" | "at_risk" | "info";

export interface ItemView {
  /** Stable key within the report (for tests and focus). */
  readonly key: string;
  /** The owner's code (`A.1.2`), when the item is about a KPI row with one. */
  readonly code: string | null;
  readonly title: string;
  readonly detail: string;
  /** Where the link goes; `null` for a notice that has no cell. */
  readonly sheet: string | null;
  readonly address: string | null;
  /** `Sheet!A1` as shown (plain text, sheet names are never HTML). */
  readonly where: string | null;
}

export interface SectionView {
  readonly id: SectionId;
  readonly title: string;
  readonly tone: Tone;
  readonly count: number;
  /**
   * Items `start` to `end` (exclusive), made on demand: a workbook of 50,000 KPIs has
   * 50,000 items, of which the pane shows a page at a time.
   */
  slice(start: number, end: number): ItemView[];
  /** Open by default: problems and unmet targets; met targets start collapsed. */
  readonly open: boolean;
}

/** A section over a list of source records, each turned into an item only when shown. */
export function lazySection<T>(
  head: Omit<SectionView, "count" | "slice">,
  records: readonly T[],
  toItem: (record: T, index: number) => ItemView,
): SectionView {
  return { ...head, count: records.length, slice: (start, end) => records.slice(start, end).map((r, i) => toItem(r, start + i)) };
}

/** Every item of a section (for tests and small sections). */
export function allItems(section: SectionView): ItemView[] {
  return section.slice(0, section.count);
}

export interface SummaryView {
  readonly year: number | null;
  readonly years: readonly number[];
  /** The period checked (a monitoring date or a year end) and every period the selector lists. */
  readonly period: Period | null;
  readonly periods: readonly Period[];
  /** At a monitoring date only (0 at a year end). */
  readonly onTrack: number;
  readonly atRisk: number;
  readonly unreachable: number;
  readonly rows: number;
  readonly tables: number;
  readonly groups: number;
  readonly groupsBad: number;
  readonly met: number;
  readonly unmet: number;
  readonly missing: number;
  readonly noTarget: number;
  readonly invalid: number;
}

export interface ReportView {
  readonly summary: SummaryView;
  readonly sections: readonly SectionView[];
  /** True when no weight, target or value problem was found. */
  readonly clean: boolean;
}

const WEIGHT_CODES = new Set(["WEIGHT_BLANK", "WEIGHT_NEGATIVE", "WEIGHT_NOT_NUMBER"]);
/** Values edited after their freeze (sheet Storico): a section of their own. */
const FROZEN_CODES = new Set(["FROZEN_VALUE_CHANGED", "FROZEN_CELL_GONE", "FROZEN_SHEET_GONE"]);
/** Problems already shown through the KPI statuses or the groups. */
const SHOWN_ELSEWHERE = new Set(["VALUE_MISSING", "WEIGHTS_SUM"]);

/** First cell of an A1 address or range (`E2:E6` -> `E2`). */
function firstCell(address: string): string {
  return address.split(":")[0];
}

/** The value as the user reads it: a date for deadlines, a percentage for percent targets. */
export function formatValue(value: number, target: Condition | null, lang: Lang): string {
  if (target?.unit === "date") return serialToItalian(value);
  const n = formatNumber(value, lang);
  return target?.unit === "percent" ? `${n}%` : n;
}

function location(sheet: string, address: string): string {
  return `${sheet}!${address}`;
}

function kpiItem(k: KpiResult, strings: Strings, lang: Lang): ItemView {
  const target = k.target ? formatCondition(k.target) : "";
  let detail: string;
  if (k.status === "missing") {
    detail = k.target ? fmt(strings.kpiMissing, { target }) : strings.kpiMissingNoTarget;
  } else {
    detail = fmt(strings.kpiResult, { value: k.value === null ? "" : formatValue(k.value, k.target, lang), target });
    if (k.achievement !== null && k.status === "unmet") {
      detail += ` · ${fmt(strings.kpiAchievement, { pct: formatNumber(k.achievement, lang, 1) })}`;
    }
    // A deadline not done yet at a monitoring date has no value: it is judged by the date.
    if (k.value === null) detail = fmt(strings.kpiNotDone, { target });
    if (k.expected !== undefined) detail += ` · ${fmt(strings.kpiExpected, { expected: formatNumber(k.expected, lang, 2) })}`;
  }
  const address = k.valueCell ?? k.targetCell;
  return {
    key: `${k.status}:${k.sheet}!${address}`,
    code: k.owner,
    title: k.indicator,
    detail,
    sheet: k.sheet,
    address,
    where: location(k.sheet, address),
  };
}

/**
 * The pane's model of a report.
 * @example buildReportView(report, it, "it").sections.find((s) => s.id === "unmet")?.items.length
 */
export function buildReportView(report: ValidationReport, strings: Strings, lang: Lang): ReportView {
  // Indexes of the KPI rows, built only if a problem needs them (most reports have few).
  let index: { byRow: Map<string, KpiResult>; targetCells: Set<string>; valueCells: Set<string> } | null = null;
  const kpiIndex = () => {
    if (!index) {
      index = { byRow: new Map(), targetCells: new Set(), valueCells: new Set() };
      for (const k of report.kpis) {
        index.byRow.set(`${k.sheet}\u0000${k.row}`, k);
        index.targetCells.add(`${k.sheet}\u0000${k.targetCell}`);
        if (k.valueCell) index.valueCells.add(`${k.sheet}\u0000${k.valueCell}`);
      }
    }
    return index;
  };
  const kpiAt = (p: Problem): KpiResult | undefined => {
    if (!p.sheet || !p.cell) return undefined;
    const at = parseA1(firstCell(p.cell));
    return at ? kpiIndex().byRow.get(`${p.sheet}\u0000${at.row + 1}`) : undefined;
  };

  const problemItem = (p: Problem, i: number): ItemView => {
    const k = kpiAt(p);
    const address = p.cell ?? null;
    return {
      key: `${p.code}:${p.sheet ?? ""}!${p.cell ?? i}`,
      code: k?.owner ?? null,
      title: k ? k.indicator || describe(p, lang) : describe(p, lang),
      detail: k ? describe(p, lang) : "",
      sheet: p.sheet ?? null,
      address,
      where: p.sheet && address ? location(p.sheet, address) : null,
    };
  };

  const badWeights: ItemView[] = [];
  const targets: ItemView[] = [];
  const values: ItemView[] = [];
  const other: ItemView[] = [];
  const frozen: ItemView[] = [];
  /** Targets not met without a Motivazione scostamento: listed under their own heading. */
  const reasons: ItemView[] = [];
  const sums: Problem[] = [];
  report.problems.forEach((p, i) => {
    if (p.code === "WEIGHTS_SUM") sums.push(p);
    if (SHOWN_ELSEWHERE.has(p.code)) return;
    const cellKey = `${p.sheet ?? ""}\u0000${p.cell ?? ""}`;
    if (FROZEN_CODES.has(p.code)) frozen.push(problemItem(p, i));
    else if (p.code === "REASON_MISSING") reasons.push(problemItem(p, i));
    else if (WEIGHT_CODES.has(p.code)) badWeights.push(problemItem(p, i));
    else if (p.code === "TARGET_BLANK" || kpiIndex().targetCells.has(cellKey)) targets.push(problemItem(p, i));
    else if (kpiIndex().valueCells.has(cellKey)) values.push(problemItem(p, i));
    else other.push(problemItem(p, i));
  });

  const bad = report.groups.filter((g) => !g.ok);
  // "Not adding up" lists the groups whose readable weights miss the total; a group that is
  // not ok only because of an unreadable weight is shown under the invalid weights instead.
  // The engine's WEIGHTS_SUM problem holds the group's weight cells; it has none for a group
  // with an unreadable weight, whose sum cannot be judged yet (listed once, as the bad weight).
  const sumProblemOf = (g: WeightGroup): Problem | undefined =>
    sums.find((s) => {
      if (s.sheet !== g.sheet || !s.cell) return false;
      const at = parseA1(firstCell(s.cell));
      return at !== null && g.rows.includes(at.row + 1);
    });
  const offSum = bad.filter((g) => Math.abs(g.difference) > 1e-9 && sumProblemOf(g) !== undefined);
  const groupItem = (g: WeightGroup, i: number): ItemView => {
    const p = sumProblemOf(g);
    const first = Math.min(...g.rows);
    const last = Math.max(...g.rows);
    const address = p?.cell ?? `${first}:${last}`;
    return {
      key: `group:${g.sheet}!${first}:${i}`,
      code: g.owner ?? strings.groupTable,
      title: fmt(strings.groupTitle, {
        sum: formatNumber(g.weightSum, lang),
        // `difference` is expected - sum: below 0 the weights are too many.
        gap: fmt(g.difference < 0 ? strings.groupOver : strings.groupUnder, { amount: formatNumber(Math.abs(g.difference), lang) }),
      }),
      detail: `${g.sheet} · ${fmt(first === last ? strings.groupRow : strings.groupRows, { first, last })}`,
      sheet: g.sheet,
      address,
      where: location(g.sheet, address),
    };
  };

  const atDate = report.period?.date != null;
  const byStatus = (status: KpiResult["status"]) => report.kpis.filter((k) => k.status === status);
  const kpiToItem = (k: KpiResult) => kpiItem(k, strings, lang);
  const asIs = (item: ItemView) => item;

  const sections: SectionView[] = [
    lazySection({ id: "weights", title: strings.secWeights, tone: "error", open: true }, offSum, groupItem),
    lazySection({ id: "badWeights", title: strings.secBadWeights, tone: "error", open: true }, badWeights, asIs),
    lazySection({ id: "targets", title: strings.secTargets, tone: "error", open: true }, targets, asIs),
    lazySection({ id: "values", title: strings.secValues, tone: "warning", open: true }, values, asIs),
    lazySection({ id: "frozen", title: strings.secFrozen, tone: "warning", open: true }, frozen, asIs),
    lazySection({ id: "missing", title: strings.secMissing, tone: "missing", open: true }, byStatus("missing"), kpiToItem),
    lazySection({ id: "unmet", title: strings.secUnmet, tone: "unmet", open: true }, byStatus("unmet"), kpiToItem),
    lazySection({ id: "reasons", title: strings.secReasons, tone: "warning", open: true }, reasons, asIs),
    // At a monitoring date only: a year end has none of these statuses.
    ...(atDate
      ? [
          lazySection({ id: "unreachable", title: strings.secUnreachable, tone: "unmet", open: true }, byStatus("unreachable"), kpiToItem),
          lazySection({ id: "atRisk", title: strings.secAtRisk, tone: "at_risk", open: true }, byStatus("at_risk"), kpiToItem),
          lazySection({ id: "onTrack", title: strings.secOnTrack, tone: "met", open: false }, byStatus("on_track"), kpiToItem),
        ]
      : []),
    lazySection({ id: "met", title: strings.secMet, tone: "met", open: false }, byStatus("met"), kpiToItem),
    lazySection({ id: "other", title: strings.secOther, tone: "info", open: true }, other, asIs),
  ];

  const s = report.summary;
  return {
    summary: {
      year: report.year,
      years: report.years,
      period: report.period ?? null,
      periods: report.periods ?? [],
      onTrack: s.onTrack ?? 0,
      atRisk: s.atRisk ?? 0,
      unreachable: s.unreachable ?? 0,
      rows: s.rows,
      tables: s.tables,
      groups: report.groups.length,
      groupsBad: bad.length,
      met: s.met,
      unmet: s.unmet,
      missing: s.missing,
      noTarget: s.noTarget,
      invalid: s.invalid,
    },
    sections,
    clean: bad.length === 0 && badWeights.length === 0 && targets.length === 0 && values.length === 0,
  };
}

/** How many items a section shows before "show more", and how many each click adds. */
export const PAGE = 100;
