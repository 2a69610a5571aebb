import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { ClientContext } from './client/client-context';
import type { RendererClient } from './client/renderer-client';
import { AppRoot } from './components/app/AppRoot';
import { ErrorBoundary } from './components/app/ErrorBoundary';

export function App({ client, queryClient }: { client: RendererClient; queryClient: QueryClient }) {
  return (
    <ErrorBoundary>
      <ClientContext value={client}>
        <QueryClientProvider client={queryClient}>
          <AppRoot />
        </QueryClientProvider>
      </ClientContext>
    </ErrorBoundary>
  );
}
