// ts-run.js FILE.ts — transpile a TypeScript script in memory (no type check,
// ts.transpileModule) and run it as a CommonJS module. Node 20 has no type
// stripping, so the sandbox node image carries `typescript` in /opt/typescript.
'use strict';
const fs = require('fs');
const path = require('path');
const Module = require('module');
const ts = require('/opt/typescript');

const file = process.argv[2];
const src = fs.readFileSync(file, 'utf8');
const out = ts.transpileModule(src, {
  fileName: file,
  reportDiagnostics: false,
  compilerOptions: {
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2022,
    esModuleInterop: true,
  },
});
process.argv.splice(1, 1); // argv[1] is now the script, as with `node main.js`
const m = new Module(file, null);
m.filename = file;
m.paths = Module._nodeModulePaths(path.dirname(file));
m._compile(out.outputText, file);
