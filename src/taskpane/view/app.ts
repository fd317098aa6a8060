import { type Lang, parsePeriod, type Period, periodKey, periodLabel } from "../../core";
import type { Controller } from "../controller";
import { fmt, type Strings } from "../i18n";
import type { Failure, Notice, PaneState } from "../state";
import type { ReportView } from "../view-model";
import { h, replace, uid } from "./dom";
import { renderFreezeCard } from "./freeze";
import { renderImport } from "./import";
import { renderResults } from "./results";
import { renderLegend, renderSummary, yearLine } from "./summary";
import { renderTreeCard } from "./tree";
import type { TreeView } from "../tree-model";

/**
 * The pane's layout and its update from state. Regions are rebuilt only when their part of
 * the state changes: the (possibly long) result list only when a new report arrives, the
 * progress line on every phase.
 */
export interface App {
  update(state: PaneState): void;
}

function noticeLines(notice: Notice): HTMLElement {
  return h("div", { class: `notice notice-${notice.tone}` }, ...notice.lines.map((l) => h("p", {}, l)));
}

function failureBox(f: Failure, strings: Strings, onDismiss: (() => void) | null): HTMLElement {
  const close = onDismiss ? h("button", { type: "button", class: "btn btn-subtle alert-close", "aria-label": strings.dismiss }, "×") : null;
  close?.addEventListener("click", onDismiss!);
  return h("div", { class: "alert-body" }, h("p", { class: "alert-message" }, f.message), h("p", { class: "alert-code" }, strings.errCode.replace("{code}", f.code)), close);
}

/** An option of the period selector: `al 30/06/2026`, `2026 (fine anno)`, or `2026` when no year has dates. */
function periodText(p: Period, dated: boolean, strings: Strings): string {
  if (p.date !== null) return fmt(strings.periodDate, { date: periodLabel(p) });
  return dated ? fmt(strings.periodYearEnd, { year: p.year }) : String(p.year);
}

