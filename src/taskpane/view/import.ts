import { docxPlanText } from "../docx-file";
import { fmt, type Strings } from "../i18n";
import { h, replace, uid } from "./dom";

/**
 * The "Import the plan" form: a textarea to paste the plan, or a local file read with
 * FileReader (no upload, no network), and the button. A Word file (.docx) is read in the
 * page and its text form put in the box, where the user sees what will be imported.
 */
export interface ImportForm {
  readonly element: HTMLElement;
  readonly button: HTMLButtonElement;
  readonly textarea: HTMLTextAreaElement;
  readonly result: HTMLElement;
}

/** Reads a chosen file as text (UTF-8), in the page: nothing leaves the machine. */
export function readFileText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ""));
    reader.onerror = () => reject(reader.error ?? new Error("FileReader error"));
    reader.readAsText(file, "utf-8");
  });
}

/** Reads a chosen file's bytes, in the page. */
export function readFileBytes(file: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error("FileReader error"));
    reader.readAsArrayBuffer(file);
  });
}

/** A chosen file's plan text: a .docx through the Word reader, anything else as UTF-8 text. */
export function readPlanFile(file: File): Promise<string> {
  return /\.docx$/i.test(file.name) ? readFileBytes(file).then(docxPlanText) : readFileText(file);
}

export function renderImport(strings: Strings, onImport: (text: string) => void): ImportForm {
  const textId = uid("plan-text");
  const fileId = uid("plan-file");
  const hintId = uid("plan-hint");
  const textarea = h("textarea", { id: textId, class: "textarea", rows: 6, spellcheck: "false", "aria-describedby": hintId });
  const file = h("input", { id: fileId, class: "file", type: "file", accept: ".txt,.md,.csv,.docx,text/plain,text/markdown,text/csv" });
  const fileStatus = h("p", { class: "file-status", "aria-live": "polite" });
  const button = h("button", { type: "button", class: "btn btn-primary" }, strings.importButton);
  const result = h("div", { class: "import-result" });
  file.addEventListener("change", () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    readPlanFile(chosen).then(
      (text) => {
        textarea.value = text;
        replace(fileStatus, fmt(strings.importFileRead, { name: chosen.name, size: text.length }));
      },
      (e: unknown) => replace(fileStatus, fmt(strings.importFileError, { detail: e instanceof Error ? e.message : String(e) })),
    );
  });
  button.addEventListener("click", () => onImport(textarea.value));
  const titleId = uid("import-title");
  const element = h(
    "section",
    { class: "card import", "aria-labelledby": titleId },
    h(
      "details",
      { class: "import-details" },
      h("summary", { class: "import-summary" }, h("h2", { id: titleId, class: "card-title" }, strings.importTitle)),
      h("p", { id: hintId, class: "hint" }, strings.importIntro),
      h("label", { for: textId, class: "label" }, strings.importTextLabel),
      textarea,
      h("label", { for: fileId, class: "label" }, strings.importFileLabel),
      file,
      fileStatus,
      h("div", { class: "actions" }, button),
      result,
    ),
  );
  return { element, button, textarea, result };
}
