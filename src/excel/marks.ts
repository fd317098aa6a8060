import {
  MARK_KINDS,
  MARK_STYLES,
  type MarkKind,
  markKindOfStatus,
  parseA1,
  rangeA1,
  type ValidationReport,
} from "../core";
import type { SheetListing } from "./discover";
import type { ExcelHost } from "./host";
import { errorCode } from "./host-errors";
import { budgetFor, type PayloadBudget } from "./read-grids";
import { hasFeature } from "./requirements";

/**
 * Marks on the sheet for a validation report: unmet targets, met targets and missing values,
 * as conditional formats on the KPI value cells, in the palette of src/core/marks.ts (fill,
 * border and bold: the same look as the CLI's marked copies).
 *
 * Why conditional formats, not fills: a rule is layered over the cell, so the user's own fill,
 * font and conditional formats stay exactly as they were, and removing the rule restores the
 * look byte for byte; nothing has to be saved and put back.
 *
 * How our rules are found again: each rule's formula carries a tag, e.g.
 * `=ISTEXT("KPI-PP-MARK:unmet")` (always TRUE, so the rule always applies to its cells). The
 * rule itself is the record of what we added: it travels with the file, survives a reload,
 * and is visible to the user in Conditional Formatting > Manage Rules. Clear deletes exactly
 * the rules with the tag and never calls `clearAll`.
 *
 * Why static rules, not live formulas (`=H5>=15`): the status comes from the engine, which
 * reads Italian text numbers, percent formats, dates and multi-year targets; restating that
 * in an Excel formula per row would be thousands of rules that could disagree with the list
 * in the pane. A mark is a snapshot of the last Validate; running it again refreshes it.
 *
 * Cost: one rule per (sheet, colour) holding all its cells as one multi-area range
 * (`getRanges`, ExcelApi 1.9), cut only when the address text gets long; on ExcelApi
 * 1.6-1.8 one rule per run of adjacent cells. The rules already there are loaded in the
 * read's own sync (`queueSheetRules`); deleting the old rules and adding the new ones is one
 * batch and one sync (more only beyond the payload budget).
 */

export { MARK_KINDS, MARK_STYLES, type MarkKind, type MarkStyle } from "../core";

/** The tag in our rules' formulas. Versioned so that a future format can still find these. */
export const MARK_TAG = "KPI-PP-MARK";

/** Longest address text given to one multi-area rule. */
export const MAX_AREA_ADDRESS = 1000;

/**
 * The formula of our rule for a kind.
 * @example markFormula("unmet") // '=ISTEXT("KPI-PP-MARK:unmet")'
 */
export function markFormula(kind: MarkKind): string {
  return `=ISTEXT("${MARK_TAG}:${kind}")`;
}

/**
 * The kind of one of our rules from its formula; `null` for any other rule (the user's).
 * @example markKindOf('=ISTEXT("KPI-PP-MARK:met")') // "met"
 */
export function markKindOf(formula: string | null | undefined): MarkKind | null {
  if (typeof formula !== "string") return null;
  // Every kind of the palette: a kind left out here would never be removed by Clear or Validate.
  const m = new RegExp(`"${MARK_TAG}:(${MARK_KINDS.join("|")})"`).exec(formula);
  return m ? (m[1] as MarkKind) : null;
}

/** One rule to add: a kind on some cells of a sheet. */
export interface MarkRule {
  readonly sheet: string;
  readonly kind: MarkKind;
  /** One area (`H5:H9`) or, with multi-area support, several (`H5:H9,H12,K3:K4`). */
  readonly address: string;
  readonly cells: number;
}

export interface MarkPlan {
  readonly rules: readonly MarkRule[];
  /** Cells marked, by kind. */
  readonly counts: Readonly<Record<MarkKind, number>>;
  /** Sheets with something to mark that were skipped (protected). */
  readonly skipped: readonly string[];
}

