import { Link } from 'react-router';

/** An address as a person reads it: the ArtMint user's handle (a link) when one holds it, else its short form. */
export function AddressLabel({ address, handle }: { address: string | null; handle: string | null }) {
  if (handle) return <Link to={`/creators/${encodeURIComponent(handle)}`}>@{handle}</Link>;
  if (!address) return null;
  return (
    <code title={address}>
      {address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address}
    </code>
  );
}
