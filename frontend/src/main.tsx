import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import './i18n';
import './styles.css';
import { App } from './App';
import { api } from './api/client';
import type { ClientConfig } from './api/types';
import { auth } from './auth/auth';
import { ApiProblem } from './api/problem';
import { prefetchExplore } from './pages/explore/useListings';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (failures, error) => !(error instanceof ApiProblem && error.status >= 400 && error.status < 500) && failures < 2,
      refetchOnWindowFocus: false,
    },
  },
});

async function start() {
  prefetchExplore(queryClient);
  const config = await api<ClientConfig>('/api/config', { anonymous: true });
  await auth.init(config);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
}

void start();
