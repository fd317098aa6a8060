/**
 * The only way the pane builds DOM: elements with attributes set one by one and children
 * appended as nodes or text nodes. Never `innerHTML`: every string (indicator names, sheet
 * names, engine messages) reaches the page as text, so `<img src=x onerror=...>` in a cell is
 * shown, not run. `style` and `on*` attributes are refused: styling is by class (the CSP
 * allows no inline style) and behaviour by `addEventListener`.
 */

export type Attrs = Readonly<Record<string, string | number | boolean | null | undefined>>;
export type Child = Node | string | number | null | undefined | false;

/**
 * @example h("button", { class: "btn", type: "button" }, "Valida")
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    const lower = name.toLowerCase();
    if (lower === "style" || lower.startsWith("on")) throw new Error(`Refused attribute ${name}`);
    el.setAttribute(name, value === true ? "" : String(value));
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
}

/** Replaces an element's children. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

let counter = 0;
/** A unique id for label/aria wiring. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}
