import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseEther } from 'ethers';
import { deploy } from '../scripts/lib/chain.mjs';
import {
  BPS, FEE_BPS, balances, errorName, provenanceOf, send, setupChain, signVoucher,
} from './support/fixture.mjs';

let ctx;
before(async () => { ctx = await setupChain(); });
after(async () => { await ctx?.stop(); });

async function attacker() {
  const contract = await deploy('ReentrantReceiver', ctx.admin, [], { testOnly: true });
  await send(ctx.admin.sendTransaction({ to: await contract.getAddress(), value: parseEther('10') }));
  return contract;
}

async function voucher(label, buyer) {
  const { timestamp } = await ctx.provider.getBlock('latest');
  const terms = { creator: ctx.creator.address, buyer, provenanceHash: provenanceOf(label), price: parseEther('1'),
    royaltyBps: 500, expiry: BigInt(timestamp) + 3600n, nonce: 7n };
  return { terms, signature: await signVoucher(ctx.nft, ctx.creator, terms) };
}

async function assertReentryBlocked(receiver) {
  assert.equal(await receiver.reentryAttempts(), 1n, 'the hook attempted exactly one re-entrant call');
  assert.equal(await receiver.reentrySucceeded(), false);
  assert.equal(errorName(await receiver.reentryRevertData()), 'ReentrancyGuardReentrantCall');
}

describe('re-entrancy', () => {
  it('blocks re-entering ArtMarket.buy from onERC721Received of a buying contract', async () => {
    const { nft, market, minter, creator, alice, provider } = ctx;
    const marketAddress = await market.getAddress();
    const hashes = [provenanceOf('reenter-buy-1'), provenanceOf('reenter-buy-2')];
    const [first, second] = hashes.map(BigInt);
    await send(nft.connect(alice).setApprovalForAll(marketAddress, true));
    for (const hash of hashes) {
      await send(nft.connect(minter).mint(alice.address, hash, creator.address, 500));
      await send(market.connect(alice).list(BigInt(hash), parseEther('1')));
    }
    const buyer = await attacker();
    const buyerAddress = await buyer.getAddress();
    await send(buyer.arm(marketAddress, parseEther('1'), market.interface.encodeFunctionData('buy', [second])));
    const [sellerBefore] = await balances(provider, [alice]);

    await send(buyer.execute(marketAddress, parseEther('1'), market.interface.encodeFunctionData('buy', [first])));

    await assertReentryBlocked(buyer);
    assert.equal(await nft.ownerOf(first), buyerAddress);
    assert.equal(await nft.ownerOf(second), alice.address);
    assert.equal((await market.listing(second)).seller, alice.address, 'the second listing is untouched');
    const [sellerAfter] = await balances(provider, [alice]);
    const price = parseEther('1');
    assert.equal(sellerAfter - sellerBefore, price - (price * 500n) / BPS - (price * FEE_BPS) / BPS);
    assert.equal(await provider.getBalance(buyerAddress), parseEther('9'));
  });

  it('blocks a selling contract from re-entering ArtMarket.buy from receive() to be paid twice', async () => {
    const { nft, market, minter, creator, bob, provider } = ctx;
    const marketAddress = await market.getAddress();
    const seller = await attacker();
    const sellerAddress = await seller.getAddress();
    const hash = provenanceOf('reenter-seller');
    const tokenId = BigInt(hash);
    const price = parseEther('2');
    await send(nft.connect(minter).mint(sellerAddress, hash, creator.address, 500));
    await send(seller.execute(await nft.getAddress(), 0n,
      nft.interface.encodeFunctionData('setApprovalForAll', [marketAddress, true])));
    await send(seller.execute(marketAddress, 0n, market.interface.encodeFunctionData('list', [tokenId, price])));
    await send(seller.arm(marketAddress, price, market.interface.encodeFunctionData('buy', [tokenId])));
    const sellerBefore = await provider.getBalance(sellerAddress);

    await send(market.connect(bob).buy(tokenId, { value: price }));

    await assertReentryBlocked(seller);
    assert.equal(await nft.ownerOf(tokenId), bob.address);
    assert.equal(await provider.getBalance(sellerAddress) - sellerBefore,
      price - (price * 500n) / BPS - (price * FEE_BPS) / BPS, 'the seller is paid exactly once');
    assert.equal(await provider.getBalance(marketAddress), 0n);
  });

  it('blocks re-entering ArtMint721.redeem from onERC721Received of a redeeming contract', async () => {
    const { nft, creator, provider } = ctx;
    const nftAddress = await nft.getAddress();
    const buyer = await attacker();
    const buyerAddress = await buyer.getAddress();
    const [first, second] =
      [await voucher('reenter-redeem-1', buyerAddress), await voucher('reenter-redeem-2', buyerAddress)];
    await send(buyer.arm(nftAddress, second.terms.price,
      nft.interface.encodeFunctionData('redeem', [second.terms, second.signature])));
    const creatorBefore = await provider.getBalance(creator.address);

    await send(buyer.execute(nftAddress, first.terms.price,
      nft.interface.encodeFunctionData('redeem', [first.terms, first.signature])));

    await assertReentryBlocked(buyer);
    assert.equal(await nft.ownerOf(BigInt(first.terms.provenanceHash)), buyerAddress);
    assert.equal(await nft.balanceOf(buyerAddress), 1n, 'only the first voucher was redeemed');
    const price = first.terms.price;
    assert.equal(await provider.getBalance(creator.address) - creatorBefore, price - (price * FEE_BPS) / BPS);
    assert.equal(await provider.getBalance(buyerAddress), parseEther('9'));
  });

  it('blocks a fee recipient contract from re-entering ArtMint721.redeem from receive()', async () => {
    const { nft, admin, bob, feeRecipient, provider } = ctx;
    const nftAddress = await nft.getAddress();
    const recipient = await attacker();
    const recipientAddress = await recipient.getAddress();
    await send(nft.connect(admin).setPlatformFee(recipientAddress, FEE_BPS));
    const [first, second] =
      [await voucher('reenter-fee-1', bob.address), await voucher('reenter-fee-2', recipientAddress)];
    await send(recipient.arm(nftAddress, second.terms.price,
      nft.interface.encodeFunctionData('redeem', [second.terms, second.signature])));
    const before = await provider.getBalance(recipientAddress);

    await send(nft.connect(bob).redeem(first.terms, first.signature, { value: first.terms.price }));

    await assertReentryBlocked(recipient);
    assert.equal(await provider.getBalance(recipientAddress) - before, (first.terms.price * FEE_BPS) / BPS);
    assert.equal(await nft.balanceOf(recipientAddress), 0n);
    await send(nft.connect(admin).setPlatformFee(feeRecipient.address, FEE_BPS));
  });
});
