#!/usr/bin/env node
// Compiles Emitter.sol with the solc pinned in contracts/ into Emitter.json
// ({"abi": [...], "bin": "0x..."}). Run from the repository root after
// `cd contracts && npm ci`: node execution/events/testdata/gen.js
'use strict';

const fs = require('fs');
const path = require('path');
const solc = require(path.join(__dirname, '../../../contracts/node_modules/solc'));

const input = {
  language: 'Solidity',
  sources: { 'Emitter.sol': { content: fs.readFileSync(path.join(__dirname, 'Emitter.sol'), 'utf8') } },
  settings: {
    optimizer: { enabled: true, runs: 200 },
    evmVersion: 'prague',
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};
const out = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (out.errors || []).filter((e) => e.severity === 'error');
if (errors.length) {
  for (const e of errors) console.error(e.formattedMessage);
  process.exit(1);
}
const c = out.contracts['Emitter.sol'].Emitter;
fs.writeFileSync(
  path.join(__dirname, 'Emitter.json'),
  JSON.stringify({ abi: c.abi, bin: '0x' + c.evm.bytecode.object }, null, 1) + '\n',
);
console.log(`solc ${solc.version()}: wrote Emitter.json`);
