import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseEther } from 'ethers';
import { BPS, FEE_BPS, balances, expectRevert, provenanceOf, send, setupChain } from './support/fixture.mjs';

const ROYALTY_BPS = 800n;
let ctx;
let marketAddress;
before(async () => {
  ctx = await setupChain();
  marketAddress = await ctx.market.getAddress();
});
after(async () => { await ctx?.stop(); });

/** Mints an artwork by `ctx.creator` (8 % royalty) to `owner`, who approves the market for all tokens. */
async function tokenOwnedBy(owner, label) {
  const hash = provenanceOf(label);
  await send(ctx.nft.connect(ctx.minter).mint(owner.address, hash, ctx.creator.address, ROYALTY_BPS));
  await send(ctx.nft.connect(owner).setApprovalForAll(marketAddress, true));
  return BigInt(hash);
}

function eventsOf(receipt, contract) {
  return receipt.logs.filter((l) => l.address === contract.target).map((l) => contract.interface.parseLog(l));
}

describe('ArtMarket listings', () => {
  it('lists, updates the price and cancels, with events', async () => {
    const { market, alice } = ctx;
    const tokenId = await tokenOwnedBy(alice, 'listing-lifecycle');
    let { receipt } = await send(market.connect(alice).list(tokenId, parseEther('1')));
    assert.deepEqual([...eventsOf(receipt, market)[0].args], [tokenId, alice.address, parseEther('1')]);
    assert.deepEqual([...(await market.listing(tokenId))], [alice.address, parseEther('1')]);
    assert.equal(await ctx.nft.ownerOf(tokenId), alice.address, 'no escrow');

    ({ receipt } = await send(market.connect(alice).updatePrice(tokenId, parseEther('2'))));
    const updated = eventsOf(receipt, market)[0];
    assert.equal(updated.name, 'PriceUpdated');
    assert.deepEqual([...updated.args], [tokenId, alice.address, parseEther('2')]);
    assert.equal((await market.listing(tokenId)).price, parseEther('2'));

    ({ receipt } = await send(market.connect(alice).cancel(tokenId)));
    const cancelled = eventsOf(receipt, market)[0];
    assert.equal(cancelled.name, 'ListingCancelled');
    assert.deepEqual([...cancelled.args], [tokenId, alice.address]);
    assert.equal((await market.listing(tokenId)).seller, '0x0000000000000000000000000000000000000000');
  });

  it('refuses listings by non-owners, without approval or at price zero', async () => {
    const { nft, market, alice, bob } = ctx;
    const tokenId = await tokenOwnedBy(alice, 'listing-rules');
    await expectRevert(market.connect(bob).list(tokenId, 1n), 'NotTokenOwner');
    await expectRevert(market.connect(alice).list(tokenId, 0n), 'ZeroPrice');
    await send(nft.connect(alice).setApprovalForAll(marketAddress, false));
    await expectRevert(market.connect(alice).list(tokenId, 1n), 'MarketNotApproved');
    await send(nft.connect(alice).approve(marketAddress, tokenId));
    await send(market.connect(alice).list(tokenId, 1n));
    await expectRevert(market.connect(bob).updatePrice(tokenId, 5n), 'NotSeller');
    await expectRevert(market.connect(bob).cancel(tokenId), 'NotSeller');
    await send(nft.connect(alice).setApprovalForAll(marketAddress, true));
  });

  it('lets only the admin set the market fee', async () => {
    const { market, admin, alice, feeRecipient } = ctx;
    await expectRevert(market.connect(alice).setPlatformFee(alice.address, 1), 'AccessControlUnauthorizedAccount');
    await send(market.connect(admin).setPlatformFee(feeRecipient.address, FEE_BPS));
    assert.deepEqual([...(await market.platformFee())], [feeRecipient.address, FEE_BPS]);
  });
});

