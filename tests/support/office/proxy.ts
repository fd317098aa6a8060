/**
 * The base of every proxy object: lazy resolution of its target in the model, `load()` and the
 * `PropertyNotLoaded` rules, queued writes, null objects; and `defineProps`, which declares a
 * class's scalar properties from a table.
 */
import type { FakeContext } from "./context";
import { fail } from "./errors";
import type { SheetModel } from "./model";
import type { PropertyNames } from "./office-types";
import { jsonSize } from "./payload";

// ------------------------------------------------------------------ proxy objects

export type Resolver = () => any;

/** Signal (not an error of Office's): the object a target is resolved from is a null object. */
export class NullParent {}

/**
 * A scalar property: how it is read from the target and written to it. Method syntax on
 * purpose: a setter may take a wider type than Office's (e.g. any string for a border style)
 * and check the value itself, as Excel does.
 */
export interface PropDef<V = any> {
  get?(target: any, self: any): V | null;
  set?(target: any, value: V, self: any): void;
}

/** The table `defineProps` takes for Office's class T: only T's properties, with T's value types. */
export type PropTable<T> = { [K in PropertyNames<T>]?: PropDef<T[K]> };

/** Base of every proxy: load/sync bookkeeping, lazy target resolution. */
export abstract class Obj {
  /** Values published by a completed sync. */
  private readonly _values = new Map<string, unknown>();
  /** Props requested by `load()` whose sync has not completed. */
  readonly _requested = new Set<string>();
  private _target: any = undefined;
  private _resolved = false;
  /** For navigation children of a `*OrNullObject` property: null when that parent is null. */
  _nullParent: Obj | null = null;

  constructor(
    protected readonly ctx: FakeContext,
    private readonly resolver: Resolver,
    /** `*OrNullObject` proxies: a missing target is a null object, not an error. */
    protected nullable = false,
    /** Resolve when the creating call is reached in the queue (identity fixed at that time). */
    queued = false,
  ) {
    if (queued || nullable) {
      ctx.queue(() => {
        this._resolve();
      });
      if (nullable) this._stageNull();
    }
  }

  /** The class's scalar properties, set on its prototype by `defineProps`. */
  protected declare readonly props: Record<string, PropDef>;
  protected abstract readonly className: string;

  /** Refuses a method or property of this class the host's API set lacks (`FakeContext.requireApi`). */
  protected _api(member: string): void {
    this.ctx.requireApi(`${this.className}.${member}`);
  }

  /** A navigation property (`range.conditionalFormats`) checked against its set at each use. */
  protected _nav(name: string, child: Obj): void {
    Object.defineProperty(this, name, {
      configurable: true,
      enumerable: false,
      get: () => {
        this.ctx.requireApi(`${this.className}.${name}`);
        return child;
      },
    });
  }

  /** `isNullObject` becomes readable at the next sync. */
  protected _stageNull(): void {
    this._requested.add("isNullObject");
    this.ctx.batch.pending.add(this);
    this.ctx.queue(() => {
      this.ctx.executing.staged.push({ obj: this, prop: "isNullObject", value: this._resolve() === null });
    });
  }

  _resolve(): any {
    if (!this._resolved) {
      if (this._nullParent && this._nullParent._resolve() === null) {
        this._target = null;
      } else {
        let t: any;
        let fromNull = false;
        this.ctx.resolving++;
        try {
          t = this.resolver();
        } catch (e) {
          if (!(e instanceof NullParent)) throw e;
          // Reached from a null object: a null object too (FakeOptions.nullParents).
          fromNull = true;
          t = null;
        } finally {
          this.ctx.resolving--;
        }
        if (t === null || t === undefined) {
          if (!this.nullable && !fromNull) fail("ItemNotFound", `${this.className}: the requested resource doesn't exist.`);
          this._target = null;
        } else {
          this._target = t;
        }
      }
      this._resolved = true;
    }
    return this._target;
  }

