/**
 * What the library and its packages call that browsers older than their 2021 versions lack (Chromium before 93, as
 * some browsers on government PCs are built on): from core-js, the well-kept polyfills, and only these. esbuild
 * lowers the syntax to es2019, but not the functions; tests/page-browser.test.ts removes these from Chromium before
 * the page runs, and checks an example all the same.
 */
import 'core-js/actual/object/has-own';
import 'core-js/actual/array/at';
import 'core-js/actual/string/at';
import 'core-js/actual/string/replace-all';
