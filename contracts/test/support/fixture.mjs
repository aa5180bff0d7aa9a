// Shared setup of the contract tests: a fresh Anvil node, the deployed contracts, named accounts and helpers
// to sign vouchers, measure balance changes and decode custom errors from revert data.
import assert from 'node:assert/strict';
import { Interface, keccak256, toUtf8Bytes } from 'ethers';
import { artifact, deploy, startAnvil } from '../../scripts/lib/chain.mjs';

export const BASE_URI = 'https://artmint.example/api/tokens/';
export const FEE_BPS = 250n;
export const BPS = 10_000n;

/** Interface knowing every custom error of every compiled contract, to name any revert. */
const ALL_ERRORS = new Interface(
  ['ArtMint721', 'ArtMarket'].flatMap((n) => artifact(n).abi)
    .concat(artifact('ReentrantReceiver', { testOnly: true }).abi)
    .filter((f) => f.type === 'error')
    .filter((f, i, all) => all.findIndex((g) => g.name === f.name) === i),
);

/** A provenance hash as the platform computes it: keccak-256 of canonical JSON. */
export const provenanceOf = (label) => keccak256(toUtf8Bytes(`{"artwork":"${label}","model":"artmint-tiny"}`));

/** Starts Anvil and deploys ArtMint721 + ArtMarket with a 2.5 % platform fee on both. */
export async function setupChain() {
  const chain = await startAnvil();
  const { provider } = chain;
  const accounts = await Promise.all([...Array(10).keys()].map((i) => provider.getSigner(i)));
  const [admin, minter, creator, feeRecipient, alice, bob, carol, dave, erin, frank] = accounts;
  const nft = await deploy('ArtMint721', admin,
    [admin.address, minter.address, BASE_URI, feeRecipient.address, FEE_BPS]);
  const market = await deploy('ArtMarket', admin,
    [await nft.getAddress(), admin.address, feeRecipient.address, FEE_BPS]);
  await (await nft.connect(minter).grantRole(await nft.CREATOR_ROLE(), creator.address)).wait();
  return { ...chain, nft, market, admin, minter, creator, feeRecipient, alice, bob, carol, dave, erin, frank };
}

/** The EIP-712 domain and types documented in README.md. */
export async function voucherTypedData(nft) {
  const domain = { name: 'ArtMint', version: '1', chainId: 31337, verifyingContract: await nft.getAddress() };
  const types = { Voucher: [
    { name: 'creator', type: 'address' },
    { name: 'buyer', type: 'address' },
    { name: 'provenanceHash', type: 'bytes32' },
    { name: 'price', type: 'uint256' },
    { name: 'royaltyBps', type: 'uint16' },
    { name: 'expiry', type: 'uint64' },
    { name: 'nonce', type: 'uint256' },
  ] };
  return { domain, types };
}

/** Signs `voucher` with `signer` (eth_signTypedData_v4 on Anvil). */
export async function signVoucher(nft, signer, voucher) {
  const { domain, types } = await voucherTypedData(nft);
  return signer.signTypedData(domain, types, voucher);
}

/** Sends a transaction and returns its receipt and the wei its sender paid for gas. */
export async function send(txPromise) {
  const receipt = await (await txPromise).wait();
  assert.equal(receipt.status, 1);
  return { receipt, gasCost: receipt.gasUsed * receipt.gasPrice };
}

/** Balances of `addresses` (signers or address strings) at the latest block. */
export async function balances(provider, addresses) {
  return Promise.all(addresses.map((a) => provider.getBalance(typeof a === 'string' ? a : a.address)));
}

/** The name of the custom error in revert data, or null when it is not a known custom error. */
export function errorName(data) {
  if (!data || data === '0x') return null;
  const parsed = ALL_ERRORS.parseError(data);
  return parsed ? parsed.name : null;
}

function revertData(error) {
  return error?.data ?? error?.info?.error?.data ?? error?.error?.data ?? null;
}

/** Awaits a contract call or transaction that must revert with the custom error `name`; returns its args. */
export async function expectRevert(promise, name) {
  let data;
  try {
    await (await promise).wait?.();
  } catch (error) {
    data = revertData(error);
    if (data === null) throw error;
  }
  assert.notEqual(data, undefined, `expected a revert with ${name}, but the call succeeded`);
  assert.equal(errorName(data), name, `expected ${name}, got revert data ${data}`);
  return ALL_ERRORS.parseError(data).args;
}
