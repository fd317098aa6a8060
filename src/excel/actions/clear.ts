import { discoverSheetsIn } from "../discover";
import type { ExcelHost } from "../host";
import { findMarks, inventoryOf, queueSheetRules } from "../mark-inventory";
import { DELETE_BYTES } from "../marks";
import { budgetFor, type PayloadBudget } from "../payload-budget";
import { batches, sendSplitting } from "../send-batches";
import { hasFeature } from "../requirements";

/**
 * The Clear marks action (`Rimuovi evidenziazioni`): removes the marks Validate wrote
 * (../marks.ts says what a mark is and how ours are told from the user's rules).
 */

export interface ClearOutcome {
  readonly supported: boolean;
  readonly removed: number;
  /** Protected sheets that still carry marks of ours (they cannot be removed there). */
  readonly protectedSheets: readonly string[];
}

/**
 * Removes every mark of ours and nothing else, in one `Excel.run`: sync 1 finds the sheets
 * and loads their conditional formats together (../discover.ts), sync 2 deletes ours (skipped
 * when there are none; more than one only beyond the payload budget). Rules of the user,
 * fills and values are never touched.
 * @example const { removed } = await clearMarks(officeHost());
 */
export async function clearMarks(host: ExcelHost, budget: PayloadBudget = budgetFor(host.platform)): Promise<ClearOutcome> {
  if (!hasFeature(host, "marks")) return { supported: false, removed: 0, protectedSheets: [] };
  return host.run(async (context) => {
    const sheets = await discoverSheetsIn(context, host, { perSheet: queueSheetRules });
    const found = findMarks(inventoryOf(sheets.listing, sheets.extras));
    const ours = found.filter((m) => !m.protected);
    await sendSplitting(context, batches(ours, () => DELETE_BYTES, budget), (m) => m.rule.delete());
    return {
      supported: true,
      removed: ours.length,
      protectedSheets: [...new Set(found.filter((m) => m.protected).map((m) => m.sheet))],
    };
  });
}
