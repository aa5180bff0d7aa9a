import { getAddress } from 'ethers';

const ZERO = '0x0000000000000000000000000000000000000000';

export type RecipientCheck =
  | { ok: true; address: string; linked: boolean }
  | { ok: false; reason: 'empty' | 'format' | 'checksum' | 'zero' | 'self' };

/**
 * Whether `text` is an address a token may go to: 0x and 40 hex digits whose mixed case, if any, is its EIP-55
 * checksum; not the zero address nor the sender's own wallet. Answers the checksummed address and whether it is
 * one of the caller's linked addresses.
 */
export function checkRecipient(text: string, own: string, linked: string[]): RecipientCheck {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  if (!/^0x[0-9a-fA-F]{40}$/.test(trimmed)) return { ok: false, reason: 'format' };
  let address: string;
  try {
    address = getAddress(trimmed);
  } catch {
    return { ok: false, reason: 'checksum' };
  }
  const lower = address.toLowerCase();
  if (lower === ZERO) return { ok: false, reason: 'zero' };
  if (lower === own.toLowerCase()) return { ok: false, reason: 'self' };
  return { ok: true, address, linked: linked.some((candidate) => candidate.toLowerCase() === lower) };
}
