import { buildWorkbook, describe, freezeStamp, frozenAtText, type Lang, parsePlan, type Period } from "../core";
import { clearMarks } from "../excel/actions/clear";
import { freezeMonitoring, FreezeRefused } from "../excel/actions/freeze";
import { importWorkbook, ImportError } from "../excel/actions/import";
import { SummaryError, type SummaryOutcome, type SummaryPhase } from "../excel/actions/own-sheet";
import { selectRange } from "../excel/actions/select";
import { buildSummary } from "../excel/actions/summary";
import { buildUnitSheet } from "../excel/actions/unit-sheet";
import { runValidate, type ValidatePhase } from "../excel/actions/validate";
import { nextTick, type ExcelHost } from "../excel/host";
import { classifyHostError } from "../excel/host-errors";
import { describeHostError } from "./host-error-text";
import type { MarkOutcome } from "../excel/marks";
import { countText, fmt, formatNumber, type Strings } from "./i18n";
import type { Action, Failure, Notice, Store } from "./state";
import { buildTreeView } from "./tree-model";
import { buildReportView } from "./view-model";

/**
 * The pane's actions: each is one `Excel.run` (through src/excel/) and one state change at
 * each phase, so the view can show progress; failures become words (./host-error-text.ts).
 * One action at a time: a second click while busy is ignored (the buttons are disabled too).
 */

export interface Controller {
  /**
   * Validates for a year (its end), a monitoring period (the period selector), or, with no
   * argument, what was asked last; `null` is the engine's default (the latest filled period).
   */
  validate(choice?: number | Period | null): Promise<void>;
  clear(): Promise<void>;
  /** Writes the `Riepilogo` sheet for the year shown (reading the workbook again). */
  summary(): Promise<void>;
  /** Freezes the values of the period shown into the hidden `Storico` sheet. */
  freeze(): Promise<void>;
  /** Writes the `Schede unità` sheet for the year shown (reading the workbook again). */
  units(): Promise<void>;
  goTo(sheet: string, address: string): Promise<void>;
  importPlan(text: string): Promise<void>;
  dismissError(): void;
}

export interface ControllerDeps {
  /** `null` outside Excel (a plain browser): every action explains that. */
  readonly host: ExcelHost | null;
  readonly store: Store;
  readonly strings: Strings;
  readonly lang: Lang;
  /** The clock a freeze reads (tests pass their own). */
  readonly now?: () => Date;
}

