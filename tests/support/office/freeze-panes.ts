/** `worksheet.freezePanes`: rows and columns kept in view. */
import { parseRect } from "./addresses";
import type { SheetModel } from "./model";
import { defineProps, guardWrite, Obj } from "./proxy";
import { targetOfRange } from "./range-grid";
import { fail } from "./errors";
import type { Modelled } from "./office-types";

export class FreezePanesProxy
  extends Obj
  implements Modelled<Excel.WorksheetFreezePanes, "freezeRows" | "freezeColumns" | "freezeAt" | "unfreeze">
{
  protected readonly className = "WorksheetFreezePanes";
  freezeRows(count?: number): void {
    this._freezeCount("freezeRows", "rows", count);
  }
  freezeColumns(count?: number): void {
    this._freezeCount("freezeColumns", "columns", count);
  }
  /** `freezeRows(n)` / `freezeColumns(n)`: sets one count and keeps the other. */
  private _freezeCount(member: "freezeRows" | "freezeColumns", axis: "rows" | "columns", count: number | undefined): void {
    this._api(member);
    if (count === undefined) fail("NotImplemented", `${member}() without a count is not modelled.`);
    this.ctx.queue(() => {
      const s: SheetModel = this._live();
      guardWrite(s, "freezing panes");
      s.freeze = { rows: s.freeze?.rows ?? 0, columns: s.freeze?.columns ?? 0, [axis]: count };
    });
  }
  freezeAt(at: string | Excel.Range): void {
    this.ctx.requireApi("WorksheetFreezePanes.freezeAt");
    this.ctx.queue(() => {
      const s: SheetModel = this._live();
      guardWrite(s, "freezing panes");
      const rect = typeof at === "string" ? parseRect(at) : targetOfRange(at).rect;
      s.freeze = { rows: rect.r1 + 1, columns: rect.c1 + 1 };
    });
  }
  unfreeze(): void {
    this.ctx.requireApi("WorksheetFreezePanes.unfreeze");
    this.ctx.queue(() => {
      (this._live() as SheetModel).freeze = null;
    });
  }
}
defineProps<Excel.WorksheetFreezePanes>(FreezePanesProxy, {});
