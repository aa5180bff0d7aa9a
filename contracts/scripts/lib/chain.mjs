// A throwaway local chain for the contract tests and the gas report: starts the Anvil binary from
// @foundry-rs/anvil on a free port, and deploys the compiled artifacts from build/ with ethers.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ContractFactory, JsonRpcProvider } from 'ethers';
import { BUILD_DIR } from '../build.mjs';

const require = createRequire(import.meta.url);
const PLATFORM_PACKAGES = {
  'linux-x64': 'anvil-linux-amd64',
  'linux-arm64': 'anvil-linux-arm64',
  'darwin-x64': 'anvil-darwin-amd64',
  'darwin-arm64': 'anvil-darwin-arm64',
  'win32-x64': 'anvil-win32-amd64',
};

/** Path of the anvil executable installed by @foundry-rs/anvil for this platform. */
export function anvilBinary() {
  const pkg = PLATFORM_PACKAGES[`${process.platform}-${process.arch}`];
  if (!pkg) throw new Error(`no Anvil build for ${process.platform}-${process.arch}`);
  return require.resolve(`@foundry-rs/${pkg}/bin/anvil${process.platform === 'win32' ? '.exe' : ''}`);
}

/**
 * Starts Anvil on a free loopback port (it binds port 0 and reports the port it got).
 * The process is a direct child, spawned without the npm wrapper, so stop() ends it for sure.
 * @returns {Promise<{url: string, provider: JsonRpcProvider, stop: () => Promise<void>}>}
 */
export async function startAnvil({ timeoutMs = 30_000 } = {}) {
  const child = spawn(anvilBinary(), ['--host', '127.0.0.1', '--port', '0', '--hardfork', 'prague'],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise((resolve) => child.once('exit', resolve));

  const port = await new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`Anvil did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const fail = (error) => { clearTimeout(timer); child.kill('SIGKILL'); reject(error); };
    const onData = (chunk) => {
      output += chunk;
      const match = /Listening on 127\.0\.0\.1:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        child.stdout.resume(); // keep draining so Anvil never blocks on a full pipe
        resolve(Number(match[1]));
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', (chunk) => { output += chunk; });
    child.once('exit', (code) => fail(new Error(`Anvil exited with ${code}:\n${output}`)));
  });

  const url = `http://127.0.0.1:${port}`;
  const provider = new JsonRpcProvider(url, 31337, { staticNetwork: true, pollingInterval: 20, cacheTimeout: -1 });
  const stop = async () => {
    provider.destroy();
    process.off('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return { url, provider, stop };
}

/** Reads build/<name>.json, or build/test/<name>.json for test-only contracts. */
export function artifact(name, { testOnly = false } = {}) {
  return JSON.parse(readFileSync(join(BUILD_DIR, testOnly ? 'test' : '', `${name}.json`), 'utf8'));
}

/** Deploys a compiled contract and waits for it; returns the ethers Contract. */
export async function deploy(name, signer, args = [], { testOnly = false } = {}) {
  const { abi, bytecode } = artifact(name, { testOnly });
  const contract = await new ContractFactory(abi, bytecode, signer).deploy(...args);
  await contract.waitForDeployment();
  return contract;
}
