import type { ExcelHost } from "./host";

/**
 * Goes to a cell: activates its sheet and selects the range, in one `Excel.run` and one sync.
 * The range may be a cell (`H5`), a block (`E2:E9`) or whole rows (`5:9`).
 * Fails with the host's error when the sheet was renamed or deleted (`ItemNotFound`) or is
 * hidden (`InvalidOperation`); the pane turns that into words.
 * @example await selectRange(officeHost(), "Area A", "H5");
 */
export async function selectRange(host: ExcelHost, sheet: string, address: string): Promise<void> {
  await host.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  });
}
