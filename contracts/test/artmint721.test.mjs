import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Wallet, id, parseEther } from 'ethers';
import {
  BASE_URI, BPS, FEE_BPS, balances, expectRevert, provenanceOf, send, setupChain, signVoucher,
} from './support/fixture.mjs';

let ctx;
before(async () => { ctx = await setupChain(); });
after(async () => { await ctx?.stop(); });

async function now() {
  return BigInt((await ctx.provider.getBlock('latest')).timestamp);
}

async function voucherFor(label, overrides = {}) {
  return {
    creator: ctx.creator.address,
    buyer: ctx.bob.address,
    provenanceHash: provenanceOf(label),
    price: parseEther('1.5'),
    royaltyBps: 700,
    expiry: (await now()) + 3600n,
    nonce: 1n,
    ...overrides,
  };
}

describe('ArtMint721 minting', () => {
  it('lets only the minter mint', async () => {
    const { nft, alice, creator } = ctx;
    const args = [alice.address, provenanceOf('only-minter'), creator.address, 500];
    const [account, role] = await expectRevert(nft.connect(alice).mint(...args), 'AccessControlUnauthorizedAccount');
    assert.equal(account, alice.address);
    assert.equal(role, id('MINTER_ROLE'));
    await expectRevert(nft.connect(ctx.admin).mint(...args), 'AccessControlUnauthorizedAccount');
    await send(nft.connect(ctx.minter).mint(...args));
    assert.equal(await nft.ownerOf(BigInt(provenanceOf('only-minter'))), alice.address);
  });

  it('mints a token id only once', async () => {
    const { nft, minter, alice, bob, creator } = ctx;
    const hash = provenanceOf('once');
    await send(nft.connect(minter).mint(alice.address, hash, creator.address, 500));
    const [tokenId] = await expectRevert(
      nft.connect(minter).mint(bob.address, hash, creator.address, 100), 'TokenAlreadyMinted');
    assert.equal(tokenId, BigInt(hash));
    assert.equal(await nft.ownerOf(BigInt(hash)), alice.address);
    assert.equal(await nft.balanceOf(bob.address), 0n);
  });

  it('reads back token URI, royalty and provenance hash', async () => {
    const { nft, minter, alice, creator } = ctx;
    const hash = provenanceOf('read-back');
    const tokenId = BigInt(hash);
    const { receipt } = await send(nft.connect(minter).mint(alice.address, hash, creator.address, 750));
    const transfer = receipt.logs.map((l) => nft.interface.parseLog(l)).find((l) => l?.name === 'Transfer');
    assert.deepEqual([...transfer.args], ['0x0000000000000000000000000000000000000000', alice.address, tokenId]);

    assert.equal(await nft.tokenURI(tokenId), `${BASE_URI}${tokenId.toString()}`);
    assert.equal(await nft.provenanceHash(tokenId), hash);
    const [receiver, amount] = await nft.royaltyInfo(tokenId, 1_000_000n);
    assert.equal(receiver, creator.address);
    assert.equal(amount, 75_000n);
    await expectRevert(nft.provenanceHash(tokenId + 1n), 'ERC721NonexistentToken');
  });

  it('rejects a royalty above 10 %, a zero provenance hash and a zero creator', async () => {
    const { nft, minter, alice, creator } = ctx;
    const [bps, max] = await expectRevert(
      nft.connect(minter).mint(alice.address, provenanceOf('greedy'), creator.address, 1001), 'RoyaltyTooHigh');
    assert.deepEqual([bps, max], [1001n, 1000n]);
    await send(nft.connect(minter).mint(alice.address, provenanceOf('max-royalty'), creator.address, 1000));
    await expectRevert(nft.connect(minter).mint(alice.address, `0x${'00'.repeat(32)}`, creator.address, 100),
      'InvalidProvenanceHash');
    await expectRevert(nft.connect(minter).mint(alice.address, provenanceOf('no-creator'),
      '0x0000000000000000000000000000000000000000', 100), 'ERC2981InvalidTokenRoyaltyReceiver');
  });

  it('answers supportsInterface for ERC-721, ERC-2981, EIP-4906 and ERC-165 only', async () => {
    const { nft } = ctx;
    for (const iface of ['0x80ac58cd', '0x5b5e139f', '0x2a55205a', '0x49064906', '0x01ffc9a7', '0x7965db0b']) {
      assert.equal(await nft.supportsInterface(iface), true, iface);
    }
    for (const iface of ['0xffffffff', '0x780e9d63', '0x12345678']) {
      assert.equal(await nft.supportsInterface(iface), false, iface);
    }
  });

  it('lets the admin change the base URI with BatchMetadataUpdate', async () => {
    const { nft, admin, minter, alice, creator } = ctx;
    const tokenId = BigInt(provenanceOf('uri'));
    await send(nft.connect(minter).mint(alice.address, provenanceOf('uri'), creator.address, 0));
    await expectRevert(nft.connect(minter).setBaseURI('ipfs://evil/'), 'AccessControlUnauthorizedAccount');
    const { receipt } = await send(nft.connect(admin).setBaseURI('ipfs://bafy/'));
    const events = receipt.logs.map((l) => nft.interface.parseLog(l));
    assert.deepEqual(events.map((e) => e.name), ['BaseURIUpdated', 'BatchMetadataUpdate']);
    assert.equal(events[0].args[0], 'ipfs://bafy/');
    assert.deepEqual([...events[1].args], [0n, 2n ** 256n - 1n]);
    assert.equal(await nft.tokenURI(tokenId), `ipfs://bafy/${tokenId}`);
    await send(nft.connect(admin).setBaseURI(BASE_URI));
  });

  it('lets only the admin set the platform fee, capped at 10 %', async () => {
    const { nft, admin, minter, feeRecipient, bob } = ctx;
    await expectRevert(nft.connect(minter).setPlatformFee(bob.address, 100), 'AccessControlUnauthorizedAccount');
    await expectRevert(nft.connect(admin).setPlatformFee(bob.address, 1001), 'PlatformFeeTooHigh');
    await expectRevert(nft.connect(admin).setPlatformFee('0x0000000000000000000000000000000000000000', 100),
      'InvalidPlatformFeeRecipient');
    const { receipt } = await send(nft.connect(admin).setPlatformFee(bob.address, 1000));
    assert.equal(nft.interface.parseLog(receipt.logs[0]).name, 'PlatformFeeUpdated');
    assert.deepEqual([...(await nft.platformFee())], [bob.address, 1000n]);
    await send(nft.connect(admin).setPlatformFee(feeRecipient.address, FEE_BPS));
    assert.deepEqual([...(await nft.platformFee())], [feeRecipient.address, FEE_BPS]);
  });
});

