/** `workbook.worksheets`: the sheets in tab order, by name, first / active, and `add`. */
import type { FakeContext } from "./context";
import type { SheetModel } from "./model";
import { jsonSize } from "./payload";
import { defineProps, Obj, type PropDef } from "./proxy";
import type { FakeWorkbook } from "./workbook-model";
import { WorksheetProxy } from "./worksheet";

export class WorksheetCollectionProxy extends Obj {
  protected readonly className = "WorksheetCollection";
  protected declare readonly props: Record<string, PropDef>;
  private _items: WorksheetProxy[] | undefined;
  private _itemPaths: string[] = [];
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.host.workbook);
  }
  get items(): WorksheetProxy[] {
    this._read("items");
    return this._items!;
  }
  override _loadPath(path: string): void {
    if (path === "items" || path.startsWith("items/")) {
      this._api("items");
      if (path.startsWith("items/")) this._itemPaths.push(path.slice(6));
      this._loadItems();
      return;
    }
    super._loadPath(path);
  }
  private _queued = false;
  private _loadItems(): void {
    this._requested.add("items");
    this.ctx.batch.pending.add(this);
    if (this._queued) return;
    this._queued = true;
    // One operation expands every item path requested before the sync.
    this.ctx.queue(() => {
      this._queued = false;
      const paths = this._itemPaths;
      this._itemPaths = [];
      const wb: FakeWorkbook = this.ctx.host.workbook;
      const items = wb.sheets.map((s) => new WorksheetProxy(this.ctx, () => s));
      this._items = items;
      this.ctx.executing.response += 10;
      this.ctx.executing.staged.push({ obj: this, prop: "items", value: true });
      // Nested loads run now, inside this operation, like Office expands them in one response.
      for (const item of items) item._loadNow(paths.length ? paths : ["name"]);
    });
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
defineProps(WorksheetCollectionProxy, {});
