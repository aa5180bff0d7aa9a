import { RequireRole } from '../../components/RequireRole';

export default function StudioPage() {
  return <RequireRole role="creator">{null}</RequireRole>;
}
