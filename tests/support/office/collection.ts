/**
 * What every collection of the fake shares: `items` is readable only after a load and a sync,
 * and `load("items/a,items/b/c")` loads those paths on every item inside the same response,
 * as Office expands a collection load in one round trip.
 */
import { Obj } from "./proxy";

export abstract class ItemCollectionProxy<Item extends Obj> extends Obj {
  private _items: Item[] | undefined;
  private _itemPaths: string[] = [];
  private _queued = false;
  /** What `load("items")` without a path loads on each item. */
  protected abstract readonly defaultItemPaths: readonly string[];
  /** The items as the model holds them when the load runs; null for the collection of a null object. */
  protected abstract currentItems(): Item[] | null;

  get items(): Item[] {
    this._read("items");
    return this._items!;
  }

  override _loadPath(path: string): void {
    if (path === "items" || path.startsWith("items/")) {
      this._api("items");
      if (path.startsWith("items/")) this._itemPaths.push(path.slice(6));
      this._queueItems();
      return;
    }
    super._loadPath(path);
  }

  private _queueItems(): void {
    this._requested.add("items");
    this.ctx.batch.pending.add(this);
    if (this._queued) return;
    this._queued = true;
    // One operation expands every item path requested before the sync.
    this.ctx.queue(() => {
      this._queued = false;
      const paths = this._itemPaths;
      this._itemPaths = [];
      const items = this.currentItems();
      if (items === null) {
        // The collection of a null object: loaded as null, no items.
        this._items = undefined;
        this.ctx.executing.staged.push({ obj: this, prop: "items", value: null });
        this.ctx.executing.response += 4;
        return;
      }
      this._items = items;
      this.ctx.executing.staged.push({ obj: this, prop: "items", value: true });
      this.ctx.executing.response += 10;
      // Nested loads run now, inside this operation, like Office expands them in one response.
      for (const item of items) item._loadNow(paths.length ? [...paths] : [...this.defaultItemPaths]);
    });
  }
}
