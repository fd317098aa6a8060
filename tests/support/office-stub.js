/*
 * A stand-in for Office.js, served by the e2e test in place of
 * https://appsforoffice.microsoft.com/lib/1/hosted/office.js.
 *
 * The response is tests/support/office/ transpiled to a script that sets
 * `window.FakeExcelLib`, followed by this file. The fake enforces Office's load/sync rules
 * and counts syncs; this file dresses it as the globals the add-in uses: `Office`
 * (onReady, context.displayLanguage / platform / requirements, actions), `Excel.run`,
 * `OfficeExtension.Error` and `CustomFunctions` (associate, Error, ErrorCode) for the
 * functions bundle that shares the page.
 *
 * The test configures it before any script runs (page.addInitScript) with
 *   window.__OFFICE_STUB_CONFIG__ = { displayLanguage, platform, apiVersion, workbook, nullParents }
 * where `workbook` is a FakeWorkbook JSON and `nullParents` the fake's option of that name
 * (how objects reached from a null object behave; default "null"); the display language
 * also sets the fake's language and decimal separator (Italian: Italian function names in
 * `formulasLocal`, decimal comma), and inspects it through
 * `window.__officeStub`. Every Excel API the fake models (e.g. `worksheets.getFirst()`,
 * `Worksheet.getNextOrNullObject()`) is available to the page as it is to the unit tests.
 */
(function () {
  "use strict";
  var lib = window.FakeExcelLib;
  if (!lib) throw new Error("office-stub.js: FakeExcelLib is missing (serve tests/support/office first)");
  var config = window.__OFFICE_STUB_CONFIG__ || {};
  var workbook = config.workbook ? lib.FakeWorkbook.fromJSON(config.workbook) : new lib.FakeWorkbook();
  var platform = config.platform === "desktop" ? "desktop" : "web";
  var fake = new lib.FakeExcel(
    {
      platform: platform,
      apiVersion: config.apiVersion || "1.12",
      nullParents: config.nullParents === "fail" ? "fail" : "null",
      // Office's display language decides the function names Excel reads in formulasLocal.
      language: /^it/i.test(config.displayLanguage || "it-IT") ? "it" : "en",
      decimalSeparator: /^it/i.test(config.displayLanguage || "it-IT") ? "," : ".",
    },
    workbook,
  );
  var officePlatform = platform === "desktop" ? "PC" : "OfficeOnline";
  var info = { host: "Excel", platform: officePlatform };
  var associated = {};

  window.Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
    context: {
      displayLanguage: config.displayLanguage || "it-IT",
      contentLanguage: config.displayLanguage || "it-IT",
      platform: officePlatform,
      host: "Excel",
      requirements: { isSetSupported: fake.isSetSupported },
    },
    actions: {
      associate: function (name, handler) {
        associated["action:" + name] = handler;
      },
    },
    onReady: function (callback) {
      return new Promise(function (resolve) {
        setTimeout(function () {
          if (typeof callback === "function") callback(info);
          resolve(info);
        }, 0);
      });
    },
  };

  window.Excel = {
    run: fake.run,
    ErrorCodes: {
      accessDenied: "AccessDenied",
      invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
      itemNotFound: "ItemNotFound",
      apiNotFound: "ApiNotFound",
    },
  };

  window.OfficeExtension = { Error: lib.FakeOfficeError };

  function CustomFunctionsError(code, message) {
    this.code = code;
    this.message = message || "";
  }
  window.CustomFunctions = {
    associate: function (id, fn) {
      associated[id] = fn;
    },
    Error: CustomFunctionsError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
  };

  // What the test reads back.
  window.__officeStub = {
    fake: fake,
    snapshot: function () {
      return JSON.stringify(fake.snapshot());
    },
    stats: function () {
      return JSON.parse(JSON.stringify(fake.stats));
    },
    resetStats: function () {
      fake.resetStats();
    },
    selection: function () {
      var wb = fake.workbook;
      return { active: wb.sheets[wb.activeSheet] ? wb.sheets[wb.activeSheet].name : null, selection: wb.selection };
    },
    associated: function () {
      return Object.keys(associated).sort();
    },
    ourRules: function () {
      var out = [];
      fake.workbook.sheets.forEach(function (s) {
        s.cfs.forEach(function (cf) {
          if ((cf.formula || "").indexOf("KPI-PP-MARK") >= 0) {
            out.push({ sheet: s.name, formula: cf.formula, fill: cf.format.fill, rects: cf.rects.map(lib.rectAddress) });
          }
        });
      });
      return out;
    },
    setCell: function (sheet, row, col, value) {
      var s = fake.workbook.sheet(sheet);
      while (s.rows.length <= row) s.rows.push([]);
      var r = s.rows[row] || (s.rows[row] = []);
      while (r.length < col) r.push("");
      r[col] = value;
    },
    failNextSync: function (n, code) {
      fake.failSync(n, code || "GeneralException", 0);
    },
    /**
     * The user types in a cell (`on`). `failing`: the host fails the sync anyway, with this
     * { code, message }, instead of honouring `delayForCellEdit`.
     */
    setCellEditMode: function (on, failing) {
      fake.ignoresDelay = !!failing;
      if (failing) fake.cellEditError = failing;
      fake.cellEditMode = !!on;
    },
    /** Syncs sent so far (a delayed one counts when sent). */
    syncCount: function () {
      return fake.stats.syncs;
    },
  };
})();
