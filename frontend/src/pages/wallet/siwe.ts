import { getAddress } from 'ethers';
import type { SiweChallenge } from './api';

/**
 * The EIP-4361 message that links `address` to the account, exactly as the server parses it: the domain's
 * preamble, the EIP-55 address, a statement, then the URI, version 1, chain, nonce and times from the challenge.
 */
export function siweMessage(challenge: SiweChallenge, address: string, statement: string): string {
  return [
    `${challenge.domain} wants you to sign in with your Ethereum account:`,
    getAddress(address),
    '',
    statement,
    '',
    `URI: ${challenge.uri}`,
    'Version: 1',
    `Chain ID: ${challenge.chainId}`,
    `Nonce: ${challenge.nonce}`,
    `Issued At: ${challenge.issuedAt}`,
    `Expiration Time: ${challenge.expiresAt}`,
  ].join('\n');
}

/** The statement must stay one line without ": ", or the server would read it as a field. */
export const SIWE_STATEMENT = 'Link this address to my ArtMint account.';
