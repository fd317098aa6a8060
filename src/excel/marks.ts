import { MARK_STYLES, type MarkKind, type ValidationReport } from "../core";
import type { SheetListing } from "./discover";
import type { ExcelHost } from "./host";
import { findMarks, markFormula, queueInventory, type MarkInventory } from "./mark-inventory";
import { planMarks, type MarkRule } from "./mark-plan";
import { budgetFor, type PayloadBudget } from "./payload-budget";
import { hasFeature } from "./requirements";
import { batches, sendSplitting } from "./send-batches";

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
 *
 * Which cells get which colour is mark-plan.ts, finding our rules mark-inventory.ts, sending
 * large batches send-batches.ts; this module writes and clears the marks.
 */

export { MARK_KINDS, MARK_STYLES, type MarkKind, type MarkStyle } from "../core";

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
