/**
 * The fake host must be as strict as Office where the adapter could go wrong, or the
 * adapter tests prove nothing: these tests pin its load/sync rules, its payload limit,
 * its partial application of a failing batch, API versions and protection.
 */
import vm from "vm";
import * as office from "../support/office";
import { coerceInput, FakeExcel, FakeWorkbook, jsonSize, parseRect, rectAddress } from "../support/office";
import { officeLibraryScript } from "../support/office-script";

function book(options = {}): FakeExcel {
  const fake = new FakeExcel(options);
  fake.workbook.load({ name: "S", values: [["a", 1], ["b", 2]], fills: { B2: "#FF0000" } });
  return fake;
}

describe("load and sync", () => {
  test("reading a property that was never loaded throws PropertyNotLoaded", async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1:B2");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("reading after load but before sync throws; after sync it gives the values", async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1:B2").load("values,address");
      expect(() => r.values).toThrow(/context.sync\(\) has not been called/);
      await ctx.sync();
      expect(r.values).toEqual([["a", 1], ["b", 2]]);
      expect(r.address).toBe("S!A1:B2");
    });
  });

  test("collection items need loading; nested paths load the items' properties", async () => {
    const fake = book();
    fake.workbook.load({ name: "T", values: [[1]], protected: true });
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets;
      expect(() => ws.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      ws.load("items/name,items/protection/protected");
      await ctx.sync();
      expect(ws.items.map((w: { name: string }) => w.name)).toEqual(["S", "T"]);
      expect(ws.items.map((w: { protection: { protected: boolean } }) => w.protection.protected)).toEqual([false, true]);
      expect(() => ws.items[0].visibility).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("writes are queued and applied only at sync; each sync is counted", async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1").values = [["z"]];
      expect(fake.workbook.sheets[0].rows[0][0]).toBe("a");
      await ctx.sync();
      expect(fake.workbook.sheets[0].rows[0][0]).toBe("z");
    });
    expect(fake.stats.syncs).toBe(1);
    expect(fake.stats.runs).toBe(1);
  });

  test("a null object is detected after sync without an explicit load", async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("nope");
      const used = ctx.workbook.worksheets.getItem("S").getUsedRangeOrNullObject(true);
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(used.isNullObject).toBe(false);
    });
  });

  test("getFirst / getNextOrNullObject walk the sheets in tab order (hidden ones too) in one batch; past the last, null objects", async () => {
    const fake = book();
    fake.workbook.load({ name: "Nascosto", values: [[1]], visibility: "Hidden", protected: true });
    fake.workbook.load({ name: "T", values: [[2]] });
    await fake.run(async (ctx) => {
      const walk = [ctx.workbook.worksheets.getFirst()];
      for (let i = 0; i < 4; i++) walk.push(walk[walk.length - 1].getNextOrNullObject());
      const used = walk.map((ws) => ws.getUsedRangeOrNullObject(true).load("address,values"));
      for (const ws of walk) ws.load("name");
      const prot = walk.map((ws) => ws.protection.load("protected"));
      const rules = walk.map((ws) => ws.getRange().conditionalFormats.load("items/type"));
      const visible = ctx.workbook.worksheets.getFirst().getNextOrNullObject(true).load("name");
      expect(() => walk[1].isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(fake.stats.syncs).toBe(1);
      expect(walk.map((ws) => ws.isNullObject)).toEqual([false, false, false, true, true]);
      expect(walk.slice(0, 3).map((ws) => ws.name)).toEqual(["S", "Nascosto", "T"]);
      expect(prot.map((p) => p.protected)).toEqual([false, true, false, null, null]);
      expect(used[2].address).toBe("T!A1");
      expect(used[2].values).toEqual([[2]]);
      // Loads on null objects, and on objects reached from them, give null; nothing throws.
      expect([walk[3].name, used[3].isNullObject, used[3].address, used[4].values]).toEqual([null, true, null, null]);
      expect(rules[0].items).toEqual([]);
      expect(rules[3].items).toBeUndefined();
      expect(visible.name).toBe("T");
    });
  });

  test("anything but a load on a null object, or on an object reached from one, fails the sync with InvalidOperation", async () => {
    const fake = book();
    for (const act of [
      (ws: any) => (ws.getRange("A1").values = [["x"]]),
      (ws: any) => ws.delete(),
      (ws: any) => ws.getRange("A1").conditionalFormats.add("Custom"),
    ]) {
      await expect(
        fake.run(async (ctx) => {
          act(ctx.workbook.worksheets.getFirst().getNextOrNullObject());
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code: "InvalidOperation" });
    }
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["S"]);
    expect(fake.workbook.sheets[0].rows[0][0]).toBe("a");
  });

  test("nullParents 'fail' (the strict reading): reaching past a null object fails the sync; getFirst needs ExcelApi 1.5", async () => {
    const fake = book({ nullParents: "fail" });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getFirst().getNextOrNullObject().getNextOrNullObject().load("name");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
    // One step past the last sheet is still a plain null object.
    await fake.run(async (ctx) => {
      const next = ctx.workbook.worksheets.getFirst().getNextOrNullObject().load("name");
      await ctx.sync();
      expect(next.isNullObject).toBe(true);
    });
    const old = book({ apiVersion: "1.4" });
    await old.run(async (ctx) => {
      expect(() => ctx.workbook.worksheets.getFirst()).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
    });
  });

  test("an unknown sheet fails the sync with ItemNotFound", async () => {
    const fake = book();
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("nope").activate();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});

describe("failures", () => {
  test("a failing operation leaves the operations before it applied, as Excel does", async () => {
    const fake = book();
    fake.failSync(1, "GeneralException", 1);
    await expect(
      fake.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem("S");
        s.getRange("A1").values = [["first"]];
        s.getRange("A2").values = [["second"]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "GeneralException" });
    const rows = fake.workbook.sheets[0].rows;
    // Op 1 resolves the sheet, so the fault before op index 1 means nothing was written.
    expect(rows[0][0]).toBe("a");
    expect(rows[1][0]).toBe("b");
  });

  test("failSync after k operations applies exactly k operations", async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("S");
      const a1 = s.getRange("A1");
      const a2 = s.getRange("A2");
      await ctx.sync(); // resolves the sheet and both ranges: the next batch is two writes
      fake.failSync(1, "GeneralException", 1);
      a1.values = [["first"]];
      a2.values = [["second"]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: "GeneralException" });
    });
    const rows = fake.workbook.sheets[0].rows;
    expect(rows[0][0]).toBe("first");
    expect(rows[1][0]).toBe("b");
  });

  test("cell-edit mode rejects every sync", async () => {
    const fake = book();
    fake.cellEditMode = true;
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.load("items/name");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
  });

  test("the web rejects a response over 5 MB; desktop does not", async () => {
    const big = Array.from({ length: 60_000 }, (_, i) => [`riga numero ${i} con del testo abbastanza lungo`, i, i * 2]);
    for (const platform of ["web", "desktop"] as const) {
      const fake = new FakeExcel({ platform });
      fake.workbook.load({ name: "Big", values: big });
      const p = fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Big").getRange("A1:C60000").load("values,numberFormat");
        await ctx.sync();
      });
      if (platform === "web") await expect(p).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
      else await expect(p).resolves.toBeUndefined();
      // A refused response was built but never sent: counted apart from the bytes moved.
      const [stat] = fake.stats.perSync;
      expect(stat.response).toBeGreaterThan(5 * 1024 * 1024);
      expect([stat.rejected === true, fake.stats.rejectedBytes > 0, fake.stats.responseBytes > 0]).toEqual(
        platform === "web" ? [true, true, false] : [false, false, true],
      );
    }
  });

  test("a protected sheet refuses writes with AccessDenied", async () => {
    const fake = new FakeExcel();
    fake.workbook.load({ name: "P", values: [[1]], protected: true });
    await expect(
      fake.run(async (ctx) => {
        const cf = ctx.workbook.worksheets.getItem("P").getRange("A1").conditionalFormats.add("Custom");
        cf.custom.rule.formula = "=TRUE";
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    expect(fake.workbook.sheets[0].cfs).toEqual([]);
  });

  test("an API newer than the host's version throws ApiNotFound and isSetSupported agrees", async () => {
    const fake = new FakeExcel({ apiVersion: "1.5" });
    fake.workbook.load({ name: "S", values: [[1]] });
    expect(fake.isSetSupported("ExcelApi", "1.5")).toBe(true);
    expect(fake.isSetSupported("ExcelApi", "1.6")).toBe(false);
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1").conditionalFormats.add("Custom");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

describe("conditional formats", () => {
  test("customOrNullObject is null for non-custom rules and gives the formula for custom ones", async () => {
    const fake = book();
    const s = fake.workbook.sheets[0];
    s.cfs.push({ id: "x", type: "DataBar", rects: [parseRect("B1:B2")], formula: null, format: { fill: null, fontColor: null, bold: null, italic: null }, stopIfTrue: false });
    fake.workbook.sheets[0].cfs.push({ id: "y", type: "Custom", rects: [parseRect("A1")], formula: "=A1>0", format: { fill: "#00FF00", fontColor: null, bold: null, italic: null }, stopIfTrue: false });
    await fake.run(async (ctx) => {
      const cfs = ctx.workbook.worksheets.getItem("S").getRange().conditionalFormats.load("items/type,items/customOrNullObject/rule/formula");
      await ctx.sync();
      expect(cfs.items.map((c: { type: string }) => c.type)).toEqual(["DataBar", "Custom"]);
      expect(cfs.items[0].customOrNullObject.isNullObject).toBe(true);
      expect(cfs.items[1].customOrNullObject.isNullObject).toBe(false);
      expect(cfs.items[1].customOrNullObject.rule.formula).toBe("=A1>0");
    });
  });

  test("clearAll is refused: it would delete the user's rules", async () => {
    const fake = book();
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1").conditionalFormats.clearAll();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "NotImplemented" });
  });
});

describe("model helpers", () => {
  test("Excel's coercion of written input: formulas, numbers, quote prefix", () => {
    expect(coerceInput("'---")).toEqual({ value: "---", formula: null });
    expect(coerceInput("---").formula).toBe("=---");
    expect(coerceInput("15%")).toEqual({ value: 0.15, formula: null });
    expect(coerceInput("=A1")).toEqual({ value: "", formula: "=A1" });
    expect(coerceInput(">= 15%")).toEqual({ value: ">= 15%", formula: null });
  });

  test("addresses round-trip and sizes are JSON lengths", () => {
    expect(rectAddress(parseRect("$B$2:C10"))).toBe("B2:C10");
    expect(rectAddress(parseRect("5:9"))).toBe("A5:XFD9");
    for (const v of [[["ab", 1]], [], [[true, null, 1.5]], { a: [1, "x"], b: false }, "plain"]) {
      expect(jsonSize(v)).toBe(JSON.stringify(v).length);
    }
  });

  test("snapshot survives toJSON/fromJSON", () => {
    const fake = book();
    const copy = JSON.parse(JSON.stringify(fake.workbook.toJSON()));
    expect(JSON.stringify(FakeWorkbook.fromJSON(copy).snapshot())).toBe(JSON.stringify(fake.snapshot()));
  });
});

describe("what the summary and the marks' borders need", () => {
  test("worksheet custom properties: ExcelApi 1.12, case-insensitive keys, add overwrites, null objects until synced", async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      const missing = ws.customProperties.getItemOrNullObject("K").load("value");
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      ws.customProperties.add("K", "1");
      ws.customProperties.add("k", "2");
      const found = ws.customProperties.getItemOrNullObject("K").load("value");
      expect(() => found.value).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect([found.isNullObject, found.value]).toEqual([false, "2"]);
    });
    expect([...fake.workbook.sheets[0].customProperties]).toEqual([["K", "2"]]);
    // They survive the JSON round trip of the e2e stub.
    expect([...FakeWorkbook.fromJSON(JSON.parse(JSON.stringify(fake.workbook.toJSON()))).sheets[0].customProperties]).toEqual([["K", "2"]]);
    const old = book({ apiVersion: "1.11" });
    await old.run(async (ctx) => {
      expect(() => ctx.workbook.worksheets.getItem("S").customProperties.add("K", "1")).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
    });
  });

  test("Range.clear empties values, formulas and formats inside the range only; refused on a protected sheet", async () => {
    const fake = book();
    fake.workbook.load({ name: "T", values: [[1, 2], [3, 4]], fills: { A1: "#00FF00" }, protected: true });
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1:A2").clear();
      await ctx.sync();
    });
    expect(fake.workbook.sheets[0].rows).toEqual([["", 1], ["", 2]]);
    expect(fake.workbook.sheets[0].formats.get(1 * 16384 + 1)?.fill).toBe("#FF0000");
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("T").getRange().clear();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
  });

  test("conditional-format borders: the four edges, thin styles only", async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      const cf = ctx.workbook.worksheets.getItem("S").getRange("B1:B2").conditionalFormats.add("Custom");
      cf.custom.rule.formula = "=TRUE";
      const top = cf.custom.format.borders.getItem("EdgeTop");
      top.style = "Dash";
      top.color = "#8F7F00";
      await ctx.sync();
      expect(() => cf.custom.format.borders.getItem("InsideHorizontal")).toThrow(expect.objectContaining({ code: "InvalidArgument" }));
      cf.custom.format.borders.getItem("EdgeLeft").style = "Thick";
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
    expect(fake.workbook.sheets[0].cfs[0].format.borders).toEqual({ EdgeTop: { style: "Dash", color: "#8F7F00" } });
  });

  test("RangeAreas.select selects several areas on the active sheet at ExcelApi 1.18, and is refused at 1.17 although getRanges is there", async () => {
    const fake = book({ apiVersion: "1.18" });
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      ws.activate();
      ws.getRanges("2:3,5:5").select();
      await ctx.sync();
    });
    expect(fake.workbook.selection).toEqual({ sheet: "S", address: "A2:XFD3,A5:XFD5" });
    const ltsc = new FakeExcel({ apiVersion: "1.17" }, fake.workbook);
    await ltsc.run(async (ctx) => {
      const areas = ctx.workbook.worksheets.getItem("S").getRanges("2:3,5:5");
      expect(() => areas.select()).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
    });
  });
});

