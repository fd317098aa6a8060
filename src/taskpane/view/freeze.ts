import { fmt, type Strings } from "../i18n";
import { h, uid } from "./dom";

/**
 * The "Freeze monitoring" card: a button that first asks for confirmation, saying what the
 * freeze does (the period's values copied to the hidden `Storico` sheet with the date and
 * time; an earlier freeze of the same period no longer counts), and only then freezes.
 * Freezing writes to the workbook, so one click alone never does it.
 */
export interface FreezeCard {
  readonly element: HTMLElement;
  /** The buttons to disable while an action runs. */
  readonly buttons: readonly HTMLButtonElement[];
  /** The period the confirmation names (`2026`, or the words for the default year). */
  setPeriod(period: string): void;
}

export function renderFreezeCard(strings: Strings, onFreeze: () => void): FreezeCard {
  const titleId = uid("freeze-title");
  const hintId = uid("freeze-hint");
  const button = h("button", { type: "button", class: "btn btn-secondary", id: "freeze", "aria-describedby": hintId }, strings.freezeButton);
  const question = h("p", { class: "freeze-question" });
  const yes = h("button", { type: "button", class: "btn btn-primary", id: "freeze-confirm" }, strings.freezeConfirmYes);
  const no = h("button", { type: "button", class: "btn btn-subtle", id: "freeze-cancel" }, strings.freezeConfirmNo);
  const confirm = h("div", { class: "freeze-confirm", role: "group", "aria-label": strings.freezeButton, hidden: true }, question, h("div", { class: "actions" }, yes, no));
  let period = strings.freezePeriodAuto;

  const close = (): void => {
    confirm.hidden = true;
    button.hidden = false;
    button.focus();
  };
  button.addEventListener("click", () => {
    question.textContent = fmt(strings.freezeConfirm, { period });
    confirm.hidden = false;
    button.hidden = true;
    yes.focus();
  });
  no.addEventListener("click", close);
  yes.addEventListener("click", () => {
    close();
    onFreeze();
  });

  const element = h(
    "section",
    { class: "card freeze", "aria-labelledby": titleId },
    h("h2", { id: titleId, class: "card-title" }, strings.freezeTitle),
    h("p", { id: hintId, class: "hint" }, strings.freezeHint),
    button,
    confirm,
  );
  return {
    element,
    buttons: [button, yes],
    setPeriod(p) {
      period = p;
    },
  };
}
