/** `workbook.worksheets`: the sheets in tab order, by name, first / active, and `add`. */
import type { FakeContext } from "./context";
import type { SheetModel } from "./model";
import { jsonSize } from "./payload";
import { ItemCollectionProxy } from "./collection";
import { defineProps } from "./proxy";
import type { FakeWorkbook } from "./workbook-model";
import { WorksheetProxy } from "./worksheet";
import type { Modelled } from "./office-types";

export class WorksheetCollectionProxy
  extends ItemCollectionProxy<WorksheetProxy>
  implements Modelled<Excel.WorksheetCollection, "load" | "items" | "getItem" | "getItemOrNullObject" | "getFirst" | "getActiveWorksheet" | "add">
{
  protected readonly className = "WorksheetCollection";
  protected readonly defaultItemPaths = ["name"];
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.host.workbook);
  }
  protected currentItems(): WorksheetProxy[] {
    const wb: FakeWorkbook = this.ctx.host.workbook;
    return wb.sheets.map((s) => new WorksheetProxy(this.ctx, () => s));
  }
  getItem(name: string): WorksheetProxy {
    this._api("getItem");
    return new WorksheetProxy(this.ctx, () => this.ctx.host.workbook.sheet(name), false, true);
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    this.ctx.requireApi("WorksheetCollection.getItemOrNullObject");
    return new WorksheetProxy(this.ctx, () => this.ctx.host.workbook.sheet(name) ?? null, true, true);
  }
  /** The first worksheet (ExcelApi 1.5); a workbook always has one. */
  getFirst(visibleOnly?: boolean): WorksheetProxy {
    this.ctx.requireApi("WorksheetCollection.getFirst");
    const wb = (): FakeWorkbook => this.ctx.host.workbook;
    return new WorksheetProxy(this.ctx, () => wb().sheets.find((s) => !visibleOnly || s.visibility === "Visible") ?? null, false, true);
  }
  getActiveWorksheet(): WorksheetProxy {
    this._api("getActiveWorksheet");
    const wb = this.ctx.host.workbook;
    return new WorksheetProxy(this.ctx, () => wb.sheets[wb.activeSheet], false, true);
  }
  add(name?: string): WorksheetProxy {
    this._api("add");
    const wb: FakeWorkbook = this.ctx.host.workbook;
    let created: SheetModel | undefined;
    this.ctx.queue(() => {
      let n = name;
      if (n === undefined) {
        let i = wb.sheets.length + 1;
        while (wb.sheet(`Sheet${i}`)) i++;
        n = `Sheet${i}`;
      }
      created = wb.addSheet(n);
    }, jsonSize(name));
    return new WorksheetProxy(this.ctx, () => created, false, true);
  }
}
defineProps<Excel.WorksheetCollection>(WorksheetCollectionProxy, {});