describe('ArtMint721 lazy minting', () => {
  it('mints to the buyer and splits the exact price between creator and fee recipient', async () => {
    const { nft, provider, creator, feeRecipient, bob } = ctx;
    const voucher = await voucherFor('lazy-1', { price: 1_234_567_890_123_456_789n });
    const signature = await signVoucher(nft, creator, voucher);
    const before = await balances(provider, [bob, creator, feeRecipient]);

    const { receipt, gasCost } = await send(nft.connect(bob).redeem(voucher, signature, { value: voucher.price }));

    const afterwards = await balances(provider, [bob, creator, feeRecipient]);
    const fee = (voucher.price * FEE_BPS) / BPS;
    assert.equal(fee, 30_864_197_253_086_419n);
    assert.equal(before[0] - afterwards[0], voucher.price + gasCost);
    assert.equal(afterwards[1] - before[1], voucher.price - fee);
    assert.equal(afterwards[2] - before[2], fee);
    assert.equal(await provider.getBalance(await nft.getAddress()), 0n);

    const tokenId = BigInt(voucher.provenanceHash);
    assert.equal(await nft.ownerOf(tokenId), bob.address);
    assert.equal(await nft.provenanceHash(tokenId), voucher.provenanceHash);
    const [receiver, royalty] = await nft.royaltyInfo(tokenId, 10_000n);
    assert.deepEqual([receiver, royalty], [creator.address, 700n]);
    const redeemed = receipt.logs.map((l) => nft.interface.parseLog(l)).find((e) => e?.name === 'VoucherRedeemed');
    assert.deepEqual([...redeemed.args], [tokenId, creator.address, bob.address, voucher.price, fee]);
  });

  it('lets only the buyer it names redeem a voucher, so a copy from the mempool cannot be front-run', async () => {
    const { nft, provider, creator, bob, carol } = ctx;
    const voucher = await voucherFor('front-run');
    const signature = await signVoucher(nft, creator, voucher);
    // carol copies bob's pending redeem, voucher and signature unchanged, and submits it herself
    await provider.send('evm_setAutomine', [false]);
    let mined;
    try {
      const pending = await nft.connect(bob).redeem(voucher, signature, { value: voucher.price, gasLimit: 300_000 });
      const copied = nft.interface.parseTransaction({ data: pending.data, value: pending.value });
      assert.deepEqual(copied.args[0].toObject(), { ...voucher, royaltyBps: BigInt(voucher.royaltyBps) });
      const [buyer, caller] = await expectRevert(
        nft.connect(carol).redeem(copied.args[0].toObject(), copied.args[1], { value: pending.value }),
        'NotVoucherBuyer');
      assert.deepEqual([buyer, caller], [bob.address, carol.address]);
      mined = pending;
    } finally {
      await provider.send('evm_setAutomine', [true]);
      await provider.send('evm_mine', []);
    }
    assert.equal((await mined.wait()).status, 1);
    assert.equal(await nft.ownerOf(BigInt(voucher.provenanceHash)), bob.address);
    assert.equal(await nft.balanceOf(carol.address), 0n);
    // a voucher whose buyer was changed no longer carries the creator's signature
    await expectRevert(nft.connect(carol).redeem({ ...voucher, buyer: carol.address }, signature,
      { value: voucher.price }), 'InvalidVoucherSignature');
  });

  it('rejects a replayed voucher', async () => {
    const { nft, creator, bob } = ctx;
    const voucher = await voucherFor('replay');
    const signature = await signVoucher(nft, creator, voucher);
    await send(nft.connect(bob).redeem(voucher, signature, { value: voucher.price }));
    const [tokenId] = await expectRevert(
      nft.connect(bob).redeem(voucher, signature, { value: voucher.price }), 'TokenAlreadyMinted');
    assert.equal(tokenId, BigInt(voucher.provenanceHash));
    assert.equal(await nft.ownerOf(tokenId), bob.address);
  });

  it('rejects an expired voucher', async () => {
    const { nft, provider, creator, bob } = ctx;
    const voucher = await voucherFor('expired', { expiry: (await now()) + 60n });
    const signature = await signVoucher(nft, creator, voucher);
    await provider.send('evm_increaseTime', [61]);
    await provider.send('evm_mine', []);
    const [expiry] = await expectRevert(
      nft.connect(bob).redeem(voucher, signature, { value: voucher.price }), 'VoucherExpired');
    assert.equal(expiry, voucher.expiry);
  });

  it('rejects a voucher signed by anyone but its creator, or altered after signing', async () => {
    const { nft, creator, minter, bob } = ctx;
    const voucher = await voucherFor('forged');
    const forged = await signVoucher(nft, minter, voucher);
    const [who] = await expectRevert(
      nft.connect(bob).redeem(voucher, forged, { value: voucher.price }), 'InvalidVoucherSignature');
    assert.equal(who, creator.address);

    const genuine = await signVoucher(nft, creator, voucher);
    const cheaper = { ...voucher, price: voucher.price / 2n };
    await expectRevert(nft.connect(bob).redeem(cheaper, genuine, { value: cheaper.price }),
      'InvalidVoucherSignature');
    const randomKey = Wallet.createRandom();
    await expectRevert(nft.connect(bob).redeem(voucher, await signVoucher(nft, randomKey, voucher),
      { value: voucher.price }), 'InvalidVoucherSignature');
  });

  it('rejects underpayment and overpayment', async () => {
    const { nft, creator, bob } = ctx;
    const voucher = await voucherFor('underpaid');
    const signature = await signVoucher(nft, creator, voucher);
    const [expected, sent] = await expectRevert(
      nft.connect(bob).redeem(voucher, signature, { value: voucher.price - 1n }), 'IncorrectPayment');
    assert.deepEqual([expected, sent], [voucher.price, voucher.price - 1n]);
    await expectRevert(nft.connect(bob).redeem(voucher, signature, { value: voucher.price + 1n }),
      'IncorrectPayment');
  });

  it('rejects a voucher whose creator lacks CREATOR_ROLE or cancelled it', async () => {
    const { nft, minter, creator, carol, bob } = ctx;
    const byStranger = await voucherFor('stranger', { creator: carol.address });
    const [who] = await expectRevert(nft.connect(bob).redeem(byStranger, await signVoucher(nft, carol, byStranger),
      { value: byStranger.price }), 'UnauthorizedCreator');
    assert.equal(who, carol.address);

    const voucher = await voucherFor('cancelled', { nonce: 42n });
    const signature = await signVoucher(nft, creator, voucher);
    const { receipt } = await send(nft.connect(creator).cancelVoucher(42n));
    assert.deepEqual([...nft.interface.parseLog(receipt.logs[0]).args], [creator.address, 42n]);
    assert.equal(await nft.isVoucherCancelled(creator.address, 42n), true);
    await expectRevert(nft.connect(bob).redeem(voucher, signature, { value: voucher.price }),
      'VoucherCancelledByCreator');
    assert.equal(await nft.isVoucherCancelled(creator.address, 43n), false);
    assert.equal(await nft.hasRole(id('CREATOR_ROLE'), carol.address), false);
    await send(nft.connect(minter).grantRole(id('CREATOR_ROLE'), carol.address));
    await send(nft.connect(bob).redeem(byStranger, await signVoucher(nft, carol, byStranger),
      { value: byStranger.price }));
    assert.equal(await nft.ownerOf(BigInt(byStranger.provenanceHash)), bob.address);
  });

  it('exposes the EIP-712 digest the creator signs', async () => {
    const { nft } = ctx;
    const { TypedDataEncoder } = await import('ethers');
    const { domain, types } = await import('./support/fixture.mjs').then((m) => m.voucherTypedData(nft));
    const voucher = await voucherFor('digest');
    assert.equal(await nft.voucherDigest(voucher), TypedDataEncoder.hash(domain, types, voucher));
    const [, name, version, chainId, verifyingContract] = await nft.eip712Domain();
    assert.deepEqual([name, version, chainId, verifyingContract], ['ArtMint', '1', 31337n, await nft.getAddress()]);
  });
});
