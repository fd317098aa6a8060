/** What a fake host can be set up to be (platform, API version, language ...) and what it counts. */

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

export interface Fault {
  /** Fails the sync whose number (from the last `failSync` call) is this. */
  sync: number;
  code: string;
  message: string;
  /** Operations of that sync applied before the failure. */
  afterOperations: number;
}
