// Property test of the payment split: for random prices, platform fees and royalties, every wei of the price
// reaches exactly one payee (seller or creator, royalty receiver, fee recipient), each gets its rounded-down
// share, and nothing stays in the contracts. 200 cases each for ArtMint721.redeem and ArtMarket.buy, with a
// fixed seed so that a failure replays. A failure ends the run with its counterexample, unshrunk: every
// shrinking step would be a few more transactions.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { toBeHex } from 'ethers';
import { BPS, FEE_BPS, balances, provenanceOf, send, setupChain, signVoucher } from './support/fixture.mjs';

const RUNS = 200;
const SEED = 20261201;
const MAX_UINT96 = 2n ** 96n - 1n;

let ctx;
before(async () => {
  ctx = await setupChain();
});
after(async () => {
  await ctx?.stop();
});

/** Prices where rounding shows (1 to 10,000 wei) as well as any up to uint96, and the fee and royalty caps. */
const terms = fc.record({
  price: fc.oneof(fc.bigInt(1n, 10_000n), fc.bigInt(1n, MAX_UINT96)),
  feeBps: fc.oneof(fc.constantFrom(0, 1, 999, 1_000), fc.integer({ min: 0, max: 1_000 })),
  royaltyBps: fc.oneof(fc.constantFrom(0, 1, 999, 1_000), fc.integer({ min: 0, max: 1_000 })),
});

const CHECKS = { numRuns: RUNS, seed: SEED, endOnFailure: true };
let serial = 0;

/** Gives the buyer enough ether for the largest uint96 price plus gas, whatever earlier cases spent. */
async function fund(buyer) {
  await ctx.provider.send('anvil_setBalance', [buyer.address, toBeHex(2n ** 100n)]);
}

describe('payment split (property, 200 random cases each)', () => {
  it('ArtMint721.redeem pays creator + fee recipient exactly the price', async () => {
    const { nft, admin, provider, creator, feeRecipient, bob } = ctx;
    await fc.assert(fc.asyncProperty(terms, async ({ price, feeBps, royaltyBps }) => {
      await send(nft.connect(admin).setPlatformFee(feeRecipient.address, feeBps));
      await fund(bob);
      const { timestamp } = await provider.getBlock('latest');
      const voucher = { creator: creator.address, buyer: bob.address, provenanceHash: provenanceOf(`split-${serial++}`),
        price, royaltyBps, expiry: BigInt(timestamp) + 3600n, nonce: 1n };
      const signature = await signVoucher(nft, creator, voucher);
      const before = await balances(provider, [bob, creator, feeRecipient]);

      const { gasCost } = await send(nft.connect(bob).redeem(voucher, signature, { value: price }));

      const [buyer, toCreator, toFee] = (await balances(provider, [bob, creator, feeRecipient]))
        .map((balance, i) => (i === 0 ? before[i] - balance - gasCost : balance - before[i]));
      assert.equal(buyer, price);
      assert.equal(toFee, (price * BigInt(feeBps)) / BPS);
      assert.equal(toCreator + toFee, price);
      assert.equal(await provider.getBalance(await nft.getAddress()), 0n);
    }), CHECKS);
    await send(nft.connect(admin).setPlatformFee(feeRecipient.address, FEE_BPS));
  });

  it('ArtMarket.buy pays seller + royalty receiver + fee recipient exactly the price', async () => {
    const { nft, market, admin, minter, provider, creator, feeRecipient, alice, dave } = ctx;
    const marketAddress = await market.getAddress();
    await send(nft.connect(alice).setApprovalForAll(marketAddress, true));
    await fc.assert(fc.asyncProperty(terms, async ({ price, feeBps, royaltyBps }) => {
      await send(market.connect(admin).setPlatformFee(feeRecipient.address, feeBps));
      const tokenId = BigInt(provenanceOf(`split-${serial++}`));
      await send(nft.connect(minter).mint(alice.address, toBeHex(tokenId, 32), creator.address, royaltyBps));
      await send(market.connect(alice).list(tokenId, price));
      await fund(dave);
      const before = await balances(provider, [dave, alice, creator, feeRecipient]);

      const { gasCost } = await send(market.connect(dave).buy(tokenId, { value: price }));

      const [buyer, toSeller, toRoyalty, toFee] = (await balances(provider, [dave, alice, creator, feeRecipient]))
        .map((balance, i) => (i === 0 ? before[i] - balance - gasCost : balance - before[i]));
      assert.equal(buyer, price);
      assert.equal(toRoyalty, (price * BigInt(royaltyBps)) / BPS);
      assert.equal(toFee, (price * BigInt(feeBps)) / BPS);
      assert.equal(toSeller + toRoyalty + toFee, price);
      assert.equal(await nft.ownerOf(tokenId), dave.address);
      assert.equal(await provider.getBalance(marketAddress), 0n);
    }), CHECKS);
    await send(market.connect(admin).setPlatformFee(feeRecipient.address, FEE_BPS));
  });
});
