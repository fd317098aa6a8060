/**
 * A stand-in for Excel's JavaScript API (the `Excel.run` / proxy-object / `context.sync()`
 * model), strict where real Office is strict, and instrumented:
 *
 *  - reading a property that was not loaded throws `PropertyNotLoaded`; so does reading it
 *    after `load()` but before the `context.sync()` that fetches it (proxy.ts);
 *  - writes and method calls are queued and applied in order at `context.sync()`; a failing
 *    operation rejects the sync and, as in Excel, the operations queued before it stay applied
 *    (a batch is not a transaction) (context.ts);
 *  - every sync is counted, with the approximate request and response payload in bytes
 *    (JSON length of what was written and loaded); on the "web" platform a sync above
 *    5 MB is rejected like Excel on the web does (`RequestPayloadSizeLimitExceeded` /
 *    `ResponsePayloadSizeLimitExceeded`) (payload.ts, context.ts);
 *  - API sets are versioned, from the add-in's own table (src/excel/requirements.ts, which
 *    holds the set Microsoft's reference gives each member): calling a member newer than
 *    `apiVersion` throws `ApiNotFound`, and so does a member the table does not list (the
 *    few the add-in does not call but tests do are in `FAKE_ONLY_API`, looked up the
 *    same way); `isSetSupported` answers accordingly (api-sets.ts);
 *  - protected sheets refuse writes (`AccessDenied`); `cellEditMode` makes every sync fail
 *    with `cellEditError` (default `InvalidOperationInCellEditMode`, as Excel.ErrorCodes
 *    lists it; hosts have also been reported to answer `InvalidOperation` with a localized
 *    message), except in a run started with `{ delayForCellEdit: true }`, whose syncs wait
 *    until the user leaves the cell (`cellEditMode = false`), as the documentation says
 *    (`ignoresDelay` models a host that does not honour the option); `failSync(n, ...)` injects
 *    a failure into the n-th sync from now, optionally after k of its operations have been
 *    applied (host.ts);
 *  - null objects (`*OrNullObject`) are detected after the sync without a load; loading a
 *    property of one gives `null`; an object reached from one (`nullSheet.getNextOrNullObject()`,
 *    `nullSheet.getUsedRangeOrNullObject()`, `nullSheet.protection`) is null too, and any
 *    other operation on a null object (a write, `delete`, `add` ...) fails the sync with
 *    `InvalidOperation`. See `FakeOptions.nullParents` for why, and for the strict variant.
 *
 * One file per Office object (workbook.ts, worksheet.ts, range.ts, conditional-formats.ts ...),
 * each class typed against `@types/office-js` (office-types.ts), so that a member the fake
 * names or types differently from Office is a compile error. Their one import from outside
 * this folder is the requirement table (itself import-free): tests/e2e bundles the folder
 * with TypeScript (tests/support/office-script.ts) and serves it in place of office.js. The
 * model can be saved with `toJSON()` and rebuilt with `fromJSON()`.
 *
 * Only the part of the API the add-in uses is implemented; anything else is `undefined`, so
 * a new API call in the adapter fails loudly here rather than passing silently.
 */
export { FAKE_ONLY_API, apiSetOf } from "./api-sets";
export { columnName, parseRect, quoteSheet, rectAddress, type Rect } from "./addresses";
export { coerceInput } from "./cell-input";
export { FakeContext } from "./context";
export { FakeOfficeError } from "./errors";
export { FakeExcel } from "./host";
export type { CellFormat, CFModel, FakeCell, SheetModel, TableModel, ValidationModel } from "./model";
export type { FakeOptions, FakeStats, SyncStat } from "./options";
export { jsonSize } from "./payload";
export { FakeWorkbook, type SheetInit } from "./workbook-model";
