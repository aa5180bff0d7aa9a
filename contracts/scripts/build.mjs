// Compiles contracts/src (deployable contracts) and contracts/test/solidity (test-only contracts) with solc-js
// through the standard-JSON interface, and writes per contract:
//   build/<Name>.json  {contractName, abi, bytecode, deployedBytecode}   (src contracts)
//   build/<Name>.abi, build/<Name>.bin                                    (the files web3j codegen reads)
//   build/test/<Name>.json                                                (test-only contracts)
// Skips the compilation when sources, compiler and settings are unchanged since the last build.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import solc from 'solc';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BUILD_DIR = join(ROOT, 'build');
const SOURCE_DIRS = { src: join(ROOT, 'src'), test: join(ROOT, 'test', 'solidity') };
const STAMP = join(BUILD_DIR, '.build-stamp');
const require = createRequire(import.meta.url);

/** Compiler settings: viaIR with 1,000,000 optimizer runs gave the lowest receipt gas for mint, redeem and buy
 *  (compared with viaIR off and 200 / 10,000 runs; see README). */
export const SETTINGS = {
  evmVersion: 'prague',
  viaIR: true,
  optimizer: { enabled: true, runs: 1_000_000 },
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
};

function solidityFiles(dir) {
  return readdirSync(dir).filter((f) => f.endsWith('.sol')).sort().map((f) => join(dir, f));
}

function readImport(path) {
  try {
    return { contents: readFileSync(require.resolve(path), 'utf8') };
  } catch {
    return { error: `not found: ${path}` };
  }
}

function sourceUnits() {
  const units = {};
  for (const [kind, dir] of Object.entries(SOURCE_DIRS)) {
    for (const file of solidityFiles(dir)) {
      units[relative(ROOT, file)] = { kind, content: readFileSync(file, 'utf8') };
    }
  }
  return units;
}

function fingerprint(units) {
  const hash = createHash('sha256');
  hash.update(solc.version());
  hash.update(JSON.stringify(SETTINGS));
  hash.update(readFileSync(require.resolve('@openzeppelin/contracts/package.json')));
  for (const [name, unit] of Object.entries(units)) hash.update(name).update('\0').update(unit.content);
  return hash.digest('hex');
}

function compile(units) {
  const input = {
    language: 'Solidity',
    sources: Object.fromEntries(Object.entries(units).map(([name, u]) => [name, { content: u.content }])),
    settings: SETTINGS,
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: readImport }));
  const diagnostics = output.errors ?? [];
  // Warnings located in dependencies (OpenZeppelin's transient-storage notice) are counted, not printed.
  const ours = diagnostics.filter((d) => d.severity === 'error' || !d.sourceLocation?.file?.startsWith('@'));
  for (const d of ours) console.error(d.formattedMessage ?? d.message);
  if (ours.length < diagnostics.length) console.error(`${diagnostics.length - ours.length} dependency warning(s)`);
  if (diagnostics.some((d) => d.severity === 'error')) throw new Error('Solidity compilation failed');
  return output.contracts;
}

function writeArtifacts(units, contracts) {
  rmSync(BUILD_DIR, { recursive: true, force: true });
  mkdirSync(join(BUILD_DIR, 'test'), { recursive: true });
  const written = [];
  for (const [file, unit] of Object.entries(units)) {
    for (const [name, c] of Object.entries(contracts[file] ?? {})) {
      const bytecode = c.evm.bytecode.object;
      if (!bytecode) continue; // abstract contracts and interfaces are not deployable
      const artifact = { contractName: name, sourceName: file, abi: c.abi, bytecode: `0x${bytecode}`,
        deployedBytecode: `0x${c.evm.deployedBytecode.object}` };
      if (unit.kind === 'src') {
        writeFileSync(join(BUILD_DIR, `${name}.json`), `${JSON.stringify(artifact, null, 2)}\n`);
        writeFileSync(join(BUILD_DIR, `${name}.abi`), JSON.stringify(c.abi));
        writeFileSync(join(BUILD_DIR, `${name}.bin`), bytecode);
        written.push(name);
      } else {
        writeFileSync(join(BUILD_DIR, 'test', `${name}.json`), `${JSON.stringify(artifact, null, 2)}\n`);
        written.push(`test/${name}`);
      }
    }
  }
  return written;
}

/** Builds when needed; returns true when it compiled. */
export function build({ force = false } = {}) {
  const units = sourceUnits();
  const stamp = fingerprint(units);
  if (!force && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === stamp) return false;
  const written = writeArtifacts(units, compile(units));
  writeFileSync(STAMP, stamp);
  console.log(`solc ${solc.version()}: wrote ${written.join(', ')} to ${relative(process.cwd(), BUILD_DIR) || '.'}`);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const compiled = build({ force: process.argv.includes('--force') });
  if (!compiled) console.log('contracts up to date');
}