export function mountApp(root: HTMLElement, strings: Strings, lang: Lang, actions: Controller): App {
  const yearId = uid("year");
  const yearLabel = h("label", { for: yearId, class: "label" }, strings.yearLabel);
  const year = h("select", { id: yearId, class: "select", disabled: true }, h("option", { value: "" }, strings.yearAuto));
  const validate = h("button", { type: "button", class: "btn btn-primary", id: "validate" }, strings.validate);
  const clear = h("button", { type: "button", class: "btn btn-secondary", id: "clear" }, strings.clear);
  validate.addEventListener("click", () => void actions.validate());
  clear.addEventListener("click", () => void actions.clear());
  // The period selector: a year end ("2026") or a monitoring date ("2026-06-30").
  year.addEventListener("change", () => void actions.validate(year.value === "" ? null : /^\d{4}$/.test(year.value) ? Number(year.value) : parsePeriod(year.value)));

  const progress = h("progress", { class: "progress", hidden: true });
  const statusText = h("p", { class: "status-text" }, strings.ready);
  const status = h("div", { class: "status", role: "status", "aria-live": "polite" }, progress, statusText);
  const alert = h("div", { class: "alert", role: "alert" });

  const summaryTitle = uid("summary-title");
  const summaryBody = h("div", { class: "summary-body" });
  const yearChecked = h("p", { class: "year-checked" });
  const summary = h(
    "section",
    { class: "card summary", "aria-labelledby": summaryTitle, hidden: true },
    h("div", { class: "card-header" }, h("h2", { id: summaryTitle, class: "card-title" }, strings.summaryTitle), yearChecked),
    summaryBody,
  );
  const legendTitle = uid("legend-title");
  const legend = h("section", { class: "card legend", "aria-labelledby": legendTitle }, h("h2", { id: legendTitle, class: "card-title" }, strings.legendTitle), renderLegend(lang));
  const resultsTitle = uid("results-title");
  const resultsBody = h("div", { class: "results-body" });
  const results = h("section", { class: "card results", "aria-labelledby": resultsTitle, hidden: true }, h("h2", { id: resultsTitle, class: "card-title" }, strings.resultsTitle), resultsBody);
  const importForm = renderImport(strings, (text) => void actions.importPlan(text));
  const freeze = renderFreezeCard(strings, () => void actions.freeze());
  const tree = renderTreeCard(strings, lang, (sheet, address) => void actions.goTo(sheet, address), () => void actions.summary(), () => void actions.units());

  replace(
    root,
    h("header", { class: "app-header" }, h("h1", { class: "app-title" }, strings.appTitle), h("p", { class: "app-intro" }, strings.appIntro)),
    h(
      "div",
      { class: "toolbar" },
      h("div", { class: "field" }, yearLabel, year),
      h("div", { class: "actions" }, validate, clear),
    ),
    status,
    alert,
    summary,
    tree.element,
    freeze.element,
    legend,
    results,
    importForm.element,
  );
  root.removeAttribute("aria-busy");

  let shownView: ReportView | null = null;
  let shownTree: TreeView | null = null;
  let shownYears = "";
  let wasBusy = false;
  let focusBefore: Element | null = null;
  return {
    update(state) {
      const busy = state.busy !== null;
      // A disabled button loses the keyboard focus: give it back when the action ends.
      if (busy && !wasBusy) focusBefore = document.activeElement;
      for (const b of [validate, clear, importForm.button, tree.button, tree.unitsButton, ...freeze.buttons]) b.disabled = busy;
      // The period a freeze takes: the one shown (the year of the last report), else the default.
      const shownYear = state.view?.summary.year ?? state.year;
      freeze.setPeriod(shownYear === null ? strings.freezePeriodAuto : String(shownYear));
      // aria-busy only on the region being rebuilt: on the root it would also hold back the
      // progress announcements of the status line. data-busy is for styling and tests.
      root.setAttribute("data-busy", busy ? "true" : "false");
      results.setAttribute("aria-busy", busy ? "true" : "false");
      tree.element.setAttribute("aria-busy", busy ? "true" : "false");

      // progress and the outcome of the last action
      if (state.busy) {
        progress.hidden = false;
        if (state.busy.total !== undefined && state.busy.done !== undefined) {
          progress.max = state.busy.total;
          progress.value = state.busy.done;
        } else {
          progress.removeAttribute("value");
        }
        replace(statusText, state.busy.text);
        statusText.className = "status-text";
      } else {
        progress.hidden = true;
        if (state.notice) replace(statusText, noticeLines(state.notice));
        else replace(statusText, state.view ? "" : strings.ready);
      }
      if (state.error) replace(alert, failureBox(state.error, strings, actions.dismissError));
      else replace(alert);

      // the period selector: the report's periods (each year's monitoring dates, then its end),
      // the period checked selected; a workbook without dates lists its years as before
      const periods = state.view ? state.view.summary.periods : [];
      const keys = periods.map(periodKey).join(",");
      if (keys !== shownYears) {
        shownYears = keys;
        const dated = periods.some((p) => p.date !== null);
        replace(yearLabel, dated ? strings.periodLabel : strings.yearLabel);
        const opts = periods.length > 0
          ? periods.map((p) => h("option", { value: periodKey(p) }, periodText(p, dated, strings)))
          : [h("option", { value: "" }, strings.yearAuto)];
        replace(year, ...opts);
      }
      if (state.view) {
        const s = state.view.summary;
        year.value = s.period ? periodKey(s.period) : s.year === null ? "" : String(s.year);
      }
      year.disabled = busy || !state.view || periods.length === 0;

      // the report (rebuilt only for a new one)
      if (state.view !== shownView) {
        shownView = state.view;
        summary.hidden = results.hidden = state.view === null;
        if (state.view) {
          replace(yearChecked, yearLine(state.view.summary, strings));
          replace(summaryBody, ...renderSummary(state.view.summary, strings, lang));
          replace(resultsBody, ...renderResults(state.view, strings, lang, (sheet, address) => void actions.goTo(sheet, address)));
        }
      }

      if (state.tree !== shownTree) {
        shownTree = state.tree;
        tree.update(state.tree);
      }

      if (!busy && wasBusy) {
        const lost = document.activeElement === null || document.activeElement === document.body;
        if (lost && focusBefore instanceof HTMLElement && focusBefore.isConnected) focusBefore.focus();
        focusBefore = null;
      }
      wasBusy = busy;

      // the import outcome
      replace(
        importForm.result,
        state.importNotice ? noticeLines(state.importNotice) : null,
        state.importError ? h("div", { class: "alert-inline", role: "alert" }, failureBox(state.importError, strings, null)) : null,
      );
    },
  };
}
