import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createClient } from './client/create-client';
import type { RendererClient } from './client/renderer-client';
import { StartupError } from './components/app/StartupError';
import { createQueryClient } from './queries/query-client';
import './styles.css';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');

let client: RendererClient | undefined;
let startupError: unknown;
try {
  client = createClient();
} catch (error) {
  startupError = error;
}

createRoot(rootElement).render(
  <StrictMode>{client ? <App client={client} queryClient={createQueryClient()} /> : <StartupError error={startupError} />}</StrictMode>,
);
