import { QueryClient } from '@tanstack/react-query';
import { shouldRetry } from './retry-policy';

/**
 * Data that lives in main is pushed fresh by events, so most queries never go stale on their own;
 * backup lists (remote state) override staleTime to pick up changes made outside this app.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: Infinity, retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
