/** One worksheet: its ranges, used range, neighbours in the tab order, protection and properties. */
import { COLS, MAX_ROWS, parseRect } from "./addresses";
import type { FakeContext } from "./context";
import { CustomPropertyCollectionProxy } from "./custom-properties";
import { fail } from "./errors";
import { FreezePanesProxy } from "./freeze-panes";
import { BAD_SHEET_CHARS, usedRect, type SheetModel } from "./model";
import { defineProps, guardWrite, Obj, type Resolver } from "./proxy";
import { RangeProxy } from "./range";
import { RangeAreasProxy } from "./range-areas";
import { TableCollectionProxy } from "./tables";
import type { FakeWorkbook } from "./workbook-model";
import type { Modelled } from "./office-types";

export class WorksheetProtectionProxy extends Obj implements Modelled<Excel.WorksheetProtection, "load"> {
  protected readonly className = "WorksheetProtection";
}
defineProps<Excel.WorksheetProtection>(WorksheetProtectionProxy, {
  protected: { get: (s: SheetModel) => s.protected },
});

export class WorksheetProxy
  extends Obj
  implements Modelled<Excel.Worksheet, "load" | "isNullObject" | "protection" | "freezePanes" | "tables" | "customProperties" | "getRange" | "getRanges" | "getUsedRange" | "getUsedRangeOrNullObject" | "getNextOrNullObject" | "activate" | "delete">
{
  protected readonly className = "Worksheet";
  declare readonly protection: WorksheetProtectionProxy;
  declare readonly freezePanes: FreezePanesProxy;
  declare readonly tables: TableCollectionProxy;
  declare readonly customProperties: CustomPropertyCollectionProxy;
  constructor(ctx: FakeContext, resolver: Resolver, nullable = false, queued = false) {
    super(ctx, resolver, nullable, queued);
    const self = (): SheetModel => this._live();
    this._nav("protection", new WorksheetProtectionProxy(ctx, self));
    this._nav("freezePanes", new FreezePanesProxy(ctx, self));
    this._nav("tables", new TableCollectionProxy(ctx, self));
    this._nav("customProperties", new CustomPropertyCollectionProxy(ctx, self));
  }
  getRange(address?: string): RangeProxy {
    this._api("getRange");
    return new RangeProxy(
      this.ctx,
      () => {
        const s: SheetModel = this._live();
        return { sheet: s, rect: address ? parseRect(address) : { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: COLS - 1 } };
      },
      false,
      true,
    );
  }
  getRanges(address?: string): RangeAreasProxy {
    this.ctx.requireApi("Worksheet.getRanges");
    if (address === undefined) fail("NotImplemented", "getRanges() without addresses is not modelled.");
    return new RangeAreasProxy(this.ctx, () => {
      const s: SheetModel = this._live();
      const rects = address.split(",").map((a) => parseRect(a));
      return { sheet: s, rects };
    });
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    this._api("getUsedRange");
    return this._usedRange(!!valuesOnly, false);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    this._api("getUsedRangeOrNullObject");
    return this._usedRange(!!valuesOnly, true);
  }
  /** The used range, resolved when the call is reached in the queue; on an empty sheet A1, or a null object. */
  private _usedRange(valuesOnly: boolean, orNull: boolean): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const s: SheetModel = this._live();
        const rect = usedRect(s, valuesOnly);
        if (rect) return { sheet: s, rect };
        return orNull ? null : { sheet: s, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
      },
      orNull,
      true,
    );
  }
  /**
   * The worksheet after this one in the tab order (ExcelApi 1.5), or a null object after the
   * last one (and after a null object: see `FakeOptions.nullParents`).
   */
  getNextOrNullObject(visibleOnly?: boolean): WorksheetProxy {
    this.ctx.requireApi("Worksheet.getNextOrNullObject");
    return new WorksheetProxy(
      this.ctx,
      () => {
        const s: SheetModel = this._live();
        const sheets: SheetModel[] = this.ctx.host.workbook.sheets;
        return sheets.slice(sheets.indexOf(s) + 1).find((x) => !visibleOnly || x.visibility === "Visible") ?? null;
      },
      true,
      true,
    );
  }
  activate(): void {
    this._api("activate");
    this.ctx.queue(() => {
      const s: SheetModel = this._live();
      if (s.visibility !== "Visible") fail("InvalidOperation", `The sheet "${s.name}" is hidden and cannot be activated.`);
      const wb: FakeWorkbook = this.ctx.host.workbook;
      wb.activeSheet = wb.sheets.indexOf(s);
    });
  }
  delete(): void {
    this._api("delete");
    this.ctx.queue(() => {
      const s: SheetModel = this._live();
      const wb: FakeWorkbook = this.ctx.host.workbook;
      if (wb.sheets.length === 1) fail("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      wb.sheets.splice(wb.sheets.indexOf(s), 1);
      wb.activeSheet = Math.min(wb.activeSheet, wb.sheets.length - 1);
    });
  }
}
defineProps<Excel.Worksheet>(WorksheetProxy, {
  name: {
    get: (s: SheetModel) => s.name,
    set: (s: SheetModel, v: string, self: WorksheetProxy) => {
      const wb: FakeWorkbook = (self as any).ctx.host.workbook;
      const other = wb.sheet(v);
      if (other && other !== s) fail("ItemAlreadyExists", `A sheet named "${v}" already exists.`);
      if (v.length === 0 || v.length > 31 || BAD_SHEET_CHARS.test(v)) fail("InvalidArgument", `Bad sheet name "${v}".`);
      s.name = v;
    },
  },
  position: {
    get: (s: SheetModel, self: WorksheetProxy) => (self as any).ctx.host.workbook.sheets.indexOf(s),
  },
  visibility: {
    get: (s: SheetModel) => s.visibility,
    set: (s: SheetModel, v: SheetModel["visibility"]) => (s.visibility = v),
  },
  tabColor: {
    get: (s: SheetModel) => s.tabColor,
    set: (s: SheetModel, v: string) => {
      guardWrite(s, "setting the tab colour");
      s.tabColor = v;
    },
  },
  showGridlines: {
    get: (s: SheetModel) => s.showGridlines,
    set: (s: SheetModel, v: boolean) => {
      guardWrite(s, "hiding gridlines");
      s.showGridlines = v;
    },
  },
});