/**
 * Which cells get which colour, grouped into as few rules as allowed. Pure.
 * @example planMarks(report, { skip: new Set(), multiArea: true }).rules
 *   // [{ sheet: "A", kind: "unmet", address: "H3,H5:H6", cells: 3 }, ...]
 */
export function planMarks(
  report: Pick<ValidationReport, "kpis">,
  options: { readonly skip: ReadonlySet<string>; readonly multiArea: boolean; readonly maxAddress?: number },
): MarkPlan {
  const maxAddress = options.maxAddress ?? MAX_AREA_ADDRESS;
  // sheet -> kind -> column -> rows
  const bySheet = new Map<string, Map<MarkKind, Map<number, number[]>>>();
  const counts: Record<MarkKind, number> = { unmet: 0, met: 0, missing: 0, at_risk: 0 };
  const skipped = new Set<string>();
  for (const k of report.kpis) {
    const kind = markKindOfStatus(k.status);
    if (!kind || k.valueCell === null) continue;
    const at = parseA1(k.valueCell);
    if (!at) continue;
    if (options.skip.has(k.sheet)) {
      skipped.add(k.sheet);
      continue;
    }
    let kinds = bySheet.get(k.sheet);
    if (!kinds) bySheet.set(k.sheet, (kinds = new Map()));
    let cols = kinds.get(kind);
    if (!cols) kinds.set(kind, (cols = new Map()));
    let rows = cols.get(at.col);
    if (!rows) cols.set(at.col, (rows = []));
    rows.push(at.row);
  }
  const rules: MarkRule[] = [];
  for (const [sheet, kinds] of bySheet) {
    for (const kind of MARK_KINDS) {
      const cols = kinds.get(kind);
      if (!cols) continue;
      const runs: { address: string; cells: number }[] = [];
      for (const col of [...cols.keys()].sort((a, b) => a - b)) {
        const rows = [...new Set(cols.get(col))].sort((a, b) => a - b);
        let start = 0;
        for (let i = 1; i <= rows.length; i++) {
          if (i === rows.length || rows[i] !== rows[i - 1] + 1) {
            runs.push({ address: rangeA1(rows[start], col, rows[i - 1], col), cells: i - start });
            start = i;
          }
        }
      }
      for (const r of runs) counts[kind] += r.cells;
      if (!options.multiArea) {
        for (const r of runs) rules.push({ sheet, kind, address: r.address, cells: r.cells });
        continue;
      }
      let parts: string[] = [];
      let length = 0;
      let cells = 0;
      for (const r of runs) {
        if (parts.length > 0 && length + 1 + r.address.length > maxAddress) {
          rules.push({ sheet, kind, address: parts.join(","), cells });
          parts = [];
          length = 0;
          cells = 0;
        }
        parts.push(r.address);
        length += (parts.length > 1 ? 1 : 0) + r.address.length;
        cells += r.cells;
      }
      if (parts.length > 0) rules.push({ sheet, kind, address: parts.join(","), cells });
    }
  }
  return { rules, counts, skipped: [...skipped] };
}

// ------------------------------------------------------------------ finding our rules

/** The conditional formats of every sheet, queued for loading (read after the next sync). */
export interface MarkInventory {
  readonly sheets: readonly { readonly name: string; readonly protected: boolean; readonly rules: Excel.ConditionalFormatCollection }[];
}

/** One of our rules found in the workbook. */
export interface FoundMark {
  readonly sheet: string;
  readonly protected: boolean;
  /**
   * `orphan`: a custom rule with no formula. Excel cannot save such a rule from its UI; it is
   * what an interrupted batch of ours leaves behind (added, failed before the formula was
   * set), so it is removed with our marks.
   */
  readonly kind: MarkKind | "orphan";
  readonly rule: Excel.ConditionalFormat;
}

/** True for a rule formula that is empty: an interrupted `add` (see `FoundMark.kind`). */
export function isEmptyFormula(formula: string | null | undefined): boolean {
  return formula === null || formula === undefined || formula.trim() === "" || formula.trim() === "=";
}

