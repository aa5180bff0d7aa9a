import { Link } from 'react-router';
import { shortForm } from '../../lib/format';

/** An address as a person reads it: the ArtMint user's handle (a link) when one holds it, else its short form. */
export function AddressLabel({ address, handle }: { address: string | null; handle: string | null }) {
  if (handle) return <Link to={`/creators/${encodeURIComponent(handle)}`}>@{handle}</Link>;
  if (!address) return null;
  return (
    <code title={address}>
      {shortForm(address)}
    </code>
  );
}