  /**
   * Target for an operation; a null object refuses every operation but loads. While another
   * object's target is being resolved from this one (`ctx.resolving`), a null here makes that
   * object null as well, unless the host is strict about null parents.
   */
  _live(): any {
    const t = this._resolve();
    if (t === null) {
      if (this.ctx.resolving > 0 && this.ctx.host.nullParents === "null") throw new NullParent();
      fail("InvalidOperation", `${this.className} is a null object.`);
    }
    return t;
  }

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    return this._read("isNullObject") as boolean;
  }

  _abortSync(): void {
    this._requested.clear();
  }
  _publish(prop: string, value: unknown): void {
    this._values.set(prop, value);
    this._requested.delete(prop);
  }

  protected _read(prop: string): unknown {
    if (this._values.has(prop)) return this._values.get(prop);
    if (this._requested.has(prop)) {
      fail(
        "PropertyNotLoaded",
        `The property '${prop}' of ${this.className} was loaded but context.sync() has not been called since.`,
      );
    }
    return fail(
      "PropertyNotLoaded",
      `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    );
  }

  protected _write(prop: string, value: unknown): void {
    const def = this.props[prop];
    this.ctx.requireApi(`${this.className}.${prop}`);
    // Values set locally are not readable until loaded again, as in Office.
    this._values.delete(prop);
    const copy = value === null || typeof value !== "object" ? value : JSON.parse(JSON.stringify(value));
    this.ctx.queue(() => {
      def.set!(this._live(), copy, this);
    }, jsonSize(value) + prop.length);
  }

  /** `load("a,b")`, `load(["a","b"])`, `load({select, expand})` (each a string or a list), or `load()` for every scalar. */
  load(spec?: string | string[] | OfficeExtension.LoadOption): this {
    const list = (x: string | string[] | undefined): string[] => (x === undefined ? [] : Array.isArray(x) ? x : x.split(","));
    let paths: string[];
    if (spec === undefined) paths = Object.keys(this.props).filter((p) => this.props[p].get);
    else if (typeof spec === "string" || Array.isArray(spec)) paths = list(spec);
    else if (spec.top !== undefined || spec.skip !== undefined) fail("NotImplemented", "load with top or skip is not modelled.");
    else paths = [...list(spec.select), ...list(spec.expand)];
    for (const raw of paths.map((p) => p.trim()).filter(Boolean)) this._loadPath(raw);
    return this;
  }

  /** Runs loads at once (used while a collection load expands its items inside one operation). */
  _loadNow(paths: string[]): void {
    const was = this.ctx.immediate;
    this.ctx.immediate = true;
    try {
      for (const p of paths) this._loadPath(p);
    } finally {
      this.ctx.immediate = was;
    }
  }

  _loadPath(path: string): void {
    const slash = path.indexOf("/");
    if (slash >= 0) {
      const nav = path.slice(0, slash);
      const child = (this as any)[nav];
      if (!(child instanceof Obj)) fail("InvalidArgument", `${this.className} has no navigation property '${nav}'.`);
      child._loadPath(path.slice(slash + 1));
      return;
    }
    const def = this.props[path];
    if (!def || !def.get) {
      const nav = (this as any)[path];
      if (nav instanceof Obj) {
        nav.load();
        return;
      }
      fail("InvalidArgument", `${this.className} has no property '${path}'.`);
    }
    this.ctx.requireApi(`${this.className}.${path}`);
    this._requested.add(path);
    this.ctx.batch.pending.add(this);
    this.ctx.queue(() => {
      const t = this._resolve();
      const value = t === null ? null : def.get!(t, this);
      this.ctx.executing.response += jsonSize(value) + path.length + 4;
      this.ctx.executing.staged.push({ obj: this, prop: path, value });
    });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._values);
  }
}

/** Declares property accessors on a proxy class from its `props` table. */
export function defineProps<T>(cls: any, props: PropTable<T>): void {
  cls.prototype.props = props;
  for (const [name, def] of Object.entries(props as Record<string, PropDef>)) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      get(this: Obj) {
        return (this as any)._read(name);
      },
      set(this: Obj, v: unknown) {
        if (!def.set) fail("InvalidArgument", `The property '${name}' is read-only.`);
        (this as any)._write(name, v);
      },
    });
  }
}

export function guardWrite(sheet: SheetModel, what: string): void {
  if (sheet.protected) fail("AccessDenied", `The sheet "${sheet.name}" is protected: ${what} is not allowed.`);
}