/**
 * Queues the loading of one sheet's conditional formats (type and, for custom rules, the
 * formula). Costs no sync of its own: it rides on the caller's next one (the read's sync 1,
 * where it may be queued on a null object past the last sheet: then it is dropped unread).
 */
export function queueSheetRules(worksheet: Excel.Worksheet): Excel.ConditionalFormatCollection {
  return worksheet.getRange().conditionalFormats.load("items/type,items/customOrNullObject/rule/formula");
}

/** The inventory of the sheets found, from their loaded rules (`queueSheetRules`). */
export function inventoryOf(listing: readonly SheetListing[], rules: readonly Excel.ConditionalFormatCollection[]): MarkInventory {
  return { sheets: listing.map((l, i) => ({ name: l.name, protected: l.protected, rules: rules[i] })) };
}

/** Queues the loading of every known sheet's conditional formats (read after the next sync). */
export function queueInventory(worksheets: readonly Excel.Worksheet[], listing: readonly SheetListing[]): MarkInventory {
  return inventoryOf(listing, worksheets.map(queueSheetRules));
}

/** Our rules among the loaded ones (by the tag); the user's rules are never returned. */
export function findMarks(inventory: MarkInventory): FoundMark[] {
  const out: FoundMark[] = [];
  for (const s of inventory.sheets) {
    for (const rule of s.rules.items) {
      if (rule.type !== "Custom") continue;
      const custom = rule.customOrNullObject;
      if (custom.isNullObject) continue;
      const formula = custom.rule.formula;
      const kind = isEmptyFormula(formula) ? "orphan" : markKindOf(formula);
      if (kind) out.push({ sheet: s.name, protected: s.protected, kind, rule });
    }
  }
  return out;
}

// ------------------------------------------------------------------ writing

/** Rough request size of one queued operation, for splitting very large batches. */
const ADD_BYTES = 700;
export const DELETE_BYTES = 80;

export type MarkStatus = "written" | "unsupported" | "rolledBack" | "mayRemain";

export interface MarkOutcome {
  readonly status: MarkStatus;
  /** Cells marked, by kind (0 unless written). */
  readonly counts: Readonly<Record<MarkKind, number>>;
  readonly rulesAdded: number;
  readonly rulesRemoved: number;
  /** Protected sheets left as they were (no new marks, old ones not removed). */
  readonly protectedSheets: readonly string[];
  /** The host error when not written. */
  readonly error?: unknown;
}

const NO_COUNTS: Readonly<Record<MarkKind, number>> = { unmet: 0, met: 0, missing: 0, at_risk: 0 };

/**
 * Splits queued work into batches under the byte budget (one batch unless it is huge).
 * @example batches(rules, () => DELETE_BYTES, budgetFor("desktop")) // [rules]
 */
export function batches<T>(items: readonly T[], bytes: (t: T) => number, budget: PayloadBudget): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const b = bytes(item);
    if (current.length > 0 && size + b > budget.maxBytes) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += b;
  }
  if (current.length > 0) out.push(current);
  return out;
}

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;

/** Queues one rule: tag formula, fill, the four borders, and bold where the style asks for it. */
function queueRule(ws: Excel.Worksheet, rule: MarkRule, multiArea: boolean): void {
  const target = multiArea ? ws.getRanges(rule.address) : ws.getRange(rule.address);
  const cf = target.conditionalFormats.add("Custom");
  const style = MARK_STYLES[rule.kind];
  cf.custom.rule.formula = markFormula(rule.kind);
  const format = cf.custom.format;
  format.fill.color = style.fill;
  for (const edge of EDGES) {
    const border = format.borders.getItem(edge);
    border.style = style.borderStyle === "dashed" ? "Dash" : style.borderStyle === "dotted" ? "Dot" : "Continuous";
    border.color = style.border;
  }
  if (style.bold) format.font.bold = true;
}

/** True when the host refused a request as too large before running any of it. */
export function requestRefused(error: unknown): boolean {
  const code = errorCode(error);
  return code === "RequestPayloadSizeLimitExceeded" || code === "PayloadTooLarge";
}

