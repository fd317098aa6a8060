/**
 * `context.workbook` and what hangs off it besides the worksheets: the application and its
 * culture info, the selection, and the workbook-level lists of table and defined names.
 */
import { parseRect } from "./addresses";
import type { FakeContext } from "./context";
import { fail } from "./errors";
import type { FakeExcel } from "./host";
import type { FakeWorkbook } from "./workbook-model";
import { jsonSize } from "./payload";
import { defineProps, Obj, type Resolver } from "./proxy";
import { RangeProxy } from "./range";
import { WorksheetCollectionProxy } from "./worksheets";
import type { Modelled } from "./office-types";

export class WorkbookProxy
  extends Obj
  implements Modelled<Excel.Workbook, "load" | "worksheets" | "application" | "tables" | "names" | "getSelectedRange">
{
  protected readonly className = "Workbook";
  declare readonly worksheets: WorksheetCollectionProxy;
  declare readonly application: ApplicationProxy;
  declare readonly tables: NameListProxy;
  declare readonly names: NameListProxy;
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.host.workbook);
    this._nav("worksheets", new WorksheetCollectionProxy(ctx));
    this._nav("application", new ApplicationProxy(ctx, () => ctx.host.workbook));
    this._nav("tables", new NameListProxy(ctx, "TableCollection", (wb) =>
      wb.sheets.flatMap((s) => s.tables.map((t) => t.name)),
    ));
    this._nav("names", new NameListProxy(ctx, "NamedItemCollection", (wb) => wb.names.slice()));
  }
  getSelectedRange(): RangeProxy {
    this._api("getSelectedRange");
    const host = this.ctx.host;
    return new RangeProxy(
      this.ctx,
      () => {
        const sel = host.workbook.selection;
        if (!sel) return null;
        const s = host.workbook.sheet(sel.sheet);
        return s ? { sheet: s, rect: parseRect(sel.address) } : null;
      },
      false,
      true,
    );
  }
}
defineProps<Excel.Workbook>(WorkbookProxy, {});

/** A workbook-level collection read only for its items' names (tables, defined names). */
export class NameListProxy
  extends Obj
  implements Modelled<Excel.TableCollection & Excel.NamedItemCollection, "load" | "items">
{
  protected readonly className: string;
  private _items: { name: string }[] | undefined;
  constructor(
    ctx: FakeContext,
    className: string,
    private readonly list: (wb: FakeWorkbook) => string[],
  ) {
    super(ctx, () => ctx.host.workbook);
    this.className = className;
  }
  get items(): { name: string }[] {
    this._read("items");
    return this._items!;
  }
  override _loadPath(path: string): void {
    if (path !== "items" && path !== "items/name") fail("InvalidArgument", `${this.className}: only items/name can be loaded.`);
    this._api("items");
    if (path === "items/name") this.ctx.requireApi(this.className === "TableCollection" ? "Table.name" : "NamedItem.name");
    this._requested.add("items");
    this.ctx.batch.pending.add(this);
    this.ctx.queue(() => {
      const names = this.list(this.ctx.host.workbook);
      this._items = names.map((name) => ({ name }));
      this.ctx.executing.response += jsonSize(names);
      this.ctx.executing.staged.push({ obj: this, prop: "items", value: true });
    });
  }
}
defineProps<Excel.TableCollection & Excel.NamedItemCollection>(NameListProxy, {});

export class ApplicationProxy
  extends Obj
  implements Modelled<Excel.Application, "load" | "cultureInfo" | "suspendApiCalculationUntilNextSync" | "suspendScreenUpdatingUntilNextSync">
{
  protected readonly className = "Application";
  declare readonly cultureInfo: CultureInfoProxy;
  constructor(ctx: FakeContext, resolver: Resolver) {
    super(ctx, resolver);
    this._nav("cultureInfo", new CultureInfoProxy(ctx, () => ctx.host));
  }
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.requireApi("Application.suspendApiCalculationUntilNextSync");
    this.ctx.queue(() => undefined);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.requireApi("Application.suspendScreenUpdatingUntilNextSync");
    this.ctx.queue(() => undefined);
  }
}
defineProps<Excel.Application>(ApplicationProxy, { calculationMode: { get: () => "Automatic" } });

/** `application.cultureInfo` (ExcelApi 1.11): only the decimal separator is modelled. */
export class CultureInfoProxy extends Obj implements Modelled<Excel.CultureInfo, "load" | "numberFormat"> {
  protected readonly className = "CultureInfo";
  declare readonly numberFormat: NumberFormatInfoProxy;
  constructor(ctx: FakeContext, resolver: Resolver) {
    super(ctx, resolver);
    this._nav("numberFormat", new NumberFormatInfoProxy(ctx, resolver));
  }
}
defineProps<Excel.CultureInfo>(CultureInfoProxy, {});

export class NumberFormatInfoProxy extends Obj implements Modelled<Excel.NumberFormatInfo, "load"> {
  protected readonly className = "NumberFormatInfo";
}
defineProps<Excel.NumberFormatInfo>(NumberFormatInfoProxy, { numberDecimalSeparator: { get: (host: FakeExcel) => host.decimalSeparator } });
