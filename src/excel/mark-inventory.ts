import { MARK_KINDS, type MarkKind } from "../core";
import type { SheetListing } from "./discover";

/**
 * Our rules found again among the user's: each carries a tag in its formula, so Validate and
 * Clear delete exactly the rules of ours and nothing else (see marks.ts for why rules are the
 * record). The conditional formats are loaded in a sync the caller already makes.
 */

/** The tag in our rules' formulas. Versioned so that a future format can still find these. */
export const MARK_TAG = "KPI-PP-MARK";

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
