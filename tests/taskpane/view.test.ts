/**
 * @jest-environment jsdom
 */
import { h } from "../../src/taskpane/view/dom";
import { renderItem, renderSection } from "../../src/taskpane/view/results";
import { renderLegend } from "../../src/taskpane/view/summary";
import { it } from "../../src/taskpane/i18n/it";
import { lazySection, type ItemView } from "../../src/taskpane/view-model";

const HOSTILE = "<img src=x onerror=alert(1)>";

const item = (i: number, extra: Partial<ItemView> = {}): ItemView => ({
  key: `k${i}`,
  code: "A.1",
  title: `Indicatore ${i}`,
  detail: "Valore 5, target >= 10",
  sheet: "Area A",
  address: `H${i + 2}`,
  where: `Area A!H${i + 2}`,
  ...extra,
});

test("h() refuses inline styles and inline handlers", () => {
  expect(() => h("div", { style: "color:red" })).toThrow(/style/);
  expect(() => h("img", { onerror: "alert(1)" })).toThrow(/onerror/);
  expect(h("button", { type: "button", disabled: false, "aria-label": "x" }).outerHTML).toBe('<button type="button" aria-label="x"></button>');
});

test("cell text reaches the page as text: a hostile indicator or sheet name creates no element", () => {
  const alerts = jest.spyOn(window, "alert").mockImplementation(() => undefined);
  const li = renderItem(item(1, { title: HOSTILE, sheet: `<svg onload=alert(2)>`, where: `<svg onload=alert(2)>!H3` }), it, () => undefined);
  document.body.append(li);
  expect(li.querySelector(".item-title")!.textContent).toBe(HOSTILE);
  expect(li.querySelector(".item-where")!.textContent).toBe("<svg onload=alert(2)>!H3");
  expect(document.querySelectorAll("img, svg").length).toBe(0);
  expect(alerts).not.toHaveBeenCalled();
  li.remove();
});

test("an item is a real button that goes to its cell; a notice without a cell is plain text", () => {
  const goTo = jest.fn();
  const li = renderItem(item(3), it, goTo);
  const button = li.querySelector("button")!;
  expect(button.type).toBe("button");
  expect(button.title).toBe("Vai a Area A!H5");
  button.click();
  expect(goTo).toHaveBeenCalledWith("Area A", "H5");
  const plain = renderItem(item(4, { sheet: null, address: null, where: null, code: null }), it, goTo);
  expect(plain.querySelector("button")).toBeNull();
  expect(plain.textContent).toContain("Indicatore 4");
});

test("long lists show 100 items, then 100 more per click, keeping the keyboard on the first new one", () => {
  const section = lazySection({ id: "unmet", title: "Target non raggiunti", tone: "unmet", open: true }, Array.from({ length: 250 }, (_, i) => i), (i) => item(i));
  const el = renderSection(section, it, "it", () => undefined);
  document.body.append(el);
  const links = () => el.querySelectorAll(".item-link");
  const more = () => el.querySelector<HTMLButtonElement>("button.more");
  expect(el.querySelector(".badge")!.textContent).toBe("250");
  expect(links()).toHaveLength(100);
  expect(more()!.textContent).toBe("Mostra altre 100 voci");
  more()!.click();
  expect(links()).toHaveLength(200);
  expect(document.activeElement).toBe(links()[100]);
  expect(more()!.textContent).toBe("Mostra altre 50 voci");
  more()!.click();
  expect(links()).toHaveLength(250);
  expect(more()).toBeNull();
  el.remove();
});

test("an empty section is a quiet row that still shows 0", () => {
  const el = renderSection(lazySection({ id: "targets", title: "Target non leggibili", tone: "error", open: true }, [], (x: ItemView) => x), it, "it", () => undefined);
  expect(el.tagName).toBe("DIV");
  expect(el.querySelector(".badge")!.getAttribute("data-count")).toBe("0");
});

test("the legend names the four colours in words, in each language (at risk: an intermediate date)", () => {
  const legend = renderLegend("it");
  expect([...legend.querySelectorAll("li")].map((li) => li.textContent)).toEqual([
    "123Target non raggiunto (o non raggiungibile)",
    "123A rischio (data intermedia)",
    "123Target raggiunto (o in linea)",
    "123Valore mancante",
  ]);
  expect([...renderLegend("en").querySelectorAll("li")].map((li) => li.textContent)).toEqual([
    "123Target not met (or unreachable)",
    "123At risk (intermediate date)",
    "123Target met (or on track)",
    "123Missing value",
  ]);
  for (const kind of ["unmet", "at_risk", "met", "missing"]) expect(legend.querySelector(`.swatch-${kind}`)!.getAttribute("aria-hidden")).toBe("true");
});
