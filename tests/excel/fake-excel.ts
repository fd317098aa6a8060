/**
 * A stand-in for Excel's JavaScript API (the `Excel.run` / proxy-object / `context.sync()`
 * model), strict where real Office is strict, and instrumented:
 *
 *  - reading a property that was not loaded throws `PropertyNotLoaded`; so does reading it
 *    after `load()` but before the `context.sync()` that fetches it;
 *  - writes and method calls are queued and applied in order at `context.sync()`; a failing
 *    operation rejects the sync and, as in Excel, the operations queued before it stay applied
 *    (a batch is not a transaction);
 *  - every sync is counted, with the approximate request and response payload in bytes
 *    (JSON length of what was written and loaded); on the "web" platform a sync above
 *    5 MB is rejected like Excel on the web does (`RequestPayloadSizeLimitExceeded` /
 *    `ResponsePayloadSizeLimitExceeded`);
 *  - API sets are versioned, from the add-in's own table (src/excel/requirements.ts, which
 *    holds the set Microsoft's reference gives each member): calling a member newer than
 *    `apiVersion` throws `ApiNotFound`, and so does a member the table does not list (the
 *    few the add-in does not call but tests do are in `FAKE_ONLY_API` below, looked up the
 *    same way); `isSetSupported` answers accordingly;
 *  - protected sheets refuse writes (`AccessDenied`); `cellEditMode` makes every sync fail
 *    with `cellEditError` (default `InvalidOperationInCellEditMode`, as Excel.ErrorCodes
 *    lists it; hosts have also been reported to answer `InvalidOperation` with a localized
 *    message), except in a run started with `{ delayForCellEdit: true }`, whose syncs wait
 *    until the user leaves the cell (`cellEditMode = false`), as the documentation says
 *    (`ignoresDelay` models a host that does not honour the option); `failSync(n, ...)` injects a failure into the
 *    n-th sync from now, optionally after k of its operations have been applied;
 *  - null objects (`*OrNullObject`) are detected after the sync without a load; loading a
 *    property of one gives `null`; an object reached from one (`nullSheet.getNextOrNullObject()`,
 *    `nullSheet.getUsedRangeOrNullObject()`, `nullSheet.protection`) is null too, and any
 *    other operation on a null object (a write, `delete`, `add` ...) fails the sync with
 *    `InvalidOperation`. See `FakeOptions.nullParents` for why, and for the strict variant.
 *
 * Its one import is the requirement table (itself import-free): tests/e2e transpiles both
 * files with TypeScript and serves them, together with tests/e2e/office-stub.js, in place of
 * office.js. The model can be saved with `toJSON()` and rebuilt with `fromJSON()`.
 *
 * Only the part of the API the add-in uses is implemented; anything else is `undefined`, so
 * a new API call in the adapter fails loudly here rather than passing silently.
 */


import { EXCEL_API } from "../../src/excel/requirements";

/**
 * Members the fake models that the add-in does not call (tests and helpers use them), with
 * the set Microsoft's reference gives each. Kept apart from the add-in's table so that the
 * table lists exactly what the add-in calls (tests/excel/requirements.test.ts checks that).
 */
export const FAKE_ONLY_API: Readonly<Record<string, string>> = {
  "Workbook.getSelectedRange": "1.1",
  "Application.calculationMode": "1.1",
  "Application.suspendApiCalculationUntilNextSync": "1.6",
  "Application.suspendScreenUpdatingUntilNextSync": "1.9",
  "WorksheetCollection.getItemOrNullObject": "1.4",
  "WorksheetCollection.getActiveWorksheet": "1.1",
  "Worksheet.position": "1.1",
  "Worksheet.getUsedRange": "1.1",
  "Worksheet.tabColor": "1.7",
  "Worksheet.showGridlines": "1.8",
  "WorksheetFreezePanes.freezeColumns": "1.7",
  "WorksheetFreezePanes.freezeAt": "1.7",
  "WorksheetFreezePanes.unfreeze": "1.7",
  "WorksheetCustomPropertyCollection.getItem": "1.12",
  "WorksheetCustomProperty.key": "1.12",
  "WorksheetCustomProperty.delete": "1.12",
  "Range.rowIndex": "1.1",
  "Range.columnIndex": "1.1",
  "Range.getCell": "1.1",
  "Range.getResizedRange": "1.2",
  "Range.getOffsetRange": "1.1",
  "Range.getRow": "1.1",
  "Range.getColumn": "1.1",
  "RangeAreas.address": "1.9",
  "RangeAreas.areaCount": "1.9",
  "RangeFormat.rowHeight": "1.2",
  "RangeFormat.borders": "1.1",
  "RangeFormat.autofitColumns": "1.2",
  "RangeFormat.autofitRows": "1.2",
  "RangeFill.clear": "1.1",
  "RangeFont.italic": "1.1",
  "RangeFont.name": "1.1",
  "RangeFont.size": "1.1",
  "RangeBorderCollection.getItem": "1.1",
  "RangeBorder.style": "1.1",
  "RangeBorder.color": "1.1",
  "RangeBorder.weight": "1.1",
  "DataValidation.clear": "1.8",
  "ConditionalFormatCollection.clearAll": "1.6",
  "ConditionalFormat.id": "1.6",
  "ConditionalFormat.priority": "1.6",
  "ConditionalFormat.stopIfTrue": "1.6",
  "ConditionalFormat.getRange": "1.6",
  "ConditionalRangeFont.color": "1.6",
  "ConditionalRangeFont.italic": "1.6",
  "Table.showTotals": "1.1",
  "Table.id": "1.1",
};

/** The set of a member: the add-in's table first, then the fake's own list. */
export function apiSetOf(member: string): string | undefined {
  return (EXCEL_API as Readonly<Record<string, string>>)[member] ?? FAKE_ONLY_API[member];
}

export type FakeCell = string | number | boolean | null;

/** 0-based inclusive rectangle on one sheet. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface CellFormat {
  fill?: string | null;
  fontColor?: string | null;
  bold?: boolean;
  italic?: boolean;
  fontName?: string;
  fontSize?: number;
  wrapText?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  borderBottom?: string;
}

export interface CFModel {
  id: string;
  type: string;
  rects: Rect[];
  formula: string | null;
  format: {
    fill: string | null;
    fontColor: string | null;
    bold: boolean | null;
    italic: boolean | null;
    /** Set edges only (`EdgeTop` ...), absent when the rule has no border. */
    borders?: Record<string, { style: string; color: string | null }>;
  };
  stopIfTrue: boolean;
}

export interface TableModel {
  name: string;
  rect: Rect;
  hasHeaders: boolean;
  style: string;
  showBandedRows: boolean;
}

export interface ValidationModel {
  rect: Rect;
  rule: unknown;
  ignoreBlanks?: boolean;
  errorAlert: unknown;
  prompt: unknown;
}

export interface SheetModel {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  protected: boolean;
  tabColor: string;
  showGridlines: boolean;
  /** rows[r][c]; ragged; missing cells are "". */
  rows: FakeCell[][];
  formulas: Map<number, string>;
  numberFormats: Map<number, string>;
  formats: Map<number, CellFormat>;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  cfs: CFModel[];
  tables: TableModel[];
  validations: ValidationModel[];
  freeze: { rows: number; columns: number } | null;
  /** Worksheet custom properties (ExcelApi 1.12), key as given -> value. */
  customProperties: Map<string, string>;
}

export interface FakeOptions {
  /** "web" enforces Excel on the web's 5 MB per request and per response. */
  platform?: "web" | "desktop";
  /** Highest ExcelApi version the host supports, e.g. "1.12". */
  apiVersion?: string;
  /** Override the payload limit in bytes (default 5 MB on the web, none elsewhere). */
  payloadLimit?: number;
  /**
   * What becomes of an object reached from a null object in the same batch, e.g.
   * `ws.getNextOrNullObject().getUsedRangeOrNullObject()` past the last sheet.
   *
   * `"null"` (default): it is a null object too; loads on it give `null`. This is the model of
   * the Office.js runtime: every proxy is instantiated by the host and may come back null
   * (`ClientObject._handleIdResult`), and a null object keeps a valid object path of type
   * `NullObject` that later requests may reference (`ObjectPath._updateAsNullObject`).
   * Microsoft's documentation does not state it in words for method calls, so
   * `"fail"` models the strict reading (any use of a null object other than a load fails the
   * sync with `InvalidOperation`): the adapter must stay correct under both
   * (tests/excel/syncs.test.ts runs it that way).
   */
  nullParents?: "null" | "fail";
  /**
   * A get over five million cells: `"error"` (default) rejects the sync; `"null"` answers
   * `values`/`numberFormat`/`formulas` with `null`, as Excel's documentation says it may.
   */
  oversizeGet?: "error" | "null";
  /**
   * The display language: which names Excel knows for the add-in's functions (`customFunctions`)
   * and the language of `formulasLocal` (Italian function names). Default "en".
   */
  language?: "en" | "it";
  /** Decimal separator of the user's settings (`application.cultureInfo`); default "." */
  decimalSeparator?: "," | ".";
  /**
   * The add-in's functions as registered: id -> Italian name. When given, a formula naming a
   * `KPI.` function by a name the display language does not use shows `#NAME?` (English
   * names under "en", Italian ones under "it"), as reported for Excel (office-js issue 891).
   */
  customFunctions?: Readonly<Record<string, string>>;
  /**
   * The language of the add-in's function names, when it differs from `language` (a display
   * language the manifest has no override for, e.g. it-CH before one is added). Default: `language`.
   */
  customFunctionLanguage?: "en" | "it";
  /** Limit on the request alone (bytes), e.g. to make a host refuse a large write. */
  requestLimit?: number;
}

