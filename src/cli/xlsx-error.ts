import { ZipError } from "./zip";

/** Why a workbook could not be read; the CLI words each reason in Italian and English. */
export type XlsxReason =
  | "no_workbook"
  | "missing_part"
  | "bad_xml"
  | "too_large"
  | "too_many_rows"
  | "zip_corrupt"
  | "zip_truncated"
  | "zip_unsupported";

export class XlsxError extends Error {
  constructor(
    readonly reason: XlsxReason,
    /** The part or sheet concerned, when there is one. */
    readonly part = "",
  ) {
    super(`${reason}${part ? ` (${part})` : ""}`);
    this.name = "XlsxError";
  }
}

/**
 * A ZIP failure as the reader's own reason (the CLI has one message per reason).
 * @example zipFailure(new ZipError("truncated", "…")) // XlsxError("zip_truncated")
 */
export function zipFailure(e: unknown): unknown {
  if (e instanceof ZipError) {
    if (e.reason === "too_large") return new XlsxError("too_large");
    if (e.reason === "truncated") return new XlsxError("zip_truncated");
    if (e.reason === "unsupported") return new XlsxError("zip_unsupported");
    return new XlsxError("zip_corrupt");
  }
  return e;
}
