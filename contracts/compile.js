#!/usr/bin/env node
// Compiles every contracts/src/*.sol and contracts/test/*.sol with the pinned
// solcjs through its standard-JSON API and writes one artifact per deployable
// contract to build/<Name>.json: {"abi": [...], "bin": "0x..."}.
//
// Usage: node compile.js [--out DIR]
//
// Each file must hold one deployable contract named like the file (libraries,
// interfaces and abstract contracts get no artifact). Artifacts of contracts
// that no longer exist are removed from the output directory. The drift test
// (drift_test.go) runs this into a temporary directory and compares.
'use strict';

const fs = require('fs');
const path = require('path');
const solc = require('solc');

const SOLC_VERSION = '0.8.30';
const ROOT = __dirname;
const SOURCE_DIRS = ['src', 'test'];

function parseArgs(argv) {
  let out = path.join(ROOT, 'build');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out' && i + 1 < argv.length) {
      out = path.resolve(argv[++i]);
    } else {
      throw new Error(`unknown argument ${argv[i]}; usage: node compile.js [--out DIR]`);
    }
  }
  return { out };
}

function readSources() {
  const sources = {};
  for (const dir of SOURCE_DIRS) {
    const abs = path.join(ROOT, dir);
    if (!fs.existsSync(abs)) continue;
    for (const file of fs.readdirSync(abs).filter((f) => f.endsWith('.sol')).sort()) {
      // Source unit names are relative to contracts/ so the metadata, and
      // with it the bytecode, does not depend on where the tree is checked out.
      sources[`${dir}/${file}`] = { content: fs.readFileSync(path.join(abs, file), 'utf8') };
    }
  }
  return sources;
}

// Resolves imports that are not among the given sources (none today).
function findImport(unitName) {
  const abs = path.resolve(ROOT, unitName);
  if (!abs.startsWith(ROOT + path.sep)) return { error: `import outside contracts/: ${unitName}` };
  try {
    return { contents: fs.readFileSync(abs, 'utf8') };
  } catch (err) {
    return { error: `read ${unitName}: ${err.message}` };
  }
}

// Deployable contracts of a source unit, from its AST.
function deployables(ast) {
  return ast.nodes
    .filter((n) => n.nodeType === 'ContractDefinition' && n.contractKind === 'contract' && !n.abstract)
    .map((n) => n.name);
}

function main() {
  const { out } = parseArgs(process.argv.slice(2));
  const version = solc.version();
  if (!version.startsWith(SOLC_VERSION + '+')) {
    throw new Error(`solc ${version}, want ${SOLC_VERSION}; run npm ci in contracts/`);
  }

  const input = {
    language: 'Solidity',
    sources: readSources(),
    settings: {
      evmVersion: 'prague',
      optimizer: { enabled: true, runs: 200 },
      outputSelection: {
        '*': { '*': ['abi', 'evm.bytecode.object'], '': ['ast'] },
      },
    },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport }));

  let failed = false;
  for (const e of output.errors || []) {
    process.stderr.write(e.formattedMessage || e.message);
    // Warnings fail the build too: the contracts compile cleanly.
    if (e.severity !== 'info') failed = true;
  }
  if (failed) throw new Error('compilation failed');

  const artifacts = {};
  for (const unit of Object.keys(input.sources)) {
    const file = path.basename(unit, '.sol');
    for (const name of deployables(output.sources[unit].ast)) {
      if (name !== file) throw new Error(`${unit}: contract ${name} must live in ${name}.sol`);
      const c = output.contracts[unit][name];
      artifacts[name] = { abi: c.abi, bin: '0x' + c.evm.bytecode.object };
    }
  }

  fs.mkdirSync(out, { recursive: true });
  for (const f of fs.readdirSync(out)) {
    if (f.endsWith('.json') && !(path.basename(f, '.json') in artifacts)) fs.unlinkSync(path.join(out, f));
  }
  for (const name of Object.keys(artifacts).sort()) {
    fs.writeFileSync(path.join(out, `${name}.json`), JSON.stringify(artifacts[name], null, 2) + '\n');
  }
  process.stdout.write(`compiled ${Object.keys(artifacts).length} contracts with solc ${version} into ${out}\n`);
}

try {
  main();
} catch (err) {
  process.stderr.write(`compile: ${err.message}\n`);
  process.exit(1);
}
