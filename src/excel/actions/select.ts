import type { ExcelHost } from "../host";
import { hasFeature } from "../requirements";

/** What was selected. */
export interface SelectOutcome {
  /**
   * True when only the first of several areas was selected: this Excel cannot select a
   * multi-area range (`RangeAreas.select` needs ExcelApi 1.18; Office 2021 has 1.14 and
   * Office LTSC 2024 1.17). The pane says so in plain words.
   */
  readonly firstAreaOnly: boolean;
}

/**
 * Goes to a cell: activates its sheet and selects the range, in one `Excel.run` and one sync.
 * The range may be a cell (`H5`), a block (`E2:E9`), whole rows (`5:9`) or, for the rows of
 * a tree node that are not next to each other, several areas (`5:6,9:9`): selecting those
 * needs `Worksheet.getRanges` and `RangeAreas.select` (ExcelApi 1.18, ../requirements.ts); an
 * older Excel selects the first area and the outcome says so.
 * Fails with the host's error when the sheet was renamed or deleted (`ItemNotFound`) or is
 * hidden (`InvalidOperation`); the pane turns that into words.
 * @example const { firstAreaOnly } = await selectRange(officeHost(), "Area A", "5:6,9:9");
 */
export async function selectRange(host: ExcelHost, sheet: string, address: string): Promise<SelectOutcome> {
  const several = address.includes(",");
  const all = several && hasFeature(host, "multiAreaSelect");
  await host.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    if (all) ws.getRanges(address).select();
    else ws.getRange(several ? address.split(",")[0] : address).select();
    await context.sync();
  });
  return { firstAreaOnly: several && !all };
}
