// Gas report: deploys ArtMint721 + ArtMarket and plain OpenZeppelin baselines on a fresh Anvil node in one run,
// performs each operation once, and prints the receipt gasUsed next to its baseline and the targets.
// A benchmark, not a test: it exits 0 whether or not a target is met, and says which.
import { getAddress, keccak256, parseEther, toUtf8Bytes } from 'ethers';
import { deploy, startAnvil } from './lib/chain.mjs';

const TARGETS = {
  mint: 95_000,
  redeem: 150_000,
  secondarySale: 90_000,
};
const URI_73 = 'ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/000001';
if (URI_73.length !== 73) throw new Error(`baseline URI must be 73 characters, is ${URI_73.length}`);

const hashOf = (label) => keccak256(toUtf8Bytes(`{"artwork":"${label}"}`));
let holders = 0;
/** A new address that never held a token, the same in every run so calldata costs are reproducible. */
const freshAddress = () => getAddress(`0x${keccak256(toUtf8Bytes(`holder-${holders++}`)).slice(26)}`);

async function gasOf(txPromise) {
  const receipt = await (await txPromise).wait();
  return receipt.gasUsed;
}

async function measure(provider) {
  const [admin, minter, creator, feeRecipient, seller, buyer] = await Promise.all(
    [0, 1, 2, 3, 4, 5].map((i) => provider.getSigner(i)));

  const plain = await deploy('PlainERC721', admin, [], { testOnly: true });
  const uriStorage = await deploy('URIStorageERC721', admin, [], { testOnly: true });
  const nft = await deploy('ArtMint721', admin,
    [admin.address, minter.address, 'https://artmint.example/api/tokens/', feeRecipient.address, 250]);
  const market = await deploy('ArtMarket', admin,
    [await nft.getAddress(), admin.address, feeRecipient.address, 250]);
  await (await nft.connect(minter).grantRole(await nft.CREATOR_ROLE(), creator.address)).wait();

  const gas = {};
  // Baselines: one earlier mint each, then a mint of a new token to a holder that never owned one.
  await (await plain.mint(freshAddress(), 1)).wait();
  gas.plainMint = await gasOf(plain.mint(freshAddress(), 2));
  await (await uriStorage.mint(freshAddress(), 1, URI_73)).wait();
  gas.uriStorageMint = await gasOf(uriStorage.mint(freshAddress(), 2, URI_73));
  await (await plain.mint(admin.address, 3)).wait();
  gas.plainTransfer = await gasOf(plain.transferFrom(admin.address, freshAddress(), 3));

  await (await nft.connect(minter).mint(freshAddress(), hashOf('warm-up'), creator.address, 500)).wait();
  gas.mint = await gasOf(nft.connect(minter).mint(freshAddress(), hashOf('first mint'), creator.address, 500));

  const voucher = { creator: creator.address, buyer: seller.address, provenanceHash: hashOf('lazy'), price: parseEther('1'),
    royaltyBps: 500, expiry: 2n ** 40n, nonce: 1n };
  const domain = { name: 'ArtMint', version: '1', chainId: 31337, verifyingContract: await nft.getAddress() };
  const types = { Voucher: [
    { name: 'creator', type: 'address' }, { name: 'buyer', type: 'address' },
    { name: 'provenanceHash', type: 'bytes32' },
    { name: 'price', type: 'uint256' }, { name: 'royaltyBps', type: 'uint16' },
    { name: 'expiry', type: 'uint64' }, { name: 'nonce', type: 'uint256' }] };
  const signature = await creator.signTypedData(domain, types, voucher);
  gas.redeem = await gasOf(nft.connect(seller).redeem(voucher, signature, { value: voucher.price }));

  // Secondary sales of the redeemed token's siblings: the seller holds tokens minted by the minter.
  const forSale = [];
  for (const label of ['sale-1', 'sale-2', 'sale-3']) {
    const tokenId = BigInt(hashOf(label));
    await (await nft.connect(minter).mint(seller.address, hashOf(label), creator.address, 500)).wait();
    forSale.push(tokenId);
  }
  await (await nft.connect(seller).setApprovalForAll(await market.getAddress(), true)).wait();
  gas.list = await gasOf(market.connect(seller).list(forSale[0], parseEther('2')));
  gas.buyNewHolder = await gasOf(market.connect(buyer).buy(forSale[0], { value: parseEther('2') }));
  await (await market.connect(seller).list(forSale[1], parseEther('2'))).wait();
  gas.buyExistingHolder = await gasOf(market.connect(buyer).buy(forSale[1], { value: parseEther('2') }));
  await (await market.connect(seller).list(forSale[2], parseEther('2'))).wait();
  gas.updatePrice = await gasOf(market.connect(seller).updatePrice(forSale[2], parseEther('3')));
  gas.cancel = await gasOf(market.connect(seller).cancel(forSale[2]));

  gas.transfer = await gasOf(nft.connect(seller).transferFrom(seller.address, freshAddress(), forSale[2]));
  return gas;
}

function report(gas) {
  const rows = [
    ['OZ ERC721 _mint, new holder (baseline)', gas.plainMint, gas.plainMint],
    ['OZ ERC721URIStorage mint, 73-char URI (baseline)', gas.uriStorageMint, gas.plainMint],
    ['OZ ERC721 transferFrom, new holder (baseline)', gas.plainTransfer, gas.plainTransfer],
    ['ArtMint721.mint, new holder, provenance + royalty', gas.mint, gas.plainMint, TARGETS.mint],
    ['ArtMint721.redeem (lazy mint + purchase)', gas.redeem, gas.plainMint, TARGETS.redeem],
    ['ArtMarket.buy, royalty + fee, buyer new holder', gas.buyNewHolder, gas.plainMint, TARGETS.secondarySale],
    ['ArtMarket.buy, royalty + fee, buyer holds tokens', gas.buyExistingHolder, gas.plainMint, TARGETS.secondarySale],
    ['ArtMarket.list', gas.list, gas.plainMint],
    ['ArtMarket.updatePrice', gas.updatePrice, gas.plainMint],
    ['ArtMarket.cancel', gas.cancel, gas.plainMint],
    ['ArtMint721.transferFrom, new holder', gas.transfer, gas.plainTransfer],
  ];
  const fmt = (n) => Number(n).toLocaleString('en-US');
  const header = ['operation', 'gasUsed', 'baseline', 'ratio', 'target', 'met'];
  const lines = rows.map(([name, used, base, target]) => [
    name, fmt(used), fmt(base), (Number(used) / Number(base)).toFixed(3),
    target ? fmt(target) : '', target ? (used <= BigInt(target) ? 'yes' : 'NO') : '']);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ');
  console.log(row(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const l of lines) console.log(row(l));
  const missed = rows.filter(([, used, , target]) => target && used > BigInt(target));
  console.log(missed.length === 0 ? '\nAll gas targets met.'
    : `\nTargets missed: ${missed.map(([name]) => name).join('; ')}.`);
  console.log('Ratios are receipt gasUsed over the baseline row measured in this run with the same compiler settings.');
}

const chain = await startAnvil();
try {
  report(await measure(chain.provider));
} finally {
  await chain.stop();
}
