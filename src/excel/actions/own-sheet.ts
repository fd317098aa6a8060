import { type Lang, safeSheetName, type SheetSpec } from "../../core";
import { analyseGrids, type GridsAnalysis } from "../analyse";
import { nextTick, type ExcelHost } from "../host";
import { gridCells, isNameOf, markerValue, type OwnSheetKind, parseMarker, SHEET_MARKER, summaryFingerprint } from "../own-sheet-marker";
import { budgetFor, type PayloadBudget } from "../payload-budget";
import { readWorkbookIn, type SheetInfo } from "../read-grids";
import { hasFeature } from "../requirements";
import { removeAddedSheets, writeSheetsIn } from "../sheet-writer";
import type { ActionPhase } from "./phases";

/**
 * The one way the add-in writes a sheet of its own (`Riepilogo` for Build summary, `Schede unità`
 * for the unit scorecards): read and analyse the workbook, describe the sheet, write it.
 *
 * Never overwriting: the summary goes to a new sheet with a free name (`Riepilogo`, else
 * `Riepilogo (2)` ...), except in one case. A sheet named `Riepilogo` or `Riepilogo (n)`
 * is written again in place when the add-in can tell it made it and nobody has typed in it
 * since:
 * - it carries the worksheet custom property `KPI-PP-SHEET` the add-in writes with the sheet
 *   (ExcelApi 1.12; a property travels with the file, is invisible in the grid and is not
 *   copied by hand), whose value holds a fingerprint of the cell values written; and
 * - the values read now still have that fingerprint (any typed, deleted or pasted value
 *   changes it; the in-cell bars are computed by Excel and left out).
 * Protected or hidden summary sheets are never reused. Rewriting in place keeps the sheet's
 * position and any reference other sheets make to it. Without ExcelApi 1.12 no sheet is
 * recognised, so every summary is a new sheet.
 *
 * Failure: a new sheet whose write failed is deleted again (the workbook is as before); a
 * sheet rewritten in place may be left incomplete (it held only a summary of ours, which a
 * new Build summary replaces), and the error says so.
 */

export type SummaryPhase = ActionPhase<"writing">;

export interface SummaryRequest {
  readonly year?: number | null;
  readonly lang: Lang;
  /** The calculation date printed on the sheet, `yyyy-mm-dd` (default: today, local time). */
  readonly generatedOn?: string;
  readonly onPhase?: (phase: SummaryPhase) => void;
  readonly budget?: PayloadBudget;
}

export interface SummaryOutcome extends GridsAnalysis {
  /** The sheet written; `null` when there was nothing to summarise (no KPI table). */
  readonly sheet: string | null;
  /** True when an earlier summary of ours was written again in place. */
  readonly replaced: boolean;
  readonly sheets: readonly SheetInfo[];
}

/** The write failed. `rolledBack`: the workbook is as before; otherwise `sheet` may be incomplete. */
export class SummaryError extends Error {
  constructor(
    readonly cause: unknown,
    readonly rolledBack: boolean,
    readonly sheet: string,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = "SummaryError";
  }
}

/** Which sheet of ours to write, and how to describe it from the check. */
export interface OwnSheet {
  readonly kind: OwnSheetKind;
  /** The sheet's name (`Riepilogo`): a free `name (n)` is used when it is taken. */
  readonly name: string;
  /** The sheet for the checked workbook; `null`: nothing to write. */
  readonly spec: (checked: GridsAnalysis) => SheetSpec | null;
}

/**
 * The one way the add-in writes a sheet of its own (`Riepilogo`, `Schede unità`): read and
 * check the workbook, describe the sheet, write it to a free name or, when an earlier sheet
 * of the same kind is ours and untouched (../own-sheet-marker.ts), in place. See the module comment.
 * @example await buildOwnSheet(host, { lang: "it" }, { kind: "units", name: "Schede unità", spec: (c) => ... });
 */
export async function buildOwnSheet(host: ExcelHost, request: SummaryRequest, own: OwnSheet): Promise<SummaryOutcome> {
  const budget = request.budget ?? budgetFor(host.platform);
  const markers = hasFeature(host, "sheetMarker");
  return host.run(async (context) => {
    // The read's first sync also fetches every sheet's marker (the names are not known yet:
    // a missing property is a null object, nearly free).
    const read = await readWorkbookIn(context, host, {
      budget,
      onProgress: (p) => request.onPhase?.({ kind: "reading", done: p.done, total: p.total }),
      perSheet: (ws): Excel.WorksheetCustomProperty | null =>
        markers ? ws.customProperties.getItemOrNullObject(SHEET_MARKER).load("value") : null,
    });
    const found = read.sheets
      .map((_, index) => ({ index, property: read.extras[index] }))
      .filter((f): f is { index: number; property: Excel.WorksheetCustomProperty } => f.property !== null && isNameOf(read.sheets[f.index].name, own.name));
    request.onPhase?.({ kind: "checking" });
    await nextTick();
    const checked = await analyseGrids(read.grids, { year: request.year ?? null, pause: nextTick });
    const base = { ...checked, sheets: read.sheets };
    const spec = own.spec(checked);
    if (spec === null) return { ...base, sheet: null, replaced: false };
    const marker = markerValue(spec, own.kind);

    // An earlier sheet of ours of this kind, untouched since: rewritten in place.
    const reuse = found.find(({ index, property }) => {
      const info = read.sheets[index];
      if (property.isNullObject || info.protected || !info.visible) return false;
      const m = parseMarker(property.value, own.kind);
      return m !== null && m.fingerprint === summaryFingerprint(gridCells(read.grids[index]));
    });
    const before = new Set(read.sheets.map((s) => s.name.toLowerCase()));
    const name = reuse ? read.sheets[reuse.index].name : safeSheetName(spec.name, before);

    request.onPhase?.({ kind: "writing" });
    try {
      await writeSheetsIn(
        context,
        host,
        [
          {
            spec,
            name,
            tableNames: [],
            into: reuse ? read.worksheets[reuse.index] : undefined,
            after: markers ? (ws) => void ws.customProperties.add(SHEET_MARKER, marker) : undefined,
          },
        ],
        budget,
      );
    } catch (error) {
      if (reuse) throw new SummaryError(error, false, name);
      throw new SummaryError(error, await removeAddedSheets(context, [name], before), name);
    }
    return { ...base, sheet: name, replaced: reuse !== undefined };
  });
}
