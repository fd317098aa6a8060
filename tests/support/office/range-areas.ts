/** `Excel.RangeAreas` (ExcelApi 1.9): several rectangles of one sheet, for rules and selection. */
import { quoteSheet, rectAddress, type Rect } from "./addresses";
import { ConditionalFormatCollectionProxy } from "./conditional-formats";
import type { FakeContext } from "./context";
import { fail } from "./errors";
import type { SheetModel } from "./model";
import { defineProps, Obj, type Resolver } from "./proxy";
import type { FakeWorkbook } from "./workbook-model";
import type { Modelled } from "./office-types";

export class RangeAreasProxy
  extends Obj
  implements Modelled<Excel.RangeAreas, "load" | "conditionalFormats" | "select">
{
  protected readonly className = "RangeAreas";
  declare readonly conditionalFormats: ConditionalFormatCollectionProxy;
  constructor(ctx: FakeContext, resolver: Resolver) {
    super(ctx, resolver, false, true);
    this._nav("conditionalFormats", new ConditionalFormatCollectionProxy(ctx, () => this._live()));
  }
  select(): void {
    this.ctx.requireApi("RangeAreas.select");
    this.ctx.queue(() => {
      const t: { sheet: SheetModel; rects: Rect[] } = this._live();
      const wb: FakeWorkbook = this.ctx.host.workbook;
      if (wb.sheets[wb.activeSheet] !== t.sheet) fail("InvalidSelection", "The range is not on the active sheet.");
      wb.selection = { sheet: t.sheet.name, address: t.rects.map(rectAddress).join(",") };
    });
  }
}
defineProps<Excel.RangeAreas>(RangeAreasProxy, {
  address: {
    get: (t: { sheet: SheetModel; rects: Rect[] }) =>
      t.rects.map((r) => `${quoteSheet(t.sheet.name)}!${rectAddress(r)}`).join(","),
  },
  areaCount: { get: (t: { rects: Rect[] }) => t.rects.length },
});