describe('ArtMarket buy', () => {
  it('pays seller, royalty receiver and fee recipient exactly and transfers the token', async () => {
    const { provider, nft, market, alice, bob, creator, feeRecipient } = ctx;
    const tokenId = await tokenOwnedBy(alice, 'secondary-sale');
    const price = 3_333_333_333_333_333_337n;
    await send(market.connect(alice).list(tokenId, price));
    const before = await balances(provider, [alice, bob, creator, feeRecipient]);

    const { receipt, gasCost } = await send(market.connect(bob).buy(tokenId, { value: price }));

    const afterwards = await balances(provider, [alice, bob, creator, feeRecipient]);
    const royalty = (price * ROYALTY_BPS) / BPS;
    const fee = (price * FEE_BPS) / BPS;
    assert.equal(royalty, 266_666_666_666_666_666n);
    assert.equal(fee, 83_333_333_333_333_333n);
    assert.equal(afterwards[0] - before[0], price - royalty - fee, 'seller gets price - royalty - fee');
    assert.equal(before[1] - afterwards[1], price + gasCost, 'buyer pays the price and gas');
    assert.equal(afterwards[2] - before[2], royalty, 'creator gets the royalty');
    assert.equal(afterwards[3] - before[3], fee, 'fee recipient gets the fee');
    assert.equal(await provider.getBalance(marketAddress), 0n);
    assert.equal(await nft.ownerOf(tokenId), bob.address);
    assert.equal((await market.listing(tokenId)).seller, '0x0000000000000000000000000000000000000000');

    const sold = eventsOf(receipt, market).find((e) => e.name === 'Sold');
    assert.deepEqual([...sold.args], [tokenId, alice.address, bob.address, price, creator.address, royalty, fee]);
    await expectRevert(market.connect(ctx.carol).buy(tokenId, { value: price }), 'NotListed');
  });

  it('refuses to sell a listing to its own seller', async () => {
    const { market, alice } = ctx;
    const tokenId = await tokenOwnedBy(alice, 'own-listing');
    await send(market.connect(alice).list(tokenId, 100n));
    const [id] = await expectRevert(market.connect(alice).buy(tokenId, { value: 100n }), 'CannotBuyOwnListing');
    assert.equal(id, tokenId);
  });

  it('refuses a cancelled listing', async () => {
    const { market, alice, bob } = ctx;
    const tokenId = await tokenOwnedBy(alice, 'cancelled-listing');
    await send(market.connect(alice).list(tokenId, 100n));
    await send(market.connect(alice).cancel(tokenId));
    await expectRevert(market.connect(bob).buy(tokenId, { value: 100n }), 'NotListed');
    await expectRevert(market.connect(alice).cancel(tokenId), 'NotListed');
  });

  it('refuses a stale listing after the token moved, and after approval was revoked', async () => {
    const { nft, market, alice, bob, carol, dave } = ctx;
    const moved = await tokenOwnedBy(alice, 'stale-moved');
    await send(market.connect(alice).list(moved, 100n));
    await send(nft.connect(alice).transferFrom(alice.address, carol.address, moved));
    const [id] = await expectRevert(market.connect(bob).buy(moved, { value: 100n }), 'StaleListing');
    assert.equal(id, moved);
    assert.equal(await nft.ownerOf(moved), carol.address);

    const revoked = await tokenOwnedBy(alice, 'stale-revoked');
    await send(market.connect(alice).list(revoked, 100n));
    await send(nft.connect(alice).setApprovalForAll(marketAddress, false));
    await expectRevert(market.connect(bob).buy(revoked, { value: 100n }), 'StaleListing');
    assert.equal(await nft.ownerOf(revoked), alice.address);

    // The new owner can replace the previous owner's stale listing with their own.
    await send(nft.connect(carol).setApprovalForAll(marketAddress, true));
    await send(market.connect(carol).list(moved, 200n));
    await send(market.connect(dave).buy(moved, { value: 200n }));
    assert.equal(await nft.ownerOf(moved), dave.address);
  });

  it('requires the exact price', async () => {
    const { market, alice, bob } = ctx;
    const tokenId = await tokenOwnedBy(alice, 'exact-price');
    await send(market.connect(alice).list(tokenId, 1000n));
    const [expected, sent] = await expectRevert(market.connect(bob).buy(tokenId, { value: 999n }), 'IncorrectPayment');
    assert.deepEqual([expected, sent], [1000n, 999n]);
    await expectRevert(market.connect(bob).buy(tokenId, { value: 1001n }), 'IncorrectPayment');
  });
});
