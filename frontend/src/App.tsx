import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Header } from './components/Header';
import Home from './pages/Home';
import NotFound from './pages/NotFound';

const Studio = lazy(() => import('./pages/studio/StudioPage'));
const Gallery = lazy(() => import('./pages/gallery/GalleryPage'));
const Explore = lazy(() => import('./pages/explore/ExplorePage'));
const Artwork = lazy(() => import('./pages/artwork/ArtworkPage'));
const Creator = lazy(() => import('./pages/creator/CreatorPage'));
const WalletPage = lazy(() => import('./pages/wallet/WalletPage'));
const Admin = lazy(() => import('./pages/admin/AdminPage'));

export function App() {
  const { t } = useTranslation();
  return (
    <BrowserRouter>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="loading">{t('common.loading')}</p>}>
          <Routes>
            <Route path="/" element={<Home />} />
            <Route path="/studio" element={<Studio />} />
            <Route path="/gallery" element={<Gallery />} />
            <Route path="/explore" element={<Explore />} />
            <Route path="/artworks/:id" element={<Artwork />} />
            <Route path="/creators/:handle" element={<Creator />} />
            <Route path="/wallet" element={<WalletPage />} />
            <Route path="/admin" element={<Admin />} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Suspense>
      </main>
    </BrowserRouter>
  );
}
