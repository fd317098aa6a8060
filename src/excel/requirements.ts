/**
 * Every Office.js member the add-in uses, with the ExcelApi requirement set Microsoft's
 * reference gives it (learn.microsoft.com/javascript/api/excel, "[API set: ExcelApi 1.x]" on
 * each member). This is the ONE place those versions live: each feature of the adapter asks
 * for exactly the members it calls (`hasFeature`), and the test host (tests/support/office/)
 * takes its versions from this table too, so a call newer than the host fails there as it
 * would in Excel.
 *
 * A member missing from the table cannot be called on the test host at all: adding a call to
 * the adapter means looking its set up and writing it here.
 *
 * Notes on the few that matter in practice:
 * - `RangeAreas.select` is ExcelApi 1.18 although `Worksheet.getRanges` is 1.9: Office 2021
 *   (1.14) and Office LTSC 2024 (1.17) can build a multi-area range but not select it.
 * - `RunOptions.delayForCellEdit` carries no set of its own in the reference; it is part of
 *   the ExcelApi 1.1 reference (`excel_1_1`), so every host takes the option.
 * - Collection `items` take the collection's own set.
 *
 * No imports on purpose: the browser test serves this file, transpiled alone, to the stand-in
 * Office host.
 */

/** Member -> ExcelApi version, as in Microsoft's reference. */
export const EXCEL_API = {
  // workbook, application
  "Workbook.worksheets": "1.1",
  "Workbook.tables": "1.1",
  "Workbook.names": "1.1",
  "Workbook.application": "1.1",
  "Application.cultureInfo": "1.11",
  "CultureInfo.numberFormat": "1.11",
  "NumberFormatInfo.numberDecimalSeparator": "1.11",
  "TableCollection.items": "1.1",
  "TableCollection.add": "1.1",
  "Table.name": "1.1",
  "Table.style": "1.1",
  "NamedItemCollection.items": "1.1",
  "NamedItem.name": "1.1",
  "RunOptions.delayForCellEdit": "1.1",
  // worksheets
  "WorksheetCollection.items": "1.1",
  "WorksheetCollection.getItem": "1.1",
  "WorksheetCollection.add": "1.1",
  "WorksheetCollection.getFirst": "1.5",
  "Worksheet.name": "1.1",
  "Worksheet.visibility": "1.1",
  "Worksheet.activate": "1.1",
  "Worksheet.delete": "1.1",
  "Worksheet.getRange": "1.1",
  "Worksheet.tables": "1.1",
  "Worksheet.protection": "1.2",
  "WorksheetProtection.protected": "1.2",
  "Worksheet.getUsedRangeOrNullObject": "1.4",
  "Worksheet.getNextOrNullObject": "1.5",
  "Worksheet.freezePanes": "1.7",
  "WorksheetFreezePanes.freezeRows": "1.7",
  "Worksheet.getRanges": "1.9",
  "Worksheet.customProperties": "1.12",
  "WorksheetCustomPropertyCollection.add": "1.12",
  "WorksheetCustomPropertyCollection.getItemOrNullObject": "1.12",
  "WorksheetCustomProperty.value": "1.12",
  // ranges
  "Range.address": "1.1",
  "Range.rowCount": "1.1",
  "Range.columnCount": "1.1",
  "Range.values": "1.1",
  "Range.numberFormat": "1.1",
  "Range.formulas": "1.1",
  "Range.formulasLocal": "1.1",
  "Range.select": "1.1",
  "Range.clear": "1.1",
  "Range.format": "1.1",
  "RangeFormat.font": "1.1",
  "RangeFormat.fill": "1.1",
  "RangeFormat.wrapText": "1.1",
  "RangeFormat.horizontalAlignment": "1.1",
  "RangeFormat.verticalAlignment": "1.1",
  "RangeFormat.columnWidth": "1.2",
  "RangeFont.bold": "1.1",
  "RangeFont.color": "1.1",
  "RangeFill.color": "1.1",
  "Range.dataValidation": "1.8",
  "DataValidation.rule": "1.8",
  "DataValidation.ignoreBlanks": "1.8",
  "DataValidation.errorAlert": "1.8",
  "DataValidation.prompt": "1.8",
  "RangeAreas.conditionalFormats": "1.9",
  "RangeAreas.select": "1.18",
  // conditional formats (the marks)
  "Range.conditionalFormats": "1.6",
  "ConditionalFormatCollection.items": "1.6",
  "ConditionalFormatCollection.add": "1.6",
  "ConditionalFormat.type": "1.6",
  "ConditionalFormat.custom": "1.6",
  "ConditionalFormat.customOrNullObject": "1.6",
  "ConditionalFormat.delete": "1.6",
  "CustomConditionalFormat.rule": "1.6",
  "CustomConditionalFormat.format": "1.6",
  "ConditionalFormatRule.formula": "1.6",
  "ConditionalRangeFormat.fill": "1.6",
  "ConditionalRangeFormat.font": "1.6",
  "ConditionalRangeFormat.borders": "1.6",
  "ConditionalRangeFill.color": "1.6",
  "ConditionalRangeFont.bold": "1.6",
  "ConditionalRangeBorderCollection.getItem": "1.6",
  "ConditionalRangeBorder.style": "1.6",
  "ConditionalRangeBorder.color": "1.6",
} as const;