export interface SyncStat {
  request: number;
  /** The response the host built; when `rejected`, it was refused and never sent. */
  response: number;
  operations: number;
  /** True when the host refused the request or the response as over the payload limit. */
  rejected?: boolean;
}

/** What the host is asked to do and how much it costs; reset with `resetStats()`. */
export interface FakeStats {
  runs: number;
  syncs: number;
  requestBytes: number;
  /** Responses actually sent: one refused as over the limit is counted in `rejectedBytes`. */
  responseBytes: number;
  /** Responses built but refused as over the payload limit (web). */
  rejectedBytes: number;
  perSync: SyncStat[];
}

interface Fault {
  /** Fails the sync whose number (from the last `failSync` call) is this. */
  sync: number;
  code: string;
  message: string;
  /** Operations of that sync applied before the failure. */
  afterOperations: number;
}

const COLS = 16384;
const MAX_ROWS = 1048576;
const key = (r: number, c: number): number => r * COLS + c;
const WEB_LIMIT = 5 * 1024 * 1024;
/** Rough per-operation overhead of Office's JSON request (action, object path, ids). */
const OP_OVERHEAD = 40;

// ------------------------------------------------------------------ errors

/** Mimics OfficeExtension.Error: `name`, `code`, `message`, `debugInfo`. */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, location?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation: location };
  }
}

function fail(code: string, message: string, location?: string): never {
  throw new FakeOfficeError(code, message, location);
}

// ------------------------------------------------------------------ addresses

export function columnName(c: number): string {
  let n = c + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function rectAddress(r: Rect): string {
  const a = `${columnName(r.c0)}${r.r0 + 1}`;
  if (r.r0 === r.r1 && r.c0 === r.c1) return a;
  return `${a}:${columnName(r.c1)}${r.r1 + 1}`;
}

/** Excel quotes a sheet name in an address unless it is a plain identifier. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** Parses `A1`, `$A$1:B2`, `A:C`, `3:5` (one area, no sheet). */
export function parseRect(address: string): Rect {
  const text = address.replace(/\$/g, "").trim();
  const cell = /^([A-Za-z]{1,3})(\d{1,7})$/;
  const parts = text.split(":");
  if (parts.length > 2 || parts[0] === "") fail("InvalidArgument", `Bad address "${address}"`);
  const one = (p: string, end: boolean): { r: number | null; c: number | null } => {
    const m = cell.exec(p);
    if (m) return { r: Number(m[2]) - 1, c: columnNumber(m[1]) };
    if (/^[A-Za-z]{1,3}$/.test(p)) return { r: null, c: columnNumber(p) };
    if (/^\d{1,7}$/.test(p)) return { r: Number(p) - 1, c: null };
    return fail("InvalidArgument", `Bad address "${address}"${end ? "" : ""}`);
  };
  const a = one(parts[0], false);
  const b = parts.length === 2 ? one(parts[1], true) : a;
  if ((a.r === null) !== (b.r === null) || (a.c === null) !== (b.c === null)) {
    fail("InvalidArgument", `Bad address "${address}"`);
  }
  const rect: Rect = {
    r0: a.r ?? 0,
    r1: b.r ?? MAX_ROWS - 1,
    c0: a.c ?? 0,
    c1: b.c ?? COLS - 1,
  };
  const norm: Rect = {
    r0: Math.min(rect.r0, rect.r1),
    r1: Math.max(rect.r0, rect.r1),
    c0: Math.min(rect.c0, rect.c1),
    c1: Math.max(rect.c0, rect.c1),
  };
  if (norm.r0 < 0 || norm.r1 >= MAX_ROWS || norm.c0 < 0 || norm.c1 >= COLS) {
    fail("InvalidArgument", `Address out of the sheet "${address}"`);
  }
  return norm;
}

function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

function cellCount(r: Rect): number {
  return (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);
}

/**
 * JSON size without building the string (large grids would be slow to stringify); exact for
 * plain data without characters JSON escapes.
 */
export function jsonSize(x: unknown): number {
  if (x === null || x === undefined) return 4;
  switch (typeof x) {
    case "number":
      return Number.isFinite(x) ? String(x).length : 4;
    case "boolean":
      return x ? 4 : 5;
    case "string":
      return x.length + 2;
    case "object": {
      if (Array.isArray(x)) {
        let n = 2 + Math.max(0, x.length - 1);
        for (const v of x) n += jsonSize(v);
        return n;
      }
      const entries = Object.entries(x as Record<string, unknown>).filter(([, v]) => v !== undefined);
      let n = 2 + Math.max(0, entries.length - 1);
      for (const [k, v] of entries) n += k.length + 3 + jsonSize(v);
      return n;
    }
    default:
      return 0;
  }
}

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split(".").map(Number);
  const b = want.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

const BAD_SHEET_CHARS = /[\\/?*[\]:]/;

// ------------------------------------------------------------------ the workbook model

export interface SheetInit {
  name: string;
  /** Top-left of `values` (default A1). */
  at?: string;
  values?: FakeCell[][];
  numberFormats?: (string | null | undefined)[][];
  fills?: Record<string, string>;
  protected?: boolean;
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  conditionalFormats?: { address: string; formula: string; fill: string }[];
}

function newSheet(name: string): SheetModel {
  return {
    name,
    visibility: "Visible",
    protected: false,
    tabColor: "",
    showGridlines: true,
    rows: [],
    formulas: new Map(),
    numberFormats: new Map(),
    formats: new Map(),
    columnWidths: new Map(),
    rowHeights: new Map(),
    cfs: [],
    tables: [],
    validations: [],
    freeze: null,
    customProperties: new Map(),
  };
}

function getCell(s: SheetModel, r: number, c: number): FakeCell {
  const row = s.rows[r];
  if (!row) return "";
  const v = row[c];
  return v === undefined || v === null ? "" : v;
}

function setCell(s: SheetModel, r: number, c: number, v: FakeCell): void {
  let row = s.rows[r];
  if (!row) {
    row = [];
    s.rows[r] = row;
  }
  while (row.length < c) row.push("");
  row[c] = v === null ? "" : v;
}

function usedRect(s: SheetModel, valuesOnly: boolean): Rect | null {
  let r0 = Infinity;
  let r1 = -1;
  let c0 = Infinity;
  let c1 = -1;
  const take = (r: number, c: number): void => {
    if (r < r0) r0 = r;
    if (r > r1) r1 = r;
    if (c < c0) c0 = c;
    if (c > c1) c1 = c;
  };
  for (let r = 0; r < s.rows.length; r++) {
    const row = s.rows[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v !== "" && v !== null && v !== undefined) take(r, c);
    }
  }
  for (const k of s.formulas.keys()) take(Math.floor(k / COLS), k % COLS);
  if (!valuesOnly) {
    for (const k of s.formats.keys()) take(Math.floor(k / COLS), k % COLS);
    for (const k of s.numberFormats.keys()) take(Math.floor(k / COLS), k % COLS);
  }
  return r1 < 0 ? null : { r0, r1, c0, c1 };
}

let cfCounter = 0;

export class FakeWorkbook {
  sheets: SheetModel[] = [];
  /** Defined names (workbook scope); table names may not repeat them. */
  names: string[] = [];
  activeSheet = 0;
  selection: { sheet: string; address: string } | null = null;

