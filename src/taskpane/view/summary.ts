import { type Lang, MARK_KINDS, MARK_STYLES, type MarkKind, periodLabel } from "../../core";
import { fmt, formatNumber, type Strings } from "../i18n";
import type { SummaryView } from "../view-model";
import { h } from "./dom";

/**
 * The counts after a Validate: the three outcomes as tiles in the colours used on the sheet
 * (so the tiles read as a key too), then the other counts as a compact list.
 */
export function renderSummary(s: SummaryView, strings: Strings, lang: Lang): HTMLElement[] {
  const tile = (id: string, tone: string, label: string, value: number) =>
    h("div", { class: `outcome outcome-${tone}`, "data-stat": id }, h("dt", { class: "outcome-label" }, label), h("dd", { class: "outcome-count" }, formatNumber(value, lang)));
  const fact = (id: string, label: string, value: number, alert = false) =>
    h("div", { class: `fact${alert && value > 0 ? " fact-alert" : ""}`, "data-stat": id }, h("dt", {}, label), h("dd", {}, formatNumber(value, lang)));
  return [
    h(
      "dl",
      { class: "outcomes" },
      tile("unmet", "unmet", strings.sumUnmet, s.unmet),
      tile("met", "met", strings.sumMet, s.met),
      tile("missing", "missing", strings.sumMissing, s.missing),
      // At a monitoring date: the three statuses of the date, in the colours of their marks.
      ...(s.period?.date != null
        ? [
            tile("unreachable", "unmet", strings.sumUnreachable, s.unreachable),
            tile("atRisk", "at_risk", strings.sumAtRisk, s.atRisk),
            tile("onTrack", "met", strings.sumOnTrack, s.onTrack),
          ]
        : []),
    ),
    h(
      "dl",
      { class: "facts" },
      fact("rows", strings.sumRows, s.rows),
      fact("tables", strings.sumTables, s.tables),
      fact("groups", strings.sumGroups, s.groups),
      fact("groupsBad", strings.sumGroupsBad, s.groupsBad, true),
      fact("invalid", strings.sumInvalid, s.invalid, true),
      fact("noTarget", strings.sumNoTarget, s.noTarget),
    ),
  ];
}

/** The year line of the summary's header. */
export function yearLine(s: SummaryView, strings: Strings): string {
  if (s.period?.date != null) return fmt(strings.summaryPeriod, { date: periodLabel(s.period) });
  return s.year === null ? strings.summaryNoYear : fmt(strings.summaryYear, { year: s.year });
}

/**
 * The three mark colours with their meaning in words (colour is never the only cue): the
 * palette and the words of src/core/marks.ts, the same as the CLI's; the swatches' colours
 * come from taskpane.css (`--mark-*`), which a test keeps equal to the palette.
 */
export function renderLegend(lang: Lang): HTMLElement {
  const entry = (kind: MarkKind) =>
    h(
      "li",
      { class: "legend-entry", "data-kind": kind },
      h("span", { class: `swatch swatch-${kind}`, "aria-hidden": "true" }, "123"),
      h("span", {}, MARK_STYLES[kind].label[lang]),
    );
  return h("ul", { class: "legend-list" }, ...MARK_KINDS.map(entry));
}