/**
 * Sends batches of queued work, one sync each. A batch the host refuses as too large (the
 * request is refused whole, so none of it ran) is sent again as two halves, down to single
 * items: a large write is split rather than abandoned. Any other failure rejects.
 */
export async function sendSplitting<T>(context: Excel.RequestContext, groups: T[][], queue: (item: T) => void): Promise<number> {
  const pending = groups.slice();
  let sent = 0;
  while (pending.length > 0) {
    const batch = pending.shift() as T[];
    for (const item of batch) queue(item);
    try {
      await context.sync();
      sent++;
    } catch (error) {
      if (!requestRefused(error) || batch.length <= 1) throw error;
      const half = Math.ceil(batch.length / 2);
      pending.unshift(batch.slice(0, half), batch.slice(half));
    }
  }
  return sent;
}

/**
 * Replaces our previous marks with the report's, inside the caller's `Excel.run`: deletes
 * every rule of ours found by `inventory` (loaded in an earlier sync) and adds the new ones,
 * in one sync (more beyond the payload budget; a request the host refuses as too large is
 * split in two and sent again, never rolled back for its size). If a sync fails otherwise,
 * Excel may have applied part of it (a batch is not a transaction), so every rule of ours is
 * then looked up again and deleted: the workbook is left with no marks rather than half of
 * them.
 */
export async function writeMarksIn(
  context: Excel.RequestContext,
  host: ExcelHost,
  report: Pick<ValidationReport, "kpis">,
  inventory: MarkInventory,
  worksheets: readonly Excel.Worksheet[],
  listing: readonly SheetListing[],
  budget: PayloadBudget = budgetFor(host.platform),
): Promise<MarkOutcome> {
  const multiArea = hasFeature(host, "multiAreaMarks");
  const protectedNames = new Set(listing.filter((l) => l.protected).map((l) => l.name));
  const plan = planMarks(report, { skip: protectedNames, multiArea });
  const old = findMarks(inventory);
  const oldOnProtected = old.filter((m) => m.protected);
  const removable = old.filter((m) => !m.protected);
  const protectedSheets = [...new Set([...plan.skipped, ...oldOnProtected.map((m) => m.sheet)])];
  const byName = new Map(listing.map((l, i) => [l.name, worksheets[i]]));

  type Work = { bytes: number; queue: () => void };
  const work: Work[] = [
    ...removable.map((m) => ({ bytes: DELETE_BYTES, queue: () => m.rule.delete() })),
    ...plan.rules.map((r) => ({
      bytes: ADD_BYTES + r.address.length,
      queue: () => queueRule(byName.get(r.sheet) as Excel.Worksheet, r, multiArea),
    })),
  ];
  if (work.length === 0) {
    return { status: "written", counts: plan.counts, rulesAdded: 0, rulesRemoved: 0, protectedSheets };
  }
  try {
    await sendSplitting(context, batches(work, (w) => w.bytes, budget), (w) => w.queue());
  } catch (error) {
    const clean = await removeAllMarksIn(context, worksheets, listing);
    return {
      status: clean ? "rolledBack" : "mayRemain",
      counts: NO_COUNTS,
      rulesAdded: 0,
      rulesRemoved: 0,
      protectedSheets,
      error,
    };
  }
  return { status: "written", counts: plan.counts, rulesAdded: plan.rules.length, rulesRemoved: removable.length, protectedSheets };
}

/** Rollback: finds every rule of ours again and deletes it (two syncs). False if that failed too. */
async function removeAllMarksIn(
  context: Excel.RequestContext,
  worksheets: readonly Excel.Worksheet[],
  listing: readonly SheetListing[],
): Promise<boolean> {
  try {
    const inventory = queueInventory(worksheets, listing);
    await context.sync();
    const ours = findMarks(inventory).filter((m) => !m.protected);
    if (ours.length === 0) return true;
    for (const m of ours) m.rule.delete();
    await context.sync();
    return true;
  } catch {
    return false;
  }
}
