/**
 * Makes webpack emit taskpane.css as a file of its own (an asset module: webpack 5 does this
 * for `new URL(..., import.meta.url)` with no loader), which taskpane.html links from <head>.
 * A file, not inline CSS, because the page's Content-Security-Policy allows only
 * `style-src 'self'`.
 */
// @ts-ignore -- tsc checks this project as CommonJS, where import.meta is not allowed; webpack builds it as an ES module.
export const STYLESHEET_URL: string = new URL("./taskpane.css", import.meta.url).href;
