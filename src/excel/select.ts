import type { ExcelHost } from "./host";

/**
 * Goes to a cell: activates its sheet and selects the range, in one `Excel.run` and one sync.
 * The range may be a cell (`H5`), a block (`E2:E9`), whole rows (`5:9`) or, for the rows of
 * a tree node that are not next to each other, several areas (`5:6,9:9`): those need
 * ExcelApi 1.9 (`getRanges`); an older Excel selects the first area.
 * Fails with the host's error when the sheet was renamed or deleted (`ItemNotFound`) or is
 * hidden (`InvalidOperation`); the pane turns that into words.
 * @example await selectRange(officeHost(), "Area A", "H5");
 */
export async function selectRange(host: ExcelHost, sheet: string, address: string): Promise<void> {
  await host.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    if (address.includes(",")) {
      if (host.supports("1.9")) ws.getRanges(address).select();
      else ws.getRange(address.split(",")[0]).select();
    } else {
      ws.getRange(address).select();
    }
    await context.sync();
  });
}