describe("the fake as the e2e page gets it", () => {
  test("the browser script built from tests/support/office/ exports what the modules export and enforces load/sync the same way", async () => {
    const window: { FakeExcelLib?: typeof office } = {};
    vm.runInNewContext(officeLibraryScript(), { window, setTimeout });
    const lib = window.FakeExcelLib!;
    expect(Object.keys(lib).sort()).toEqual(Object.keys(office).sort());
    const fake = new lib.FakeExcel();
    fake.workbook.load({ name: "S", values: [["a", 1]] });
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1:B1").load("values");
      expect(() => r.values).toThrow(/context.sync\(\) has not been called/);
      await ctx.sync();
      expect(r.values).toEqual([["a", 1]]);
    });
    // The requirement table came along: a member of ExcelApi 1.6 is refused by a 1.5 host.
    const old = new lib.FakeExcel({ apiVersion: "1.5" });
    old.workbook.load({ name: "S", values: [[1]] });
    await old.run(async (ctx) => {
      expect(() => ctx.workbook.worksheets.getItem("S").getRange("A1").conditionalFormats.add("Custom")).toThrow(
        expect.objectContaining({ code: "ApiNotFound" }),
      );
    });
    expect(fake.stats.syncs).toBe(1);
  });
});

describe("what typing the fake against @types/office-js brought in", () => {
  test("load takes Office's LoadOption: select and expand as strings or lists; top and skip are refused, not ignored", async () => {
    const fake = book();
    fake.workbook.load({ name: "T", values: [[1]], protected: true });
    await fake.run(async (ctx) => {
      const listed = ctx.workbook.worksheets.load({ select: ["items/name"], expand: "items/protection" });
      const range = ctx.workbook.worksheets.getItem("S").getRange("A1:B1").load({ select: ["values", "address"] });
      await ctx.sync();
      expect(listed.items.map((w: { name: string }) => w.name)).toEqual(["S", "T"]);
      expect(listed.items.map((w: { protection: { protected: boolean } }) => w.protection.protected)).toEqual([false, true]);
      expect([range.values, range.address]).toEqual([[["a", 1]], "S!A1:B1"]);
      expect(() => ctx.workbook.worksheets.load({ select: "items/name", top: 1 })).toThrow(expect.objectContaining({ code: "NotImplemented" }));
    });
  });

  test("isSetSupported takes the version as Office does, a string or a number", () => {
    const fake = new FakeExcel({ apiVersion: "1.9" });
    // 1.9 >= 1.8 and 1.9 < 1.10 (as strings); the number 1.1 is version 1.1, not 1.10.
    expect([fake.isSetSupported("ExcelApi", "1.8"), fake.isSetSupported("ExcelApi", "1.10")]).toEqual([true, false]);
    expect([fake.isSetSupported("ExcelApi", 1.1), fake.isSetSupported("ExcelApi", 1.9), fake.isSetSupported("ExcelApi", 2)]).toEqual([true, true, false]);
  });

  test("optional arguments Office allows but the fake does not model are refused rather than guessed", async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      for (const call of [() => ws.freezePanes.freezeRows(), () => ws.freezePanes.freezeColumns(), () => ws.getRanges()]) {
        expect(call).toThrow(expect.objectContaining({ code: "NotImplemented" }));
      }
    });
  });
});