export type ApiMember = keyof typeof EXCEL_API;

/**
 * The adapter's optional features and the members each one calls beyond ExcelApi 1.1. A
 * feature is available when the host supports the highest set among its members; without it
 * the adapter does without (see each entry). Members outside every feature are needed by
 * every read (e.g. `getUsedRangeOrNullObject`, 1.4): an Excel without them gets the plain
 * "this version of Excel lacks a feature" message. The shared runtime the add-in declares
 * exists only on hosts well above that (Office 2021 has ExcelApi 1.14).
 */
export const FEATURES = {
  /** Sheet protection state (read before writing, ./discover.ts). */
  protection: ["Worksheet.protection", "WorksheetProtection.protected"],
  /** Reaching every sheet in one sync (./discover.ts); else the sheets are listed first. */
  walkSheets: ["WorksheetCollection.getFirst", "Worksheet.getNextOrNullObject"],
  /** The marks: conditional formats (./marks.ts). */
  marks: [
    "Range.conditionalFormats",
    "ConditionalFormatCollection.items",
    "ConditionalFormatCollection.add",
    "ConditionalFormat.type",
    "ConditionalFormat.custom",
    "ConditionalFormat.customOrNullObject",
    "ConditionalFormat.delete",
    "CustomConditionalFormat.rule",
    "CustomConditionalFormat.format",
    "ConditionalFormatRule.formula",
    "ConditionalRangeFormat.fill",
    "ConditionalRangeFormat.font",
    "ConditionalRangeFormat.borders",
    "ConditionalRangeFill.color",
    "ConditionalRangeFont.bold",
    "ConditionalRangeBorderCollection.getItem",
    "ConditionalRangeBorder.style",
    "ConditionalRangeBorder.color",
  ],
  /** One mark rule over many areas; else one rule per run of cells. */
  multiAreaMarks: ["Worksheet.getRanges", "RangeAreas.conditionalFormats"],
  /** Selecting the rows of a tree node that are not next to each other; else the first area. */
  multiAreaSelect: ["Worksheet.getRanges", "RangeAreas.select"],
  /** Column widths of an imported plan. */
  columnWidths: ["RangeFormat.columnWidth"],
  /** Data validation on imported input cells. */
  dataValidation: ["Range.dataValidation", "DataValidation.rule", "DataValidation.ignoreBlanks", "DataValidation.errorAlert", "DataValidation.prompt"],
  /** Frozen header rows of an imported plan. */
  freezeHeader: ["Worksheet.freezePanes", "WorksheetFreezePanes.freezeRows"],
  /** The marker that lets the summary be written again in place (./own-sheet-marker.ts). */
  sheetMarker: [
    "Worksheet.customProperties",
    "WorksheetCustomPropertyCollection.add",
    "WorksheetCustomPropertyCollection.getItemOrNullObject",
    "WorksheetCustomProperty.value",
  ],
  /** `Excel.run({ delayForCellEdit: true })`: wait for the user to leave a cell. */
  delayForCellEdit: ["RunOptions.delayForCellEdit"],
  /** The decimal separator of the user's settings (for `formulasLocal`, ./formulas.ts). */
  cultureInfo: ["Application.cultureInfo", "CultureInfo.numberFormat", "NumberFormatInfo.numberDecimalSeparator"],
} as const satisfies Record<string, readonly ApiMember[]>;

export type Feature = keyof typeof FEATURES;

/** What a host answers about requirement sets (`ExcelHost.supports`). */
export interface SupportsApi {
  supports(version: string): boolean;
}

/** Compares two dotted versions: negative, 0 or positive. */
export function compareVersions(a: string, b: string): number {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The ExcelApi version a set of members needs: the highest of theirs.
 * @example versionFor(["Worksheet.getRanges", "RangeAreas.select"]) // "1.18"
 */
export function versionFor(members: readonly ApiMember[]): string {
  let v = "1.1";
  for (const m of members) if (compareVersions(EXCEL_API[m], v) > 0) v = EXCEL_API[m];
  return v;
}

/**
 * True when the host supports every member a feature calls.
 * @example hasFeature(host, "multiAreaSelect") // false on Office 2021 (ExcelApi 1.14)
 */
export function hasFeature(host: SupportsApi, feature: Feature): boolean {
  return host.supports(versionFor(FEATURES[feature]));
}
