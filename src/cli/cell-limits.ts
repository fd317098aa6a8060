import type { CellSpec, WorkbookSpec } from "../core";
import { LIMITS } from "./limits";

/**
 * A workbook description whose text cells fit Excel's limit of 32,767 characters per cell
 * (a longer text makes Excel repair the file, dropping the cell), and the number of cells
 * cut. Formulas' cached text results are cut the same way. The spec is copied only when a
 * cell is cut.
 * @example capCellText({ sheets: [{ ...sheet, cells: [["x".repeat(40000)]] }]).cut // 1
 */
export function capCellText(spec: WorkbookSpec, max: number = LIMITS.cellChars): { spec: WorkbookSpec; cut: number } {
  let cut = 0;
  const capCell = (cell: CellSpec): CellSpec => {
    if (typeof cell === "string" && cell.length > max) {
      cut++;
      return cutText(cell, max);
    }
    if (cell !== null && typeof cell === "object" && typeof cell.result === "string" && cell.result.length > max) {
      cut++;
      return { ...cell, result: cutText(cell.result, max) };
    }
    return cell;
  };
  const sheets = spec.sheets.map((sheet) => {
    const before = cut;
    const cells = sheet.cells.map((row) => row.map(capCell));
    return cut === before ? sheet : { ...sheet, cells };
  });
  return { spec: cut === 0 ? spec : { ...spec, sheets }, cut };
}

/** The first `max` UTF-16 units, without leaving half of a surrogate pair at the end. */
function cutText(text: string, max: number): string {
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? text.slice(0, max - 1) : text.slice(0, max);
}