  sheet(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  addSheet(name: string): SheetModel {
    if (name.length === 0 || name.length > 31 || BAD_SHEET_CHARS.test(name) || /^'|'$/.test(name)) {
      fail("InvalidArgument", `The sheet name "${name}" is not valid.`);
    }
    if (this.sheet(name)) fail("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
    const s = newSheet(name);
    this.sheets.push(s);
    return s;
  }

  /** Adds a sheet from a plain description (for fixtures). */
  load(init: SheetInit): SheetModel {
    const s = this.addSheet(init.name);
    const at = init.at ? parseRect(init.at) : { r0: 0, c0: 0, r1: 0, c1: 0 };
    (init.values ?? []).forEach((row, i) =>
      row.forEach((v, j) => {
        if (v !== null && v !== "") setCell(s, at.r0 + i, at.c0 + j, v);
      }),
    );
    (init.numberFormats ?? []).forEach((row, i) =>
      row.forEach((f, j) => {
        if (f && f !== "General") s.numberFormats.set(key(at.r0 + i, at.c0 + j), f);
      }),
    );
    for (const [addr, color] of Object.entries(init.fills ?? {})) {
      const r = parseRect(addr);
      for (let i = r.r0; i <= r.r1; i++)
        for (let j = r.c0; j <= r.c1; j++) {
          const k = key(i, j);
          s.formats.set(k, { ...(s.formats.get(k) ?? {}), fill: color });
        }
    }
    for (const cf of init.conditionalFormats ?? []) {
      s.cfs.push({
        id: `user-${++cfCounter}`,
        type: "Custom",
        rects: [parseRect(cf.address)],
        formula: cf.formula,
        format: { fill: cf.fill, fontColor: null, bold: null, italic: null },
        stopIfTrue: false,
      });
    }
    s.protected = init.protected ?? false;
    s.visibility = init.visibility ?? "Visible";
    return s;
  }

  /** A plain-JSON copy of every sheet: values, formulas, formats, rules, tables ... */
  snapshot(): unknown {
    return {
      active: this.activeSheet,
      names: this.names.slice(),
      sheets: this.sheets.map((s) => ({
        name: s.name,
        visibility: s.visibility,
        protected: s.protected,
        tabColor: s.tabColor,
        showGridlines: s.showGridlines,
        rows: s.rows.map((row) => (row ? row.slice() : null)),
        formulas: [...s.formulas.entries()].sort((a, b) => a[0] - b[0]),
        numberFormats: [...s.numberFormats.entries()].sort((a, b) => a[0] - b[0]),
        formats: [...s.formats.entries()].sort((a, b) => a[0] - b[0]).map(([k, f]) => [k, sortKeys(f)]),
        columnWidths: [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
        rowHeights: [...s.rowHeights.entries()].sort((a, b) => a[0] - b[0]),
        cfs: s.cfs.map((cf) => ({ ...cf, rects: cf.rects.map(rectAddress) })),
        tables: s.tables.map((t) => ({ ...t, rect: rectAddress(t.rect) })),
        validations: s.validations.map((v) => ({ ...v, rect: rectAddress(v.rect) })),
        freeze: s.freeze,
        customProperties: [...s.customProperties.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
      })),
    };
  }

  toJSON(): unknown {
    return this.snapshot();
  }

  static fromJSON(json: any): FakeWorkbook {
    const wb = new FakeWorkbook();
    for (const s of json.sheets as any[]) {
      const m = newSheet(s.name);
      m.visibility = s.visibility;
      m.protected = s.protected;
      m.tabColor = s.tabColor;
      m.showGridlines = s.showGridlines;
      m.rows = (s.rows as (FakeCell[] | null)[]).map((row) => (row ? row.slice() : (undefined as any)));
      m.formulas = new Map(s.formulas);
      m.numberFormats = new Map(s.numberFormats);
      m.formats = new Map(s.formats);
      m.columnWidths = new Map(s.columnWidths);
      m.rowHeights = new Map(s.rowHeights);
      m.cfs = (s.cfs as any[]).map((cf) => ({ ...cf, rects: (cf.rects as string[]).map(parseRect) }));
      m.tables = (s.tables as any[]).map((t) => ({ ...t, rect: parseRect(t.rect) }));
      m.validations = (s.validations as any[]).map((v) => ({ ...v, rect: parseRect(v.rect) }));
      m.freeze = s.freeze;
      m.customProperties = new Map(s.customProperties ?? []);
      wb.sheets.push(m);
    }
    wb.activeSheet = json.active ?? 0;
    wb.names = (json.names ?? []).slice();
    return wb;
  }
}

function sortKeys<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1))) as T;
}

// ------------------------------------------------------------------ the request context

type Op = { run: () => void; request: number };

class Batch {
  ops: Op[] = [];
  /** Values fetched by this batch's loads, published when the sync completes. */
  staged: { obj: Obj; prop: string; value: unknown }[] = [];
  /** Objects with loads in this batch. */
  pending = new Set<Obj>();
  response = 0;
}

export class FakeContext {
  readonly workbook: any;
  /** The batch being queued by the add-in. */
  batch = new Batch();
  /** The batch being executed by `sync()` (loads stage their results here). */
  executing = new Batch();
  /** While set, `queue` runs an operation at once (loads expanded inside another operation). */
  immediate = false;
  /** Depth of target resolutions in progress (see `Obj._live`). */
  resolving = 0;
  constructor(
    readonly host: FakeExcel,
    /** The run was started with `{ delayForCellEdit: true }`. */
    readonly delayForCellEdit = false,
  ) {
    this.workbook = new WorkbookProxy(this);
  }

  queue(run: () => void, request = 0): void {
    if (this.immediate) {
      run();
      return;
    }
    this.batch.ops.push({ run, request: request + OP_OVERHEAD });
  }

  /** Refuses a member whose set (src/excel/requirements.ts) the host lacks, or that no table lists. */
  requireApi(member: string): void {
    const version = apiSetOf(member);
    this.host.membersUsed.add(member);
    if (version === undefined) fail("ApiNotFound", `${member} is in no requirement table (src/excel/requirements.ts).`);
    if (!versionAtLeast(this.host.apiVersion, version)) {
      fail("ApiNotFound", `${member} needs ExcelApi ${version}; this host has ${this.host.apiVersion}.`);
    }
  }

  async sync(): Promise<void> {
    const host = this.host;
    const batch = this.batch;
    this.batch = new Batch();
    host._syncNumber++;
    const stat: SyncStat = { request: 0, response: 0, operations: batch.ops.length };
    host.stats.syncs++;
    host.stats.perSync.push(stat);
    // Let other work run, as a real round trip would.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    const request = batch.ops.reduce((n, op) => n + op.request, 0);
    stat.request = request;
    host.stats.requestBytes += request;
    const abort = (error: unknown): never => {
      for (const o of batch.pending) o._abortSync();
      throw error;
    };
    if (host.cellEditMode && this.delayForCellEdit && !host.ignoresDelay) {
      // Documented: the batch is delayed until the user exits cell edit mode.
      await new Promise<void>((resolve) => host._editWaiters.push(resolve));
    }
    if (host.cellEditMode) {
      abort(new FakeOfficeError(host.cellEditError.code, host.cellEditError.message));
    }
    if (request > Math.min(host.payloadLimit, host.requestLimit)) {
      stat.rejected = true;
      abort(
        new FakeOfficeError("RequestPayloadSizeLimitExceeded", `The request payload (${request} bytes) exceeds the limit.`),
      );
    }
    const fault = host._faults.find((f) => f.sync === host._syncNumber);
    let done = 0;
    this.executing = batch;
    try {
      for (const op of batch.ops) {
        if (fault && done === fault.afterOperations) throw new FakeOfficeError(fault.code, fault.message);
        op.run();
        done++;
      }
      if (fault) throw new FakeOfficeError(fault.code, fault.message);
    } catch (e) {
      abort(e);
    }
    stat.response = batch.response;
    if (batch.response > host.payloadLimit) {
      // Built and refused: the add-in never receives it (no bytes moved to the page).
      stat.rejected = true;
      host.stats.rejectedBytes += batch.response;
      abort(
        new FakeOfficeError(
          "ResponsePayloadSizeLimitExceeded",
          `The response payload (${batch.response} bytes) exceeds the limit.`,
        ),
      );
    }
    host.stats.responseBytes += batch.response;
    for (const s of batch.staged) s.obj._publish(s.prop, s.value);
  }

  /** `context.trackedObjects` (no-op: the fake has no memory to release). */
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
}

// ------------------------------------------------------------------ proxy objects

type Resolver = () => any;

/** Signal (not an error of Office's): the object a target is resolved from is a null object. */
class NullParent {}

interface PropDef {
  get?: (target: any, self: any) => unknown;
  set?: (target: any, value: any, self: any) => void;
}

/** Base of every proxy: load/sync bookkeeping, lazy target resolution. */
abstract class Obj {
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

  protected abstract readonly props: Record<string, PropDef>;
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

