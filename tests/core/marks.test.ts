/**
 * The marks' palette: readable with black text and distinct for the common colour-vision
 * deficiencies, recomputed here from first principles (WCAG contrast; Machado et al. 2009
 * simulation matrices at full severity; CIEDE2000), and `marksFor`.
 */
import { MARK_KINDS, MARK_STYLES, marksFor, markKindOfStatus } from "../../src/core/marks";
import type { KpiResult, KpiStatus } from "../../src/core/types";

type RGB = [number, number, number];

const hex = (h: string): RGB => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as RGB;
const linear = (c: number): number => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const luminance = (h: string): number => {
  const [r, g, b] = hex(h).map(linear);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
/** WCAG 2 contrast ratio. */
const contrast = (a: string, b: string): number => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

/** Machado, Oliveira & Fernandes (2009), severity 1.0, on linear RGB. */
const CVD: Record<string, number[][]> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

function simulate(h: string, vision: string): RGB {
  const l = hex(h).map(linear);
  const m = CVD[vision];
  if (!m) return l as RGB;
  return m.map((row) => Math.min(1, Math.max(0, row[0] * l[0] + row[1] * l[1] + row[2] * l[2]))) as RGB;
}

function lab([r, g, b]: RGB): RGB {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIEDE2000 colour difference (Sharma, Wu & Dalal 2005). */
function deltaE2000([l1, a1, b1]: RGB, [l2, a2, b2]: RGB): number {
  const rad = Math.PI / 180;
  const c7 = (c: number) => c ** 7 / (c ** 7 + 25 ** 7);
  const cBar = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
  const g = 0.5 * (1 - Math.sqrt(c7(cBar)));
  const a1p = (1 + g) * a1;
  const a2p = (1 + g) * a2;
  const c1p = Math.hypot(a1p, b1);
  const c2p = Math.hypot(a2p, b2);
  const hue = (x: number, y: number) => {
    const v = Math.atan2(y, x) / rad;
    return v < 0 ? v + 360 : v;
  };
  const h1p = hue(a1p, b1);
  const h2p = hue(a2p, b2);
  let dh = h2p - h1p;
  if (c1p * c2p === 0) dh = 0;
  else if (dh > 180) dh -= 360;
  else if (dh < -180) dh += 360;
  const dL = l2 - l1;
  const dC = c2p - c1p;
  const dH = 2 * Math.sqrt(c1p * c2p) * Math.sin((dh / 2) * rad);
  const lBar = (l1 + l2) / 2;
  const cBarP = (c1p + c2p) / 2;
  let hBar = h1p + h2p;
  if (c1p * c2p !== 0) {
    if (Math.abs(h1p - h2p) > 180) hBar += hBar < 360 ? 360 : -360;
    hBar /= 2;
  }
  const t = 1 - 0.17 * Math.cos((hBar - 30) * rad) + 0.24 * Math.cos(2 * hBar * rad) + 0.32 * Math.cos((3 * hBar + 6) * rad) - 0.2 * Math.cos((4 * hBar - 63) * rad);
  const dTheta = 30 * Math.exp(-(((hBar - 275) / 25) ** 2));
  const rc = 2 * Math.sqrt(c7(cBarP));
  const sl = 1 + (0.015 * (lBar - 50) ** 2) / Math.sqrt(20 + (lBar - 50) ** 2);
  const sc = 1 + 0.045 * cBarP;
  const sh = 1 + 0.015 * cBarP * t;
  const rt = -Math.sin(2 * dTheta * rad) * rc;
  return Math.sqrt((dL / sl) ** 2 + (dC / sc) ** 2 + (dH / sh) ** 2 + rt * (dC / sc) * (dH / sh));
}

describe("the colour science used by the test", () => {
  test("contrast: black on white is 21:1, white on white 1:1", () => {
    expect(contrast("#000000", "#FFFFFF")).toBeCloseTo(21, 5);
    expect(contrast("#FFFFFF", "#FFFFFF")).toBe(1);
  });

  test("CIEDE2000 matches Sharma's reference pair", () => {
    // Sharma, Wu & Dalal (2005), table 1, pair 1: ΔE00 = 2.0425.
    expect(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 3);
  });

  test("the simulation merges what a deuteranope cannot tell apart: pure red and a matching olive", () => {
    // Red and green of equal lightness are far apart for normal vision, close for deuteranopia.
    const normal = deltaE2000(lab(simulate("#C0392B", "normal")), lab(simulate("#6B8E23", "normal")));
    const deutan = deltaE2000(lab(simulate("#C0392B", "deuteranopia")), lab(simulate("#6B8E23", "deuteranopia")));
    expect(deutan).toBeLessThan(normal / 2);
  });
});

describe("MARK_STYLES", () => {
  test("black text is readable on every fill (at least 12:1, beyond WCAG AAA)", () => {
    for (const kind of MARK_KINDS) expect([kind, contrast(MARK_STYLES[kind].fill, "#000000") >= 12]).toEqual([kind, true]);
  });

  test.each(["normal", "protanopia", "deuteranopia", "tritanopia"])("the fills stay apart for %s vision (ΔE2000 ≥ 12; ≥ 9 for at risk)", (vision) => {
    // No light tint of an Okabe-Ito colour with 12:1 black text is 12 apart from all three
    // year-end fills under tritanopia (the best, sky blue #D6EDFA, is 9.7): the at-risk mark
    // leans on its dotted border, a cue without colour, and on being the only blue one.
    for (let i = 0; i < MARK_KINDS.length; i++) {
      for (let j = i + 1; j < MARK_KINDS.length; j++) {
        const a = MARK_STYLES[MARK_KINDS[i]].fill;
        const b = MARK_STYLES[MARK_KINDS[j]].fill;
        const d = deltaE2000(lab(simulate(a, vision)), lab(simulate(b, vision)));
        const least = MARK_KINDS[i] === "at_risk" || MARK_KINDS[j] === "at_risk" ? 9 : 12;
        expect([MARK_KINDS[i], MARK_KINDS[j], d >= least]).toEqual([MARK_KINDS[i], MARK_KINDS[j], true]);
      }
    }
  });

  test("borders are visible lines on white (at least 3:1, WCAG non-text contrast)", () => {
    for (const kind of MARK_KINDS) expect([kind, contrast(MARK_STYLES[kind].border, "#FFFFFF") >= 3]).toEqual([kind, true]);
  });

  test("each fill is a tint of its Okabe-Ito colour: lighter, with the same hue order of channels", () => {
    for (const kind of MARK_KINDS) {
      const s = MARK_STYLES[kind];
      expect(luminance(s.fill)).toBeGreaterThan(luminance(s.base));
      const order = (h: string) => hex(h).map((v, i) => [v, i]).sort((p, q) => q[0] - p[0]).map((p) => p[1]).join("");
      expect(order(s.fill)).toBe(order(s.base));
    }
  });

  test("a cue that needs no colour: bold for unmet, a dashed border for missing, dotted for at risk", () => {
    expect(MARK_KINDS.filter((k) => MARK_STYLES[k].bold)).toEqual(["unmet"]);
    expect(MARK_KINDS.filter((k) => MARK_STYLES[k].borderStyle === "dashed")).toEqual(["missing"]);
    expect(MARK_KINDS.filter((k) => MARK_STYLES[k].borderStyle === "dotted")).toEqual(["at_risk"]);
    expect(new Set(MARK_KINDS.map((k) => MARK_STYLES[k].label.it)).size).toBe(4);
    expect(new Set(MARK_KINDS.map((k) => MARK_STYLES[k].label.en)).size).toBe(4);
  });
});

describe("marksFor", () => {
  const k = (status: KpiStatus, valueCell: string | null, sheet = "S"): KpiResult => ({
    sheet,
    row: 2,
    owner: "A.1",
    indicator: "x",
    weight: 50,
    target: null,
    value: null,
    status,
    achievement: null,
    valueCell,
    targetCell: "C2",
    algorithmKind: null,
  });

  test("met, unmet and missing value cells, in the report's order; nothing else", () => {
    const kpis = [k("met", "D2"), k("unmet", "D3"), k("missing", "D4"), k("invalid", "D5"), k("no_target", "D6"), k("missing", null), k("unmet", "F9", "T")];
    expect(marksFor({ kpis })).toEqual([
      { sheet: "S", cell: "D2", kind: "met" },
      { sheet: "S", cell: "D3", kind: "unmet" },
      { sheet: "S", cell: "D4", kind: "missing" },
      { sheet: "T", cell: "F9", kind: "unmet" },
    ]);
  });

  test("statuses without a mark", () => {
    expect(markKindOfStatus("invalid")).toBeNull();
    expect(markKindOfStatus("no_target")).toBeNull();
    expect(markKindOfStatus("missing")).toBe("missing");
  });
});
