/**
 * Which ExcelApi requirement set each member of the fake belongs to, so that the fake refuses
 * what a host of an older set would refuse: the add-in's own table first
 * (src/excel/requirements.ts), then the members only tests call.
 */
import { EXCEL_API } from "../../../src/excel/requirements";

/**
 * Members the fake models that the add-in does not call (tests and helpers use them), with
 * the set Microsoft's reference gives each. Kept apart from the add-in's table so that the
 * table lists exactly what the add-in calls (tests/excel/versions.test.ts checks that).
 */
export const FAKE_ONLY_API: Readonly<Record<string, string>> = {
  "Workbook.getSelectedRange": "1.1",
  "Application.calculationMode": "1.1",
  "Application.suspendApiCalculationUntilNextSync": "1.6",
  "Application.suspendScreenUpdatingUntilNextSync": "1.9",
  "WorksheetCollection.getItemOrNullObject": "1.4",
  "WorksheetCollection.getActiveWorksheet": "1.1",
  "Worksheet.position": "1.1",
  "Worksheet.getUsedRange": "1.1",
  "Worksheet.tabColor": "1.7",
  "Worksheet.showGridlines": "1.8",
  "WorksheetFreezePanes.freezeColumns": "1.7",
  "WorksheetFreezePanes.freezeAt": "1.7",
  "WorksheetFreezePanes.unfreeze": "1.7",
  "WorksheetCustomPropertyCollection.getItem": "1.12",
  "WorksheetCustomProperty.key": "1.12",
  "WorksheetCustomProperty.delete": "1.12",
  "Range.rowIndex": "1.1",
  "Range.columnIndex": "1.1",
  "Range.getCell": "1.1",
  "Range.getResizedRange": "1.2",
  "Range.getOffsetRange": "1.1",
  "Range.getRow": "1.1",
  "Range.getColumn": "1.1",
  "RangeAreas.address": "1.9",
  "RangeAreas.areaCount": "1.9",
  "RangeFormat.rowHeight": "1.2",
  "RangeFormat.borders": "1.1",
  "RangeFormat.autofitColumns": "1.2",
  "RangeFormat.autofitRows": "1.2",
  "RangeFill.clear": "1.1",
  "RangeFont.italic": "1.1",
  "RangeFont.name": "1.1",
  "RangeFont.size": "1.1",
  "RangeBorderCollection.getItem": "1.1",
  "RangeBorder.style": "1.1",
  "RangeBorder.color": "1.1",
  "RangeBorder.weight": "1.1",
  "DataValidation.clear": "1.8",
  "ConditionalFormatCollection.clearAll": "1.6",
  "ConditionalFormat.id": "1.6",
  "ConditionalFormat.priority": "1.6",
  "ConditionalFormat.stopIfTrue": "1.6",
  "ConditionalFormat.getRange": "1.6",
  "ConditionalRangeFont.color": "1.6",
  "ConditionalRangeFont.italic": "1.6",
  "Table.showTotals": "1.1",
  "Table.id": "1.1",
};

/** The set of a member: the add-in's table first, then the fake's own list. */
export function apiSetOf(member: string): string | undefined {
  return (EXCEL_API as Readonly<Record<string, string>>)[member] ?? FAKE_ONLY_API[member];
}

export function versionAtLeast(have: string, want: string): boolean {
  const a = have.split(".").map(Number);
  const b = want.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}
