// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { Wallet as EthersWallet, getAddress, verifyMessage } from 'ethers';
import { checkRecipient } from './recipient';
import { SIWE_STATEMENT, siweMessage } from './siwe';

const challenge = {
  nonce: '0a1b2c3d4e5f60718293a4b5',
  domain: 'localhost:48080',
  uri: 'http://localhost:48080',
  chainId: 31337,
  issuedAt: '2026-12-01T16:40:00.123456Z',
  expiresAt: '2026-12-01T16:50:00.123456Z',
};

describe('siweMessage', () => {
  it('lays out the fields the server parses, with the EIP-55 address, and a personal_sign of it recovers the signer', async () => {
    const key = EthersWallet.createRandom();
    const message = siweMessage(challenge, key.address.toLowerCase(), SIWE_STATEMENT);
    const lines = message.split('\n');
    expect(lines[0]).toBe('localhost:48080 wants you to sign in with your Ethereum account:');
    expect(lines[1]).toBe(key.address);
    expect(lines).toContain('URI: http://localhost:48080');
    expect(lines).toContain('Version: 1');
    expect(lines).toContain('Chain ID: 31337');
    expect(lines).toContain('Nonce: 0a1b2c3d4e5f60718293a4b5');
    expect(lines).toContain('Issued At: 2026-12-01T16:40:00.123456Z');
    expect(lines).toContain('Expiration Time: 2026-12-01T16:50:00.123456Z');
    expect(SIWE_STATEMENT).not.toContain(': ');
    expect(verifyMessage(message, await key.signMessage(message))).toBe(key.address);
  });
});

describe('checkRecipient', () => {
  const own = '0x' + '11'.repeat(20);
  const checksummed = getAddress('0x52908400098527886e0f7030069857d2e4169ee7');

  it('accepts a checksummed or single-case address and answers its checksum form', () => {
    expect(checkRecipient(checksummed, own, [])).toEqual({ ok: true, address: checksummed, linked: false });
    expect(checkRecipient(` ${checksummed.toLowerCase()} `, own, [checksummed.toLowerCase()])).toEqual({
      ok: true,
      address: checksummed,
      linked: true,
    });
  });

  it('refuses a mixed-case address whose checksum is wrong', () => {
    // EIP-55's own example with one letter's case flipped
    const broken = '0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
    expect(checkRecipient('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', own, []).ok).toBe(true);
    expect(checkRecipient(broken, own, [])).toEqual({ ok: false, reason: 'checksum' });
  });

  it('refuses empty, malformed, zero and own addresses', () => {
    expect(checkRecipient('', own, [])).toEqual({ ok: false, reason: 'empty' });
    expect(checkRecipient('0x1234', own, [])).toEqual({ ok: false, reason: 'format' });
    expect(checkRecipient('0x' + '00'.repeat(20), own, [])).toEqual({ ok: false, reason: 'zero' });
    expect(checkRecipient(own.toUpperCase().replace('0X', '0x'), own, [])).toEqual({ ok: false, reason: 'self' });
  });
});
