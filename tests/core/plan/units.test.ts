import { normaliseUnitCode, parseUnitLine } from "../../../src/core/plan/units";

describe("parseUnitLine", () => {
  test.each([
    ["**STAFF 6** PROMOZIONE, INTERNAZIONALIZZAZIONE", "STAFF 6", "PROMOZIONE, INTERNAZIONALIZZAZIONE"],
    ["STAFF 6\tPROMOZIONE", "STAFF 6", "PROMOZIONE"],
    ["STAFF 6 PROMOZIONE", "STAFF 6", "PROMOZIONE"],
    ["- S. 1.1 PROGRAMMAZIONE, BILANCI", "S. 1.1", "PROGRAMMAZIONE, BILANCI"],
    ["- STAFF 6** PROMOZIONE", "STAFF 6", "PROMOZIONE"],
    ["- S.1.4** PERFORMANCE", "S. 1.4", "PERFORMANCE"],
    ["S.1.4\tPERFORMANCE", "S. 1.4", "PERFORMANCE"],
    ["**S. 2.2** SPORTELLO UNIFICATO", "S. 2.2", "SPORTELLO UNIFICATO"],
    ["AREA I\tAREA CONTABILE E FINANZIARIA", "AREA I", "AREA CONTABILE E FINANZIARIA"],
    ["AREA III\tREGOLAZIONE DEL MERCATO", "AREA III", "REGOLAZIONE DEL MERCATO"],
    ["AREA STAFF\tSTAFF DEL SEGRETARIO GENERALE", "AREA STAFF", "STAFF DEL SEGRETARIO GENERALE"],
    ["<b>STAFF 1</b> INNOVAZIONE", "STAFF 1", "INNOVAZIONE"],
    ["S. 3.2", "S. 3.2", ""],
  ])("%s", (line, code, name) => {
    expect(parseUnitLine(line)).toEqual({ type: "unit", code, name });
  });

  test("table rules are separators", () => {
    expect(parseUnitLine("--------\t--")).toEqual({ type: "separator" });
    expect(parseUnitLine("---------\t---")).toEqual({ type: "separator" });
  });

  test("anything else is unknown, with its text", () => {
    expect(parseUnitLine("Ufficio senza codice")).toEqual({ type: "unknown", text: "Ufficio senza codice" });
    expect(parseUnitLine("SPORTELLO UNIFICATO").type).toBe("unknown");
    expect(parseUnitLine("AREAX\tqualcosa").type).toBe("unknown");
  });
});

describe("normaliseUnitCode", () => {
  test("one normal form per code", () => {
    expect(normaliseUnitCode("S.1.4")).toBe("S. 1.4");
    expect(normaliseUnitCode("S 1.4")).toBe("S. 1.4");
    expect(normaliseUnitCode("s. 1 . 4")).toBe("S. 1.4");
    expect(normaliseUnitCode("staff6")).toBe("STAFF 6");
    expect(normaliseUnitCode("Area ii")).toBe("AREA II");
    expect(normaliseUnitCode("area  staff")).toBe("AREA STAFF");
    expect(normaliseUnitCode("PERFORMANCE")).toBeNull();
  });
});