  /** `load("a,b")`, `load(["a","b"])`, `load({select, expand})`, or `load()` for every scalar. */
  load(spec?: string | string[] | { select?: string; expand?: string }): this {
    let paths: string[];
    if (spec === undefined) paths = Object.keys(this.props).filter((p) => this.props[p].get);
    else if (typeof spec === "string") paths = spec.split(",");
    else if (Array.isArray(spec)) paths = spec;
    else paths = [...(spec.select ?? "").split(","), ...(spec.expand ?? "").split(",")];
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
function defineProps(cls: any, props: Record<string, PropDef>): void {
  cls.prototype.props = props;
  for (const [name, def] of Object.entries(props)) {
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

function guardWrite(sheet: SheetModel, what: string): void {
  if (sheet.protected) fail("AccessDenied", `The sheet "${sheet.name}" is protected: ${what} is not allowed.`);
}

// ---- workbook, application

class WorkbookProxy extends Obj {
  protected readonly className = "Workbook";
  protected declare readonly props: Record<string, PropDef>;
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
defineProps(WorkbookProxy, {});

/** A workbook-level collection read only for its items' names (tables, defined names). */
class NameListProxy extends Obj {
  protected readonly className: string;
  protected declare readonly props: Record<string, PropDef>;
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
defineProps(NameListProxy, {});

class ApplicationProxy extends Obj {
  protected readonly className = "Application";
  protected declare readonly props: Record<string, PropDef>;
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
defineProps(ApplicationProxy, { calculationMode: { get: () => "Automatic" } });

/** `application.cultureInfo` (ExcelApi 1.11): only the decimal separator is modelled. */
class CultureInfoProxy extends Obj {
  protected readonly className = "CultureInfo";
  protected declare readonly props: Record<string, PropDef>;
  declare readonly numberFormat: NumberFormatInfoProxy;
  constructor(ctx: FakeContext, resolver: Resolver) {
    super(ctx, resolver);
    this._nav("numberFormat", new NumberFormatInfoProxy(ctx, resolver));
  }
}
defineProps(CultureInfoProxy, {});

class NumberFormatInfoProxy extends Obj {
  protected readonly className = "NumberFormatInfo";
  protected declare readonly props: Record<string, PropDef>;
}
defineProps(NumberFormatInfoProxy, { numberDecimalSeparator: { get: (host: FakeExcel) => host.decimalSeparator } });

// ---- worksheets

class WorksheetCollectionProxy extends Obj {
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

class WorksheetProtectionProxy extends Obj {
  protected readonly className = "WorksheetProtection";
  protected declare readonly props: Record<string, PropDef>;
}
defineProps(WorksheetProtectionProxy, {
  protected: { get: (s: SheetModel) => s.protected },
});

class FreezePanesProxy extends Obj {
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

class TableCollectionProxy extends Obj {
  protected readonly className = "TableCollection";
  protected declare readonly props: Record<string, PropDef>;
  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    this._api("add");
    let made: TableModel | undefined;
    this.ctx.queue(() => {
      const s: SheetModel = this._live();
      guardWrite(s, "adding a table");
      let rect: Rect;
      if (typeof address === "string") {
        const bang = address.lastIndexOf("!");
        rect = parseRect(bang >= 0 ? address.slice(bang + 1) : address);
      } else {
        rect = (address._live() as RangeTarget).rect;
      }
      const wb: FakeWorkbook = this.ctx.host.workbook;
      for (const sh of wb.sheets)
        for (const t of sh.tables)
          if (sh === s && intersects(t.rect, rect)) fail("InvalidOperation", "Tables cannot overlap.");
      let n = 1;
      const names = new Set([
        ...wb.sheets.flatMap((sh) => sh.tables.map((t) => t.name.toLowerCase())),
        ...wb.names.map((n) => n.toLowerCase()),
      ]);
      while (names.has(`table${n}`)) n++;
      made = { name: `Table${n}`, rect, hasHeaders, style: "TableStyleMedium2", showBandedRows: true };
      s.tables.push(made);
    }, jsonSize(typeof address === "string" ? address : "range"));
    return new TableProxy(this.ctx, () => made, false, true);
  }
}
defineProps(TableCollectionProxy, {});

class TableProxy extends Obj {
  protected readonly className = "Table";
  protected declare readonly props: Record<string, PropDef>;
}
defineProps(TableProxy, {
  name: {
    get: (t: TableModel) => t.name,
    set: (t: TableModel, v: string, self: TableProxy) => {
      if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(v) || /^[A-Za-z]{1,3}\d+$/.test(v) || /^[RrCc]$/.test(v)) {
        fail("InvalidArgument", `The table name "${v}" is not valid.`);
      }
      const wb: FakeWorkbook = (self as any).ctx.host.workbook;
      for (const sh of wb.sheets)
        for (const other of sh.tables)
          if (other !== t && other.name.toLowerCase() === v.toLowerCase())
            fail("ItemAlreadyExists", `A table named "${v}" already exists.`);
      if (wb.names.some((n) => n.toLowerCase() === v.toLowerCase())) {
        fail("ItemAlreadyExists", `A defined name "${v}" already exists.`);
      }
      t.name = v;
    },
  },
  style: { get: (t: TableModel) => t.style, set: (t: TableModel, v: string) => (t.style = v) },
  showBandedRows: {
    get: (t: TableModel) => t.showBandedRows,
    set: (t: TableModel, v: boolean) => (t.showBandedRows = v),
  },
});

/** Keys are case-insensitive, as in Excel: the stored key keeps its first spelling. */
function propertyKey(sheet: SheetModel, k: string): string | undefined {
  const lower = k.toLowerCase();
  return [...sheet.customProperties.keys()].find((x) => x.toLowerCase() === lower);
}

class CustomPropertyCollectionProxy extends Obj {
  protected readonly className = "WorksheetCustomPropertyCollection";
  protected declare readonly props: Record<string, PropDef>;
  add(k: string, value: string): CustomPropertyProxy {
    this.ctx.requireApi("WorksheetCustomPropertyCollection.add");
    this.ctx.queue(() => {
      const sheet: SheetModel = this._live();
      if (typeof k !== "string" || k.length === 0 || k.length > 255) fail("InvalidArgument", "A custom property key has 1 to 255 characters.");
      guardWrite(sheet, "setting a custom property");
      // Adding an existing key overwrites its value (Office.js documents this).
      sheet.customProperties.set(propertyKey(sheet, k) ?? k, String(value));
    }, jsonSize(k) + jsonSize(value));
    return new CustomPropertyProxy(this.ctx, () => this.find(k), false, true);
  }
  getItem(k: string): CustomPropertyProxy {
    this.ctx.requireApi("WorksheetCustomPropertyCollection.getItem");
    return new CustomPropertyProxy(this.ctx, () => this.find(k), false, true);
  }
  getItemOrNullObject(k: string): CustomPropertyProxy {
    this.ctx.requireApi("WorksheetCustomPropertyCollection.getItemOrNullObject");
    return new CustomPropertyProxy(this.ctx, () => this.find(k), true, true);
  }
  private find(k: string): { sheet: SheetModel; key: string } | null {
    const sheet: SheetModel = this._live();
    const found = propertyKey(sheet, k);
    return found === undefined ? null : { sheet, key: found };
  }
}
defineProps(CustomPropertyCollectionProxy, {});

class CustomPropertyProxy extends Obj {
  protected readonly className = "WorksheetCustomProperty";
  protected declare readonly props: Record<string, PropDef>;
  delete(): void {
    this._api("delete");
    this.ctx.queue(() => {
      const t: { sheet: SheetModel; key: string } = this._live();
      guardWrite(t.sheet, "deleting a custom property");
      t.sheet.customProperties.delete(t.key);
    });
  }
}
defineProps(CustomPropertyProxy, {
  key: { get: (t: { key: string }) => t.key },
  value: {
    get: (t: { sheet: SheetModel; key: string }) => t.sheet.customProperties.get(t.key) ?? null,
    set: (t: { sheet: SheetModel; key: string }, v: string) => {
      guardWrite(t.sheet, "setting a custom property");
      t.sheet.customProperties.set(t.key, String(v));
    },
  },
});

class WorksheetProxy extends Obj {
  protected readonly className = "Worksheet";
  protected declare readonly props: Record<string, PropDef>;
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
  getRanges(address: string): RangeAreasProxy {
    this.ctx.requireApi("Worksheet.getRanges");
    return new RangeAreasProxy(this.ctx, () => {
      const s: SheetModel = this._live();
      const rects = address.split(",").map((a) => parseRect(a));
      return { sheet: s, rects };
    });
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    this._api("getUsedRange");
    return new RangeProxy(
      this.ctx,
      () => {
        const s: SheetModel = this._live();
        return { sheet: s, rect: usedRect(s, !!valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } };
      },
      false,
      true,
    );
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    this.ctx.requireApi("Worksheet.getUsedRangeOrNullObject");
    return new RangeProxy(
      this.ctx,
      () => {
        const s: SheetModel = this._live();
        const rect = usedRect(s, !!valuesOnly);
        return rect ? { sheet: s, rect } : null;
      },
      true,
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
defineProps(WorksheetProxy, {
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

// ---- ranges

interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

function grid<T>(t: RangeTarget, cell: (r: number, c: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = t.rect.r0; r <= t.rect.r1; r++) {
    const row: T[] = [];
    for (let c = t.rect.c0; c <= t.rect.c1; c++) row.push(cell(r, c));
    out.push(row);
  }
  return out;
}

const GET_CELL_LIMIT = 5_000_000;

/**
 * What Excel (en-US) makes of a typed or API-written input: `'text` is text (quote prefix),
 * `=...` a formula, `+...`/`-...` a formula too (an invalid one is an error), numbers,
 * percentages, booleans and m/d/yyyy dates are converted. The fake does not calculate: a
 * formula cell's value is "".
 */
export function coerceInput(x: FakeCell): { value: FakeCell; formula: string | null } {
  if (typeof x !== "string") return { value: x, formula: null };
  if (x.startsWith("'")) return { value: x.slice(1), formula: null };
  const t = x.trim();
  if (t.startsWith("=")) return { value: "", formula: t };
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return { value: Number(t), formula: null };
  if (/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(t)) return { value: Number(t.slice(0, -1)) / 100, formula: null };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true", formula: null };
  const date = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (date) {
    const serial = Date.UTC(Number(date[3]), Number(date[1]) - 1, Number(date[2])) / 86400000 + 25569;
    return { value: serial, formula: null };
  }
  if (t.startsWith("+") || t.startsWith("-")) return { value: "#NAME?", formula: `=${t}` };
  return { value: x, formula: null };
}

function writeInput(s: SheetModel, r: number, c: number, x: FakeCell, host?: FakeExcel): void {
  const { value, formula } = coerceInput(x);
  if (formula === null) s.formulas.delete(key(r, c));
  else s.formulas.set(key(r, c), formula);
  setCell(s, r, c, formula !== null && host && !host.knowsFunctionsOf(formula) ? "#NAME?" : value);
}

/**
 * Italian Excel's names of some built-in functions (Excel's Italian function list), for
 * `formulasLocal`. Written apart from the add-in's own list on purpose.
 */
const ITALIAN_FUNCTIONS: Readonly<Record<string, string>> = {
  SE: "IF", O: "OR", E: "AND", NON: "NOT", "SE.ERRORE": "IFERROR", "VAL.TESTO": "ISTEXT",
  "VAL.NUMERO": "ISNUMBER", "VAL.VUOTO": "ISBLANK", RIPETI: "REPT", ARROTONDA: "ROUND",
  SOMMA: "SUM", ASS: "ABS", MEDIA: "AVERAGE", MIN: "MIN", MAX: "MAX",
};

/**
 * A formula typed in the user's language (`formulasLocal`) in the invariant form. Italian:
 * Italian function names, `;` between arguments with a decimal comma. An unknown function
 * name stays as typed (Excel shows #NAME?).
 */
function invariantFormula(text: string, host: FakeExcel): { text: string; known: boolean } {
  if (host.language !== "it") {
    // English Excel: the local form is the English one; an Italian-only name is unknown.
    const names = [...text.replace(/"([^"]|"")*"/g, "").matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g)].map((m) => m[1].toUpperCase());
    return { text, known: !names.some((n) => ITALIAN_FUNCTIONS[n] !== undefined && ITALIAN_FUNCTIONS[n] !== n) };
  }
  let known = true;
  let out = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < text.length && !(text[j] === ch && text[j + 1] !== ch)) j += text[j] === ch ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_.]*(?=\s*\()/.exec(text.slice(i));
    if (m) {
      const name = m[0].toUpperCase();
      if (!name.startsWith("KPI.") && !ITALIAN_FUNCTIONS[name]) known = false;
      out += name.startsWith("KPI.") ? m[0] : (ITALIAN_FUNCTIONS[name] ?? m[0]);
      i += m[0].length;
      continue;
    }
    const num = /^\d+,\d+/.exec(text.slice(i));
    if (num && host.decimalSeparator === ",") {
      out += num[0].replace(",", ".");
      i += num[0].length;
      continue;
    }
    out += ch === ";" && host.decimalSeparator === "," ? "," : ch;
    i++;
  }
  return { text: out, known };
}

/**
 * Excel's five-million-cell limit on a get: an error, or (`FakeOptions.oversizeGet: "null"`)
 * the documented `null` answer. True when the get may go on.
 */
function checkGetSize(t: RangeTarget, self: Obj): boolean {
  if (cellCount(t.rect) <= GET_CELL_LIMIT) return true;
  if ((self as any).ctx.host.oversizeGet === "null") return false;
  fail("ResponsePayloadSizeLimitExceeded", "A range is limited to five million cells for get operations.");
}

/** Writes a 2-D array (or one scalar for the whole range) into a range. */
function writeGrid(t: RangeTarget, v: unknown, put: (r: number, c: number, x: any) => void): void {
  const rows = t.rect.r1 - t.rect.r0 + 1;
  const cols = t.rect.c1 - t.rect.c0 + 1;
  if (!Array.isArray(v)) {
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) put(t.rect.r0 + r, t.rect.c0 + c, v);
    return;
  }
  if (v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols)) {
    fail(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}x${cols}).`,
    );
  }
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) put(t.rect.r0 + r, t.rect.c0 + c, v[r][c]);
}

function setFormat(t: RangeTarget, patch: Partial<CellFormat>): void {
  guardWrite(t.sheet, "formatting cells");
  for (let r = t.rect.r0; r <= t.rect.r1; r++)
    for (let c = t.rect.c0; c <= t.rect.c1; c++) {
      const k = key(r, c);
      t.sheet.formats.set(k, { ...(t.sheet.formats.get(k) ?? {}), ...patch });
    }
}

function firstFormat(t: RangeTarget, prop: keyof CellFormat): unknown {
  const f = t.sheet.formats.get(key(t.rect.r0, t.rect.c0));
  return f?.[prop] ?? null;
}

class RangeProxy extends Obj {
  protected readonly className = "Range";
  protected declare readonly props: Record<string, PropDef>;
  declare readonly format: RangeFormatProxy;
  declare readonly conditionalFormats: ConditionalFormatCollectionProxy;
  declare readonly dataValidation: DataValidationProxy;
  constructor(ctx: FakeContext, resolver: Resolver, nullable = false, queued = false) {
    super(ctx, resolver, nullable, queued);
    this._nav("format", new RangeFormatProxy(ctx, () => this._live()));
    this._nav("conditionalFormats", new ConditionalFormatCollectionProxy(ctx, () => {
      const t: RangeTarget = this._live();
      return { sheet: t.sheet, rects: [t.rect] };
    }));
    this._nav("dataValidation", new DataValidationProxy(ctx, () => this._live()));
  }
  private derived(f: (t: RangeTarget) => RangeTarget): RangeProxy {
    return new RangeProxy(this.ctx, () => f(this._live()), false, true);
  }
  getCell(row: number, column: number): RangeProxy {
    this._api("getCell");
    return this.derived((t) => {
      const r = t.rect.r0 + row;
      const c = t.rect.c0 + column;
      return { sheet: t.sheet, rect: { r0: r, r1: r, c0: c, c1: c } };
    });
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    this._api("getResizedRange");
    return this.derived((t) => ({
      sheet: t.sheet,
      rect: { ...t.rect, r1: t.rect.r1 + deltaRows, c1: t.rect.c1 + deltaColumns },
    }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    this._api("getOffsetRange");
    return this.derived((t) => ({
      sheet: t.sheet,
      rect: {
        r0: t.rect.r0 + rowOffset,
        r1: t.rect.r1 + rowOffset,
        c0: t.rect.c0 + columnOffset,
        c1: t.rect.c1 + columnOffset,
      },
    }));
  }
  getRow(i: number): RangeProxy {
    this._api("getRow");
    return this.derived((t) => ({ sheet: t.sheet, rect: { ...t.rect, r0: t.rect.r0 + i, r1: t.rect.r0 + i } }));
  }
  getColumn(i: number): RangeProxy {
    this._api("getColumn");
    return this.derived((t) => ({ sheet: t.sheet, rect: { ...t.rect, c0: t.rect.c0 + i, c1: t.rect.c0 + i } }));
  }
  select(): void {
    this._api("select");
    this.ctx.queue(() => {
      const t: RangeTarget = this._live();
      const wb: FakeWorkbook = this.ctx.host.workbook;
      if (wb.sheets[wb.activeSheet] !== t.sheet) fail("InvalidSelection", "The range is not on the active sheet.");
      wb.selection = { sheet: t.sheet.name, address: rectAddress(t.rect) };
    });
  }
  /**
   * Clears everything in the range: values, formulas, number formats, cell formats, data
   * validation and the conditional formats inside it (only "All" is modelled). The add-in
   * may use it on a sheet it made itself (the summary), never on the user's.
   */
  clear(applyTo: string = "All"): void {
    this._api("clear");
    if (applyTo !== "All") fail("NotImplemented", `Range.clear("${applyTo}") is not modelled.`);
    this.ctx.queue(() => {
      const t: RangeTarget = this._live();
      guardWrite(t.sheet, "clearing a range");
      const s = t.sheet;
      const inside = (k: number) => {
        const r = Math.floor(k / COLS);
        const c = k % COLS;
        return r >= t.rect.r0 && r <= t.rect.r1 && c >= t.rect.c0 && c <= t.rect.c1;
      };
      for (let r = t.rect.r0; r <= Math.min(t.rect.r1, s.rows.length - 1); r++) {
        const row = s.rows[r];
        if (!row) continue;
        for (let c = t.rect.c0; c <= Math.min(t.rect.c1, row.length - 1); c++) row[c] = "";
      }
      for (const m of [s.formulas, s.numberFormats, s.formats] as Map<number, unknown>[]) {
        for (const k of [...m.keys()]) if (inside(k)) m.delete(k);
      }
      const within = (r: Rect) => r.r0 >= t.rect.r0 && r.r1 <= t.rect.r1 && r.c0 >= t.rect.c0 && r.c1 <= t.rect.c1;
      s.cfs = s.cfs.filter((cf) => !cf.rects.every(within));
      s.validations = s.validations.filter((v) => !within(v.rect));
    });
  }
}
defineProps(RangeProxy, {
  address: { get: (t: RangeTarget) => `${quoteSheet(t.sheet.name)}!${rectAddress(t.rect)}` },
  rowCount: { get: (t: RangeTarget) => t.rect.r1 - t.rect.r0 + 1 },
  columnCount: { get: (t: RangeTarget) => t.rect.c1 - t.rect.c0 + 1 },
  rowIndex: { get: (t: RangeTarget) => t.rect.r0 },
  columnIndex: { get: (t: RangeTarget) => t.rect.c0 },
  values: {
    get: (t: RangeTarget, self: Obj) => {
      if (!checkGetSize(t, self)) return null;
      return grid(t, (r, c) => getCell(t.sheet, r, c));
    },
    set: (t: RangeTarget, v: unknown) => {
      guardWrite(t.sheet, "writing values");
      writeGrid(t, v, (r, c, x) => writeInput(t.sheet, r, c, x));
    },
  },
  formulas: {
    get: (t: RangeTarget, self: Obj) => {
      if (!checkGetSize(t, self)) return null;
      return grid(t, (r, c) => t.sheet.formulas.get(key(r, c)) ?? getCell(t.sheet, r, c));
    },
    set: (t: RangeTarget, v: unknown, self: Obj) => {
      guardWrite(t.sheet, "writing formulas");
      const host: FakeExcel = (self as any).ctx.host;
      writeGrid(t, v, (r, c, x) => writeInput(t.sheet, r, c, x, host));
    },
  },
  formulasLocal: {
    set: (t: RangeTarget, v: unknown, self: Obj) => {
      guardWrite(t.sheet, "writing formulas");
      const host: FakeExcel = (self as any).ctx.host;
      host.localWrites++;
      writeGrid(t, v, (r, c, x) => {
        if (typeof x !== "string" || !x.trim().startsWith("=")) return writeInput(t.sheet, r, c, x, host);
        const local = invariantFormula(x.trim(), host);
        writeInput(t.sheet, r, c, local.text, host);
        if (!local.known) setCell(t.sheet, r, c, "#NAME?");
      });
    },
  },
  numberFormat: {
    get: (t: RangeTarget, self: Obj) => {
      if (!checkGetSize(t, self)) return null;
      return grid(t, (r, c) => t.sheet.numberFormats.get(key(r, c)) ?? "General");
    },
    set: (t: RangeTarget, v: unknown) => {
      guardWrite(t.sheet, "setting number formats");
      writeGrid(t, v, (r, c, x) => {
        if (x === "General" || x === null || x === "") t.sheet.numberFormats.delete(key(r, c));
        else t.sheet.numberFormats.set(key(r, c), String(x));
      });
    },
  },
});

class RangeAreasProxy extends Obj {
  protected readonly className = "RangeAreas";
  protected declare readonly props: Record<string, PropDef>;
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
defineProps(RangeAreasProxy, {
  address: {
    get: (t: { sheet: SheetModel; rects: Rect[] }) =>
      t.rects.map((r) => `${quoteSheet(t.sheet.name)}!${rectAddress(r)}`).join(","),
  },
  areaCount: { get: (t: { rects: Rect[] }) => t.rects.length },
});

class RangeFillProxy extends Obj {
  protected readonly className = "RangeFill";
  protected declare readonly props: Record<string, PropDef>;
  clear(): void {
    this._api("clear");
    this.ctx.queue(() => {
      const t: RangeTarget = this._live();
      setFormat(t, { fill: null });
    });
  }
}
defineProps(RangeFillProxy, {
  color: {
    get: (t: RangeTarget) => firstFormat(t, "fill"),
    set: (t: RangeTarget, v: string) => {
      checkColor(v);
      setFormat(t, { fill: v });
    },
  },
});

class RangeFontProxy extends Obj {
  protected readonly className = "RangeFont";
  protected declare readonly props: Record<string, PropDef>;
}
defineProps(RangeFontProxy, {
  bold: { get: (t: RangeTarget) => firstFormat(t, "bold") ?? false, set: (t: RangeTarget, v: boolean) => setFormat(t, { bold: v }) },
  italic: { get: (t: RangeTarget) => firstFormat(t, "italic") ?? false, set: (t: RangeTarget, v: boolean) => setFormat(t, { italic: v }) },
  color: {
    get: (t: RangeTarget) => firstFormat(t, "fontColor") ?? "#000000",
    set: (t: RangeTarget, v: string) => {
      checkColor(v);
      setFormat(t, { fontColor: v });
    },
  },
  name: { get: (t: RangeTarget) => firstFormat(t, "fontName") ?? "Calibri", set: (t: RangeTarget, v: string) => setFormat(t, { fontName: v }) },
  size: { get: (t: RangeTarget) => firstFormat(t, "fontSize") ?? 11, set: (t: RangeTarget, v: number) => setFormat(t, { fontSize: v }) },
});

class RangeBorderProxy extends Obj {
  protected readonly className = "RangeBorder";
  protected declare readonly props: Record<string, PropDef>;
}
defineProps(RangeBorderProxy, {
  style: {
    get: (t: RangeTarget) => firstFormat(t, "borderBottom") ?? "None",
    set: (t: RangeTarget, v: string) => setFormat(t, { borderBottom: v }),
  },
  color: { get: () => "#000000", set: (t: RangeTarget) => guardWrite(t.sheet, "setting borders") },
  weight: { get: () => "Thin", set: (t: RangeTarget) => guardWrite(t.sheet, "setting borders") },
});

class RangeBorderCollectionProxy extends Obj {
  protected readonly className = "RangeBorderCollection";
  protected declare readonly props: Record<string, PropDef>;
  getItem(index: string): RangeBorderProxy {
    this._api("getItem");
    if (index !== "EdgeBottom") fail("NotImplemented", `The fake supports only the bottom border, not ${index}.`);
    return new RangeBorderProxy(this.ctx, () => this._live());
  }
}
defineProps(RangeBorderCollectionProxy, {});

class RangeFormatProxy extends Obj {
  protected readonly className = "RangeFormat";
  protected declare readonly props: Record<string, PropDef>;
  declare readonly fill: RangeFillProxy;
  declare readonly font: RangeFontProxy;
  declare readonly borders: RangeBorderCollectionProxy;
  constructor(ctx: FakeContext, resolver: Resolver) {
    super(ctx, resolver);
    this._nav("fill", new RangeFillProxy(ctx, () => this._live()));
    this._nav("font", new RangeFontProxy(ctx, () => this._live()));
    this._nav("borders", new RangeBorderCollectionProxy(ctx, () => this._live()));
  }
  autofitColumns(): void {
    this._api("autofitColumns");
    this.ctx.queue(() => {
      const t: RangeTarget = this._live();
      guardWrite(t.sheet, "autofitting columns");
      for (let c = t.rect.c0; c <= t.rect.c1; c++) t.sheet.columnWidths.set(c, -1);
    });
  }
  autofitRows(): void {
    this._api("autofitRows");
    this.ctx.queue(() => {
      const t: RangeTarget = this._live();
      guardWrite(t.sheet, "autofitting rows");
      for (let r = t.rect.r0; r <= t.rect.r1; r++) t.sheet.rowHeights.set(r, -1);
    });
  }
}
defineProps(RangeFormatProxy, {
  columnWidth: {
    get: (t: RangeTarget) => t.sheet.columnWidths.get(t.rect.c0) ?? 48,
    set: (t: RangeTarget, v: number) => {
      guardWrite(t.sheet, "setting column widths");
      for (let c = t.rect.c0; c <= t.rect.c1; c++) t.sheet.columnWidths.set(c, v);
    },
  },
  rowHeight: {
    get: (t: RangeTarget) => t.sheet.rowHeights.get(t.rect.r0) ?? 15,
    set: (t: RangeTarget, v: number) => {
      guardWrite(t.sheet, "setting row heights");
      for (let r = t.rect.r0; r <= t.rect.r1; r++) t.sheet.rowHeights.set(r, v);
    },
  },
  wrapText: { get: (t: RangeTarget) => firstFormat(t, "wrapText") ?? false, set: (t: RangeTarget, v: boolean) => setFormat(t, { wrapText: v }) },
  horizontalAlignment: {
    get: (t: RangeTarget) => firstFormat(t, "horizontalAlignment") ?? "General",
    set: (t: RangeTarget, v: string) => setFormat(t, { horizontalAlignment: v }),
  },
  verticalAlignment: {
    get: (t: RangeTarget) => firstFormat(t, "verticalAlignment") ?? "Bottom",
    set: (t: RangeTarget, v: string) => setFormat(t, { verticalAlignment: v }),
  },
});

function checkColor(v: unknown): void {
  if (typeof v !== "string" || !/^(#[0-9A-Fa-f]{6}|[A-Za-z]+)$/.test(v)) fail("InvalidArgument", `Bad colour "${String(v)}".`);
}

class DataValidationProxy extends Obj {
  protected readonly className = "DataValidation";
  protected declare readonly props: Record<string, PropDef>;
  clear(): void {
    this.ctx.requireApi("DataValidation.clear");
    this.ctx.queue(() => {
      const t: RangeTarget = this._live();
      guardWrite(t.sheet, "clearing data validation");
      t.sheet.validations = t.sheet.validations.filter((v) => !intersects(v.rect, t.rect));
    });
  }
}
function validationFor(t: RangeTarget): ValidationModel {
  guardWrite(t.sheet, "setting data validation");
  let v = t.sheet.validations.find((x) => rectAddress(x.rect) === rectAddress(t.rect));
  if (!v) {
    v = { rect: t.rect, rule: null, errorAlert: null, prompt: null };
    t.sheet.validations.push(v);
  }
  return v;
}
defineProps(DataValidationProxy, {
  rule: {
    get: (t: RangeTarget) => t.sheet.validations.find((x) => intersects(x.rect, t.rect))?.rule ?? null,
    set: (t: RangeTarget, v: unknown) => {
      const keys = Object.keys((v as object) ?? {});
      if (keys.length !== 1) fail("InvalidArgument", "A data validation rule has exactly one type.");
      validationFor(t).rule = v;
    },
  },
  errorAlert: { get: () => null, set: (t: RangeTarget, v: unknown) => (validationFor(t).errorAlert = v) },
  ignoreBlanks: {
    get: (t: RangeTarget) => t.sheet.validations.find((x) => intersects(x.rect, t.rect))?.ignoreBlanks ?? true,
    set: (t: RangeTarget, v: boolean) => (validationFor(t).ignoreBlanks = v),
  },
  prompt: { get: () => null, set: (t: RangeTarget, v: unknown) => (validationFor(t).prompt = v) },
});

// ---- conditional formats

interface CFTarget {
  sheet: SheetModel;
  rects: Rect[];
}

class ConditionalFormatCollectionProxy extends Obj {
  protected readonly className = "ConditionalFormatCollection";
  protected declare readonly props: Record<string, PropDef>;
  private _items: ConditionalFormatProxy[] | undefined;
  private _itemPaths: string[] = [];
  get items(): ConditionalFormatProxy[] {
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
  private _queued = false;
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
      const t: CFTarget | null = this._resolve();
      if (t === null) {
        // The collection of a null object: loaded as null, no items.
        this._items = undefined;
        this.ctx.executing.staged.push({ obj: this, prop: "items", value: null });
        this.ctx.executing.response += 4;
        return;
      }
      const cfs = t.sheet.cfs.filter((cf) => cf.rects.some((r) => t.rects.some((q) => intersects(r, q))));
      this._items = cfs.map(
        (cf) => new ConditionalFormatProxy(this.ctx, () => (t.sheet.cfs.includes(cf) ? { sheet: t.sheet, cf } : null)),
      );
      this.ctx.executing.staged.push({ obj: this, prop: "items", value: true });
      this.ctx.executing.response += 10;
      for (const item of this._items) item._loadNow(paths.length ? paths : ["type"]);
    });
  }
  add(type: string): ConditionalFormatProxy {
    this.ctx.requireApi("ConditionalFormatCollection.add");
    let made: { sheet: SheetModel; cf: CFModel } | undefined;
    this.ctx.queue(() => {
      const t: CFTarget = this._live();
      guardWrite(t.sheet, "adding a conditional format");
      const cf: CFModel = {
        id: `cf-${++cfCounter}`,
        type,
        rects: t.rects.map((r) => ({ ...r })),
        formula: null,
        format: { fill: null, fontColor: null, bold: null, italic: null },
        stopIfTrue: false,
      };
      // New rules go on top (priority 0), as in Excel.
      t.sheet.cfs.unshift(cf);
      made = { sheet: t.sheet, cf };
    }, type.length + 2);
    return new ConditionalFormatProxy(this.ctx, () => made, false, true);
  }
  clearAll(): void {
    this.ctx.requireApi("ConditionalFormatCollection.clearAll");
    fail("NotImplemented", "clearAll would remove the user's rules; the add-in must never call it.");
  }
  getCount(): { value: number } {
    fail("NotImplemented", "getCount is not used.");
  }
}
defineProps(ConditionalFormatCollectionProxy, {});

interface OneCF {
  sheet: SheetModel;
  cf: CFModel;
}

class ConditionalFormatProxy extends Obj {
  protected readonly className = "ConditionalFormat";
  protected declare readonly props: Record<string, PropDef>;
  declare readonly custom: CustomCFProxy;
  declare readonly customOrNullObject: CustomCFProxy;
  constructor(ctx: FakeContext, resolver: Resolver, nullable = false, queued = false) {
    super(ctx, resolver, nullable, queued);
    this._nav("custom", new CustomCFProxy(ctx, () => {
      const t: OneCF = this._live();
      if (t.cf.type !== "Custom") fail("InvalidArgument", "The conditional format is not a custom one.");
      return t;
    }));
    this._nav("customOrNullObject", new CustomCFProxy(
      ctx,
      () => {
        const t: OneCF = this._live();
        return t.cf.type === "Custom" ? t : null;
      },
      true,
    ));
  }
  delete(): void {
    this.ctx.requireApi("ConditionalFormat.delete");
    this.ctx.queue(() => {
      const t: OneCF = this._live();
      guardWrite(t.sheet, "deleting a conditional format");
      const i = t.sheet.cfs.indexOf(t.cf);
      if (i < 0) fail("ItemNotFound", "The conditional format no longer exists.");
      t.sheet.cfs.splice(i, 1);
    });
  }
  getRange(): RangeProxy {
    this._api("getRange");
    return new RangeProxy(
      this.ctx,
      () => {
        const t: OneCF = this._live();
        return { sheet: t.sheet, rect: t.cf.rects[0] };
      },
      false,
      true,
    );
  }
}
defineProps(ConditionalFormatProxy, {
  type: { get: (t: OneCF) => t.cf.type },
  id: { get: (t: OneCF) => t.cf.id },
  priority: { get: (t: OneCF) => t.sheet.cfs.indexOf(t.cf) },
  stopIfTrue: {
    get: (t: OneCF) => t.cf.stopIfTrue,
    set: (t: OneCF, v: boolean) => {
      guardWrite(t.sheet, "changing a conditional format");
      t.cf.stopIfTrue = v;
    },
  },
});

class CustomCFProxy extends Obj {
  protected readonly className = "CustomConditionalFormat";
  protected declare readonly props: Record<string, PropDef>;
  declare readonly rule: CFRuleProxy;
  declare readonly format: CFFormatProxy;
  /**
   * `orNull`: the `customOrNullObject` navigation property. Unlike `getItemOrNullObject`, it
   * learns that it is null when it is loaded, and its children then load as nulls.
   */
  constructor(ctx: FakeContext, resolver: Resolver, orNull = false) {
    super(ctx, resolver);
    this.nullable = orNull;
    this._nav("rule", new CFRuleProxy(ctx, () => this._live()));
    this._nav("format", new CFFormatProxy(ctx, () => this._live()));
    if (orNull) {
      for (const child of [this.rule, this.format, this.format.fill, this.format.font, this.format.borders]) child._nullParent = this;
    }
  }
  override _loadPath(path: string): void {
    if (this.nullable && !this._requested.has("isNullObject")) this._stageNull();
    super._loadPath(path);
  }
}
defineProps(CustomCFProxy, {});

class CFRuleProxy extends Obj {
  protected readonly className = "ConditionalFormatRule";
  protected declare readonly props: Record<string, PropDef>;
}
defineProps(CFRuleProxy, {
  formula: {
    get: (t: OneCF | null) => (t ? t.cf.formula : null),
    set: (t: OneCF, v: string) => {
      guardWrite(t.sheet, "changing a conditional format");
      if (typeof v !== "string" || !v.startsWith("=")) fail("InvalidArgument", "A rule formula must start with '='.");
      t.cf.formula = v;
    },
  },
});

class CFFormatProxy extends Obj {
  protected readonly className = "ConditionalRangeFormat";
  protected declare readonly props: Record<string, PropDef>;
  declare readonly fill: CFFillProxy;
  declare readonly font: CFFontProxy;
  declare readonly borders: CFBorderCollectionProxy;
  constructor(ctx: FakeContext, resolver: Resolver) {
    super(ctx, resolver);
    this._nav("fill", new CFFillProxy(ctx, () => this._live()));
    this._nav("font", new CFFontProxy(ctx, () => this._live()));
    this._nav("borders", new CFBorderCollectionProxy(ctx, () => this._live()));
  }
}
defineProps(CFFormatProxy, {});

const CF_EDGES = new Set(["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"]);
/** Conditional formats take only thin lines (Excel refuses Medium, Thick, Double there). */
const CF_BORDER_STYLES = new Set(["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot"]);

class CFBorderCollectionProxy extends Obj {
  protected readonly className = "ConditionalRangeBorderCollection";
  protected declare readonly props: Record<string, PropDef>;
  getItem(index: string): CFBorderProxy {
    this.ctx.requireApi("ConditionalRangeBorderCollection.getItem");
    if (!CF_EDGES.has(index)) fail("InvalidArgument", `A conditional format has no border '${index}'.`);
    return new CFBorderProxy(this.ctx, () => ({ one: this._live() as OneCF, edge: index }));
  }
}
defineProps(CFBorderCollectionProxy, {});

interface CFEdge {
  one: OneCF;
  edge: string;
}

function cfBorder(t: CFEdge): { style: string; color: string | null } {
  const f = t.one.cf.format;
  const borders = (f.borders ??= {});
  return (borders[t.edge] ??= { style: "None", color: null });
}

class CFBorderProxy extends Obj {
  protected readonly className = "ConditionalRangeBorder";
  protected declare readonly props: Record<string, PropDef>;
}
defineProps(CFBorderProxy, {
  style: {
    get: (t: CFEdge) => t.one.cf.format.borders?.[t.edge]?.style ?? "None",
    set: (t: CFEdge, v: string) => {
      guardWrite(t.one.sheet, "changing a conditional format");
      if (!CF_BORDER_STYLES.has(v)) fail("InvalidArgument", `The border style '${v}' is not allowed in a conditional format.`);
      cfBorder(t).style = v;
    },
  },
  color: {
    get: (t: CFEdge) => t.one.cf.format.borders?.[t.edge]?.color ?? null,
    set: (t: CFEdge, v: string) => {
      guardWrite(t.one.sheet, "changing a conditional format");
      checkColor(v);
      cfBorder(t).color = v;
    },
  },
});

class CFFillProxy extends Obj {
  protected readonly className = "ConditionalRangeFill";
  protected declare readonly props: Record<string, PropDef>;
}
defineProps(CFFillProxy, {
  color: {
    get: (t: OneCF) => t.cf.format.fill,
    set: (t: OneCF, v: string) => {
      guardWrite(t.sheet, "changing a conditional format");
      checkColor(v);
      t.cf.format.fill = v;
    },
  },
});

class CFFontProxy extends Obj {
  protected readonly className = "ConditionalRangeFont";
  protected declare readonly props: Record<string, PropDef>;
}
defineProps(CFFontProxy, {
  color: {
    get: (t: OneCF) => t.cf.format.fontColor,
    set: (t: OneCF, v: string) => {
      guardWrite(t.sheet, "changing a conditional format");
      checkColor(v);
      t.cf.format.fontColor = v;
    },
  },
  bold: {
    get: (t: OneCF) => t.cf.format.bold,
    set: (t: OneCF, v: boolean) => {
      guardWrite(t.sheet, "changing a conditional format");
      t.cf.format.bold = v;
    },
  },
  italic: {
    get: (t: OneCF) => t.cf.format.italic,
    set: (t: OneCF, v: boolean) => {
      guardWrite(t.sheet, "changing a conditional format");
      t.cf.format.italic = v;
    },
  },
});

// ------------------------------------------------------------------ the host

export class FakeExcel {
  workbook: FakeWorkbook;
  readonly platform: "web" | "desktop";
  apiVersion: string;
  payloadLimit: number;
  private _cellEdit = false;
  /** Waiting syncs of runs with `delayForCellEdit`, released when the user leaves the cell. */
  _editWaiters: (() => void)[] = [];
  /** The error a sync gets in cell-edit mode (without the delay). */
  cellEditError = { code: "InvalidOperationInCellEditMode", message: "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again." };
  /** A host that takes `delayForCellEdit` but fails anyway (reported for some builds). */
  ignoresDelay = false;
  /** The user is typing in a cell; setting it false lets delayed runs go on. */
  get cellEditMode(): boolean {
    return this._cellEdit;
  }
  set cellEditMode(on: boolean) {
    this._cellEdit = on;
    if (!on) for (const release of this._editWaiters.splice(0)) release();
  }
  nullParents: "null" | "fail";
  oversizeGet: "error" | "null";
  requestLimit: number;
  language: "en" | "it";
  decimalSeparator: "," | ".";
  customFunctions: Readonly<Record<string, string>> | null;
  customFunctionLanguage: "en" | "it";
  /** `formulasLocal` writes seen. */
  localWrites = 0;

  /** False when a formula names a function Excel does not know in the display language. */
  knowsFunctionsOf(formula: string): boolean {
    const names = [...formula.replace(/"([^"]|"")*"/g, "").matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g)].map((m) => m[1].toUpperCase());
    for (const n of names) {
      if (n.startsWith("KPI.")) {
        if (!this.customFunctions) continue;
        const known = this.customFunctionLanguage === "it" ? Object.values(this.customFunctions) : Object.keys(this.customFunctions);
        if (!known.includes(n.slice(4))) return false;
      }
    }
    return true;
  }
  /** Every member the add-in touched (checked against the requirement table by the tests). */
  membersUsed = new Set<string>();
  stats: FakeStats = { runs: 0, syncs: 0, requestBytes: 0, responseBytes: 0, rejectedBytes: 0, perSync: [] };
  _syncNumber = 0;
  _faults: Fault[] = [];

  constructor(options: FakeOptions = {}, workbook = new FakeWorkbook()) {
    this.platform = options.platform ?? "web";
    this.apiVersion = options.apiVersion ?? "1.12";
    this.payloadLimit = options.payloadLimit ?? (this.platform === "web" ? WEB_LIMIT : Infinity);
    this.nullParents = options.nullParents ?? "null";
    this.oversizeGet = options.oversizeGet ?? "error";
    this.language = options.language ?? "en";
    this.decimalSeparator = options.decimalSeparator ?? ".";
    this.customFunctions = options.customFunctions ?? null;
    this.customFunctionLanguage = options.customFunctionLanguage ?? this.language;
    this.requestLimit = options.requestLimit ?? Infinity;
    this.workbook = workbook;
  }

  /** `Excel.run(batch)` or `Excel.run(options, batch)`: one request context per batch function. */
  run = async <T>(first: ((context: any) => Promise<T>) | { delayForCellEdit?: boolean }, second?: (context: any) => Promise<T>): Promise<T> => {
    this.stats.runs++;
    const batch = typeof first === "function" ? first : second;
    const options = typeof first === "function" ? {} : first;
    if (typeof batch !== "function") throw new TypeError("Excel.run needs a function");
    const ctx = new FakeContext(this, options.delayForCellEdit === true);
    if (options.delayForCellEdit !== undefined) ctx.requireApi("RunOptions.delayForCellEdit");
    this.runOptions.push(options);
    return batch(ctx);
  };
  /** The options of every `Excel.run`, in order. */
  runOptions: { delayForCellEdit?: boolean }[] = [];

  /** `Office.context.requirements.isSetSupported`. */
  isSetSupported = (name: string, version?: string): boolean => {
    if (name !== "ExcelApi") return name === "SharedRuntime" || name === "CustomFunctionsRuntime";
    return versionAtLeast(this.apiVersion, version ?? "1.1");
  };

  /**
   * Makes the n-th sync from now fail with `code` after `afterOperations` of its queued
   * operations were applied (0: before any; Infinity: after all of them).
   */
  failSync(n: number, code = "GeneralException", afterOperations = 0, message = "Injected failure."): void {
    this._faults.push({ sync: this._syncNumber + n, code, message, afterOperations });
  }

  clearFaults(): void {
    this._faults = [];
  }

  resetStats(): void {
    this.stats = { runs: 0, syncs: 0, requestBytes: 0, responseBytes: 0, rejectedBytes: 0, perSync: [] };
  }

  snapshot(): unknown {
    return this.workbook.snapshot();
  }

  private _host: { run: FakeExcel["run"]; supports: (version: string) => boolean; platform: "web" | "desktop" } | undefined;

  /**
   * The adapter's `ExcelHost` (src/excel/host.ts) over this fake: always the same object, as
   * the pane keeps one host for its whole life (the adapter may remember things about it).
   */
  host(): { run: FakeExcel["run"]; supports: (version: string) => boolean; platform: "web" | "desktop" } {
    this._host ??= { run: this.run, supports: (v: string) => this.isSetSupported("ExcelApi", v), platform: this.platform };
    return this._host;
  }
}
