import { createContext } from 'react';
import type { RendererClient } from './renderer-client';

/** The one client the app talks to; provided once in main.tsx. */
export const ClientContext = createContext<RendererClient | null>(null);