export function createController({ host, store, strings, lang, now = () => new Date() }: ControllerDeps): Controller {
  const failure = (error: unknown): Failure => {
    const p = describeHostError(error, strings);
    return { message: p.message, code: p.code };
  };
  const noExcel: Failure = { message: strings.errNoExcel, code: "NoExcel" };

  /** Runs an action unless another one is running; `busy` is cleared whatever happens. */
  async function exclusive(action: Action, text: string, body: (h: ExcelHost) => Promise<void>): Promise<void> {
    if (store.get().busy) return;
    if (!host) {
      store.set({ error: noExcel });
      return;
    }
    store.set({ busy: { action, text }, error: null });
    // Paint the busy state before the host call.
    await nextTick();
    try {
      await body(host);
    } finally {
      store.set({ busy: null });
    }
  }

  function marksNotice(marks: MarkOutcome): string[] {
    const lines: string[] = [];
    const total = marks.counts.met + marks.counts.unmet + marks.counts.missing + marks.counts.at_risk;
    if (marks.status === "unsupported") lines.push(strings.marksUnsupported);
    else if (marks.status === "rolledBack") lines.push(strings.marksRolledBack);
    else if (marks.status === "mayRemain") lines.push(strings.marksMayRemain);
    else lines.push(total > 0 ? fmt(strings.marksWritten, { count: formatNumber(total, lang) }) : strings.marksNone);
    if (marks.protectedSheets.length > 0) lines.push(fmt(strings.marksProtected, { sheets: marks.protectedSheets.join(", ") }));
    return lines;
  }

  /** The year shown in the pane (the one the tree is for): the sheets the pane writes are for it. */
  const sheetRequest = () => ({ year: store.get().view?.summary.year ?? store.get().year, lang });

  /**
   * Writes a sheet of the pane's own (Riepilogo, Schede unità) and shows the figures it was
   * built from: the sheet and the pane then agree, whatever was edited since the last check.
   */
  async function writeOwnSheet<T extends SummaryOutcome>(
    action: "summary" | "units",
    build: (h: ExcelHost, onPhase: (p: SummaryPhase) => void) => Promise<T>,
    texts: { readonly writing: string; readonly done: (out: T) => string; readonly rolledBack: string; readonly incomplete: string },
  ): Promise<void> {
    await exclusive(action, fmt(strings.phaseReading, { done: 0, total: 1 }), async (h) => {
      try {
        const out = await build(h, (p) => store.set({ busy: { action, ...phaseText(p, texts.writing) } }));
        store.set({
          report: out.report,
          view: buildReportView(out.report, strings, lang),
          tree: buildTreeView(out.rollup, out.report, out.treeSheet, out.rules, strings, lang),
          notice: { tone: out.sheet === null ? "warning" : "success", lines: [texts.done(out)] },
          error: null,
          hiddenSheets: out.sheets.filter((s) => !s.visible).map((s) => s.name),
        });
      } catch (e) {
        if (e instanceof SummaryError) {
          const line = e.rolledBack ? texts.rolledBack : fmt(texts.incomplete, { sheet: e.sheet });
          store.set({ notice: { tone: "warning", lines: [line] }, error: failure(e.cause) });
        } else {
          store.set({ error: failure(e) });
        }
      }
    });
  }

  function phaseText(p: ValidatePhase | SummaryPhase, writing = strings.phaseSummaryWriting): { text: string; done?: number; total?: number } {
    if (p.kind === "reading") {
      return { text: fmt(strings.phaseReading, { done: p.done, total: Math.max(p.total, p.done, 1) }), done: p.done, total: Math.max(p.total, 1) };
    }
    if (p.kind === "checking") return { text: strings.phaseChecking };
    return { text: p.kind === "marking" ? strings.phaseMarking : writing };
  }

  return {
    async validate(choice) {
      const asked = store.get();
      const period = choice === undefined ? asked.period : typeof choice === "object" && choice !== null ? choice : null;
      const wanted = choice === undefined ? asked.year : typeof choice === "number" ? choice : (period?.year ?? null);
      await exclusive("validate", fmt(strings.phaseReading, { done: 0, total: 1 }), async (h) => {
        try {
          const out = await runValidate(h, {
            year: wanted,
            period,
            onPhase: (p) => store.set({ busy: { action: "validate", ...phaseText(p) } }),
          });
          const view = buildReportView(out.report, strings, lang);
          const tree = buildTreeView(out.rollup, out.report, out.treeSheet, out.rules, strings, lang);
          const { rows, tables } = out.report.summary;
          const lines = [fmt(strings.doneValidate, { rows: countText(strings, "kpiRows", rows, lang), tables: countText(strings, "tables", tables, lang) }), ...marksNotice(out.marks)];
          const tone = out.marks.status === "written" ? "success" : "warning";
          store.set({
            report: out.report,
            view,
            tree,
            year: wanted,
            period,
            notice: { tone, lines },
            error: out.marks.error ? failure(out.marks.error) : null,
            hiddenSheets: out.sheets.filter((s) => !s.visible).map((s) => s.name),
          });
        } catch (e) {
          store.set({ error: failure(e) });
        }
      });
    },

    async clear() {
      await exclusive("clear", strings.phaseClearing, async (h) => {
        try {
          const out = await clearMarks(h);
          const lines: string[] = [];
          if (!out.supported) lines.push(strings.marksUnsupported);
          else lines.push(out.removed > 0 ? fmt(strings.doneClear, { count: out.removed }) : strings.doneClearNone);
          if (out.protectedSheets.length > 0) lines.push(fmt(strings.marksProtected, { sheets: out.protectedSheets.join(", ") }));
          const notice: Notice = { tone: out.protectedSheets.length > 0 ? "warning" : "success", lines };
          store.set({ notice });
        } catch (e) {
          store.set({ error: failure(e) });
        }
      });
    },

    async summary() {
      await writeOwnSheet("summary", (h, onPhase) => buildSummary(h, { ...sheetRequest(), onPhase }), {
        writing: strings.phaseSummaryWriting,
        done: (out) => (out.sheet === null ? strings.summaryNothing : fmt(out.replaced ? strings.summaryReplaced : strings.summaryDone, { sheet: out.sheet })),
        rolledBack: strings.summaryRolledBack,
        incomplete: strings.summaryIncomplete,
      });
    },

    async freeze() {
      // The period shown in the pane (the one the list is for), else the engine's default.
      const year = store.get().view?.summary.year ?? store.get().year;
      await exclusive("freeze", fmt(strings.phaseReading, { done: 0, total: 1 }), async (h) => {
        try {
          const frozenAt = freezeStamp(now());
          const out = await freezeMonitoring(h, {
            year,
            lang,
            frozenAt,
            onPhase: (p) => store.set({ busy: { action: "freeze", text: p === "writing" ? strings.phaseFreezeWriting : fmt(strings.phaseReading, { done: 0, total: 1 }) } }),
          });
          const line = fmt(strings.freezeDone, { count: formatNumber(out.frozen, lang), period: out.period, sheet: out.sheet, at: frozenAtText(frozenAt, lang) });
          store.set({ notice: { tone: "success", lines: [line] }, error: null });
        } catch (e) {
          if (e instanceof FreezeRefused) {
            const line = e.reason === "protected" ? fmt(strings.freezeProtected, { sheet: e.message }) : e.message;
            store.set({ notice: { tone: "warning", lines: [line] }, error: null });
          } else {
            store.set({ error: failure(e) });
          }
        }
      });
    },

    async units() {
      await writeOwnSheet("units", (h, onPhase) => buildUnitSheet(h, { ...sheetRequest(), onPhase }), {
        writing: strings.phaseUnitsWriting,
        done: (out) => {
          if (out.sheet === null) return out.report.summary.tables === 0 ? strings.summaryNothing : strings.unitsNone;
          return fmt(out.replaced ? strings.unitsReplaced : strings.unitsDone, { sheet: out.sheet, count: formatNumber(out.units.length, lang) });
        },
        rolledBack: strings.unitsRolledBack,
        incomplete: strings.unitsIncomplete,
      });
    },

    async goTo(sheet, address) {
      await exclusive("select", strings.phaseSelecting, async (h) => {
        try {
          const out = await selectRange(h, sheet, address);
          if (out.firstAreaOnly) store.set({ notice: { tone: "warning", lines: [strings.selectFirstAreaOnly] } });
        } catch (e) {
          const hidden = store.get().hiddenSheets.includes(sheet) && classifyHostError(e) !== "notFound";
          store.set({ error: hidden ? { message: fmt(strings.errHidden, { sheet }), code: failure(e).code } : failure(e) });
        }
      });
    },

    async importPlan(text) {
      if (text.trim() === "") {
        store.set({ importNotice: { tone: "warning", lines: [strings.importEmpty] }, importError: null });
        return;
      }
      await exclusive("import", strings.phaseImportParsing, async (h) => {
        store.set({ importNotice: null, importError: null });
        const plan = parsePlan(text);
        if (plan.nodes.length === 0) {
          store.set({ importNotice: { tone: "warning", lines: [strings.importNotPlan, ...plan.problems.slice(0, 3).map((p) => describe(p, lang))] } });
          return;
        }
        store.set({ busy: { action: "import", text: strings.phaseImportBuilding } });
        await nextTick();
        const spec = buildWorkbook(plan, { lang });
        store.set({ busy: { action: "import", text: strings.phaseImportWriting } });
        try {
          // The pane is Italian exactly when Office's display language is (./i18n): the add-in's
          // functions then have their Italian names.
          const out = await importWorkbook(h, spec, { displayLanguage: lang === "it" ? "it-IT" : "en-US" });
          const lines = [fmt(strings.importDone, { sheets: out.sheets.map((s) => s.to).join(", ") })];
          for (const s of out.sheets) if (s.from !== s.to) lines.push(fmt(strings.importRenamed, { from: s.from, to: s.to }));
          if (plan.problems.length > 0) lines.push(fmt(strings.importProblems, { count: plan.problems.length }));
          store.set({ importNotice: { tone: plan.problems.length > 0 ? "warning" : "success", lines } });
        } catch (e) {
          const cause = e instanceof ImportError ? e.cause : e;
          const lines =
            e instanceof ImportError && !e.rolledBack
              ? [fmt(strings.importMayRemain, { sheets: e.leftover.join(", ") })]
              : [strings.importRolledBack];
          store.set({ importNotice: { tone: "warning", lines }, importError: failure(cause) });
        }
      });
    },

    dismissError() {
      store.set({ error: null });
    },
  };
}
