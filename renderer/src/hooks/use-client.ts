import { useContext } from 'react';
import { ClientContext } from '../client/client-context';
import type { RendererClient } from '../client/renderer-client';

export function useClient(): RendererClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient needs a ClientContext provider');
  return client;
}
