/**
 * The exception the adapters throw when a file or a host refuses what they were asked to do
 * (a damaged ZIP, a .docx that is not Word, a freeze the add-in will not write): a reason
 * code the caller words in the user's language, and a technical message for logs. The engine
 * itself never throws it (its errors are `KpiError` values); it lives here because the CLI,
 * the .docx reader and the Office adapter all share the core, and nothing else.
 */

/**
 * An `Error` with a machine-readable `reason`. Subclasses fix the reason's type and their
 * `name` (set as a field, because class names do not survive minification).
 * @example
 *   class ZipError extends ReasonError<"truncated" | "corrupt"> { override readonly name = "ZipError"; }
 *   new ZipError("truncated", "the end of the archive is missing").reason // "truncated"
 */
export class ReasonError<R extends string> extends Error {
  constructor(
    readonly reason: R,
    message: string,
  ) {
    super(message);
  }
}
