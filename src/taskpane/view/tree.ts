import type { Lang } from "../../core";
import { fmt, formatNumber, type Strings } from "../i18n";
import type { TreeNodeView, TreeView } from "../tree-model";
import { PAGE } from "../view-model";
import { h, replace, uid } from "./dom";
import type { GoTo } from "./results";

/**
 * The roll-up tree card: the performance tree, each node a link to its rows, and the
 * "Build summary" button.
 *
 * Collapsing is the disclosure pattern: a small button with `aria-expanded` and
 * `aria-controls` before each node that has children, and nested lists. No `role="tree"`:
 * that role promises arrow-key navigation; plain buttons work with Tab, Enter and Space, as
 * the rest of the pane does. Children are built when a node is first opened, and long lists
 * show PAGE nodes at a time, so a workbook with thousands of codes costs nothing until
 * looked at. Which nodes are open is remembered by code across a new report.
 */

export interface TreeCard {
  readonly element: HTMLElement;
  readonly button: HTMLButtonElement;
  /** `Crea schede unità`, next to `Crea riepilogo`. */
  readonly unitsButton: HTMLButtonElement;
  update(tree: TreeView | null): void;
}

/** Top-level nodes are open at first when there are this many or fewer (the plan's areas). */
const OPEN_ROOTS = 12;

export function renderTreeCard(strings: Strings, lang: Lang, goTo: GoTo, onSummary: () => void, onUnits: () => void = () => undefined): TreeCard {
  const titleId = uid("tree-title");
  const year = h("p", { class: "tree-year" });
  const notes = h("div", { class: "tree-notes" });
  const list = h("ul", { class: "tree-list" });
  const more = h("div", { class: "tree-more" });
  const hintId = uid("summary-hint");
  const button = h("button", { type: "button", class: "btn btn-secondary", id: "summary", "aria-describedby": hintId }, strings.summaryButton);
  button.addEventListener("click", onSummary);
  const unitsHintId = uid("units-hint");
  const unitsButton = h("button", { type: "button", class: "btn btn-secondary", id: "units", "aria-describedby": unitsHintId }, strings.unitsButton);
  unitsButton.addEventListener("click", onUnits);
  const element = h(
    "section",
    { class: "card tree", "aria-labelledby": titleId, hidden: true },
    h("div", { class: "card-header" }, h("h2", { id: titleId, class: "card-title" }, strings.treeTitle), year),
    notes,
    h("div", { class: "tree-actions" }, button, h("p", { id: hintId, class: "hint" }, strings.summaryHint)),
    h("div", { class: "tree-actions" }, unitsButton, h("p", { id: unitsHintId, class: "hint" }, strings.unitsHint)),
    list,
    more,
  );

  /** Open/closed as the user left each node, by code. */
  const expanded = new Map<string, boolean>();
  let openRoots = false;

  /** Appends nodes to a list, PAGE at a time, with a "show more" button in `moreBox`. */
  function fill(target: HTMLUListElement, nodes: readonly TreeNodeView[], moreBox: HTMLElement): void {
    let shown = 0;
    const button = h("button", { type: "button", class: "btn btn-subtle more" });
    const next = (): void => {
      const slice = nodes.slice(shown, shown + PAGE);
      for (const n of slice) target.append(renderNode(n));
      shown += slice.length;
      const rest = nodes.length - shown;
      if (rest > 0) replace(button, fmt(strings.showMore, { n: formatNumber(Math.min(rest, PAGE), lang) }));
      else button.remove();
    };
    button.addEventListener("click", () => {
      const first = shown;
      next();
      (target.children[first]?.querySelector(".tree-link, .tree-toggle") as HTMLElement | null)?.focus();
    });
    next();
    if (shown < nodes.length) moreBox.append(button);
  }

  function renderNode(node: TreeNodeView): HTMLLIElement {
    const li = h("li", { class: `tree-node tree-kind-${node.kind}`, "data-code": node.code });
    const row = h("div", { class: "tree-row" });
    li.append(row);

    const head = h(
      "span",
      { class: "tree-head" },
      h("span", { class: "tree-code" }, node.code),
      h("span", { class: "tree-kind" }, node.kindLabel),
    );
    const counts = fmt(strings.treeCounts, {
      met: formatNumber(node.met, lang),
      unmet: formatNumber(node.unmet, lang),
      missing: formatNumber(node.missing, lang),
    });
    const figures = node.measured
      ? h(
          "span",
          { class: "tree-figures" },
          h(
            "span",
            { class: "tree-ach", "data-achievement": node.achievement === null ? "" : String(node.achievement) },
            h("span", { class: "sr-only" }, `${strings.treeAchievementLabel} `),
            node.achievement === null ? node.achievementText : `${node.achievementText}%`,
          ),
          h("span", { class: `band band-${node.band ?? "none"}`, "data-band": node.band ?? "" }, node.bandText),
          node.kpis > 0 ? h("span", { class: "tree-counts" }, counts) : null,
        )
      : null;
    const body = [head, node.title ? h("span", { class: "tree-title" }, node.title) : null, figures];

    if (node.children.length > 0) {
      const id = uid("tree-children");
      const toggle = h("button", {
        type: "button",
        class: "tree-toggle",
        "aria-expanded": "false",
        "aria-controls": id,
        "aria-label": fmt(strings.treeExpand, { code: node.code }),
      });
      const children = h("ul", { id, class: "tree-children", hidden: true });
      const moreBox = h("div", { class: "tree-more" });
      let built = false;
      const set = (open: boolean): void => {
        if (open && !built) {
          built = true;
          fill(children, node.children, moreBox);
        }
        children.hidden = !open;
        moreBox.hidden = !open;
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
      };
      toggle.addEventListener("click", () => {
        const open = toggle.getAttribute("aria-expanded") !== "true";
        expanded.set(node.code, open);
        set(open);
      });
      row.append(toggle);
      li.append(children, moreBox);
      set(expanded.get(node.code) ?? (openRoots && node.depth === 0));
    } else {
      row.append(h("span", { class: "tree-toggle-space", "aria-hidden": "true" }));
    }

    if (node.link) {
      const { sheet, address } = node.link;
      const link = h(
        "button",
        { type: "button", class: "tree-link", title: fmt(strings.treeGoTo, { code: node.code, where: node.link.where }), "data-code": node.code },
        ...body,
      );
      link.addEventListener("click", () => goTo(sheet, address));
      row.append(link);
    } else {
      row.append(h("div", { class: "tree-link tree-static" }, ...body));
    }
    return li;
  }

  return {
    element,
    button,
    unitsButton,
    update(tree) {
      element.hidden = tree === null;
      if (!tree) return;
      replace(year, tree.year === null ? strings.summaryNoYear : fmt(strings.summaryYear, { year: tree.year }));
      replace(notes, ...tree.notes.map((n) => h("p", { class: "hint" }, n)));
      openRoots = tree.roots.length <= OPEN_ROOTS;
      replace(list);
      replace(more);
      fill(list, tree.roots, more);
    },
  };
}
