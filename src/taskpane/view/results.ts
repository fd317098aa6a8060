import { fmt, formatNumber, type Strings } from "../i18n";
import type { Lang } from "../../core";
import { PAGE, type ItemView, type ReportView, type SectionView } from "../view-model";
import { h, replace } from "./dom";

export type GoTo = (sheet: string, address: string) => void;

/** One result: a button that selects its cell (keyboard: Tab, Enter/Space), or plain text. */
export function renderItem(item: ItemView, strings: Strings, goTo: GoTo): HTMLLIElement {
  const head =
    item.code || item.where
      ? h("span", { class: "item-head" }, item.code ? h("span", { class: "item-code" }, item.code) : null, item.where ? h("span", { class: "item-where" }, item.where) : null)
      : null;
  const body = [head, h("span", { class: "item-title" }, item.title), item.detail ? h("span", { class: "item-detail" }, item.detail) : null];
  if (item.sheet === null || item.address === null) return h("li", { class: "item item-static" }, ...body);
  const sheet = item.sheet;
  const address = item.address;
  const button = h("button", { type: "button", class: "item-link", title: fmt(strings.goTo, { sheet, cell: address }), "data-key": item.key }, ...body);
  button.addEventListener("click", () => goTo(sheet, address));
  return h("li", { class: "item" }, button);
}

/** A collapsible group with its count; long lists show PAGE items and a "show more" button. */
export function renderSection(section: SectionView, strings: Strings, lang: Lang, goTo: GoTo): HTMLElement {
  const count = section.count;
  const badge = h("span", { class: `badge${count > 0 ? ` badge-${section.tone}` : ""}`, "data-count": count }, formatNumber(count, lang));
  if (count === 0) {
    // Nothing to open: a quiet one-line row that still says "0".
    return h("div", { class: "group-empty", "data-section": section.id }, h("span", { class: "group-title" }, section.title), badge);
  }
  const details = h(
    "details",
    { class: `group tone-${section.tone}`, "data-section": section.id, open: section.open },
    h("summary", { class: "group-summary" }, h("span", { class: "group-title" }, section.title), badge),
  );
  const list = h("ul", { class: "items" });
  details.append(list);
  let shown = 0;
  const more = h("button", { type: "button", class: "btn btn-subtle more" });
  const showNext = (): void => {
    const next = section.slice(shown, shown + PAGE);
    for (const item of next) list.append(renderItem(item, strings, goTo));
    shown += next.length;
    const rest = count - shown;
    if (rest > 0) replace(more, fmt(strings.showMore, { n: formatNumber(Math.min(rest, PAGE), lang) }));
    else more.remove();
  };
  more.addEventListener("click", () => {
    const first = shown;
    showNext();
    // Keep the keyboard where the reader was: on the first newly shown item.
    list.querySelectorAll<HTMLButtonElement>(".item-link")[first]?.focus();
  });
  showNext();
  if (shown < count) details.append(more);
  return details;
}

export function renderResults(view: ReportView, strings: Strings, lang: Lang, goTo: GoTo): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (view.clean) out.push(h("p", { class: "all-clear" }, strings.allClear));
  // Groups with items first (in their order), the empty ones after, as a compact list.
  const full = view.sections.filter((s) => s.count > 0);
  const empty = view.sections.filter((s) => s.count === 0);
  for (const s of full) out.push(renderSection(s, strings, lang, goTo));
  if (empty.length > 0) out.push(h("div", { class: "empty-groups" }, ...empty.map((s) => renderSection(s, strings, lang, goTo))));
  return out;
}
