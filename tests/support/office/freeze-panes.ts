/** `worksheet.freezePanes`: rows and columns kept in view. */
import { parseRect } from "./addresses";
import type { SheetModel } from "./model";
import { defineProps, guardWrite, Obj, type PropDef } from "./proxy";
import type { RangeProxy } from "./range";
import type { RangeTarget } from "./range-grid";

export class FreezePanesProxy extends Obj {
  protected readonly className = "WorksheetFreezePanes";
  protected declare readonly props: Record<string, PropDef>;
  freezeRows(count: number): void {
    this.ctx.requireApi("WorksheetFreezePanes.freezeRows");
    this.ctx.queue(() => {
      const s: SheetModel = this._live();
      guardWrite(s, "freezing panes");
      s.freeze = { rows: count, columns: s.freeze?.columns ?? 0 };
    });
  }
  freezeColumns(count: number): void {
    this.ctx.requireApi("WorksheetFreezePanes.freezeColumns");
    this.ctx.queue(() => {
      const s: SheetModel = this._live();
      guardWrite(s, "freezing panes");
      s.freeze = { rows: s.freeze?.rows ?? 0, columns: count };
    });
  }
  freezeAt(at: string | RangeProxy): void {
    this.ctx.requireApi("WorksheetFreezePanes.freezeAt");
    this.ctx.queue(() => {
      const s: SheetModel = this._live();
      guardWrite(s, "freezing panes");
      const rect = typeof at === "string" ? parseRect(at) : (at._live() as RangeTarget).rect;
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
defineProps(FreezePanesProxy, {});
