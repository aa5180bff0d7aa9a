import { RequireRole } from '../../components/RequireRole';

export default function GalleryPage() {
  return <RequireRole>{null}</RequireRole>;
}
