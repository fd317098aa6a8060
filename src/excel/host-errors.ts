/**
 * Host failures told apart by kind. Office.js rejects `context.sync()` with an
 * `OfficeExtension.Error` whose `code` says what went wrong (`AccessDenied` for a protected
 * sheet, `InvalidOperationInCellEditMode` while the user is typing in a cell, `ApiNotFound`
 * on an older Excel ...); this module tells the kinds apart. The words for each kind are the
 * pane's (src/taskpane/host-error-text.ts): the adapter names no user-facing text.
 */

export type HostErrorKind =
  | "cellEdit"
  | "protected"
  | "apiMissing"
  | "notFound"
  | "exists"
  | "tooLarge"
  | "busy"
  | "generic"
  | "unexpected";

const BY_CODE: Readonly<Record<string, HostErrorKind>> = {
  InvalidOperationInCellEditMode: "cellEdit",
  AccessDenied: "protected",
  ApiNotFound: "apiMissing",
  NotImplemented: "apiMissing",
  UnsupportedFeature: "apiMissing",
  UnsupportedOperation: "apiMissing",
  ItemNotFound: "notFound",
  InvalidReference: "notFound",
  ItemAlreadyExists: "exists",
  RequestPayloadSizeLimitExceeded: "tooLarge",
  ResponsePayloadSizeLimitExceeded: "tooLarge",
  PayloadTooLarge: "tooLarge",
  RangeExceedsLimit: "tooLarge",
  OperationCellsExceedLimit: "tooLarge",
  Conflict: "busy",
  RequestAborted: "busy",
  ActivityLimitReached: "busy",
  ServiceNotAvailable: "busy",
  InsertDeleteConflict: "busy",
};

/**
 * The `code` of an OfficeExtension.Error-like value, if it has one.
 * @example errorCode({ code: "AccessDenied" }) // "AccessDenied"
 */
export function errorCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const e = error as { code?: unknown; debugInfo?: { code?: unknown } };
  if (typeof e.code === "string" && e.code !== "") return e.code;
  if (typeof e.debugInfo?.code === "string") return e.debugInfo.code;
  return null;
}

/**
 * True when the error says a request or response was over the host's payload limit.
 * @example isPayloadError({ code: "RequestPayloadSizeLimitExceeded" }) // true
 */
export function isPayloadError(error: unknown): boolean {
  return classifyHostError(error) === "tooLarge";
}

/**
 * "Excel is editing a cell" in the words Excel uses in the languages of our users and their
 * neighbours (English, Italian, German, French, Spanish). Excel's own English text is "Excel
 * is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB ..."; the
 * others are matched on the words any translation of it has to contain.
 * @example isCellEditMessage("Excel è in modalità di modifica della cella.") // true
 */
export function isCellEditMessage(message: string): boolean {
  return (
    /cell[- ]?edit|edit(ing)? mode/i.test(message) ||
    /modalit[àa] (di )?modifica|modifica (della |delle )?cell/i.test(message) ||
    /zellbearbeitung|bearbeitungsmodus/i.test(message) ||
    /mode (d'|de )?(é|e)dition/i.test(message) ||
    /modo de edici[óo]n/i.test(message)
  );
}

/**
 * The kind of a host failure.
 * @example classifyHostError({ code: "AccessDenied" }) // "protected"
 */
export function classifyHostError(error: unknown): HostErrorKind {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  if (code && BY_CODE[code]) return BY_CODE[code];
  // Some hosts report cell-edit mode and protection as InvalidOperation/GeneralException with
  // a message, in the user's language.
  if (isCellEditMessage(message)) return "cellEdit";
  if (/protect/i.test(message) && code !== null) return "protected";
  if (/payload|too large|5 ?mb/i.test(message) && code !== null) return "tooLarge";
  return code === null ? "unexpected" : "generic";
}
