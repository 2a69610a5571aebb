import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button } from '../ui/Button';
import { ErrorMessage } from '../ui/ErrorMessage';

interface State {
  error: unknown;
}

/** Last line of defence: a render bug shows message + reload, not a white window. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('[renderer] render failed', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div data-testid="app-root" data-app-state="error" className="flex h-full items-center justify-center p-6">
        <div className="w-full max-w-lg space-y-4">
          <h1 className="text-lg font-semibold">The window hit a problem</h1>
          <ErrorMessage error={this.state.error} />
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Jobs keep running in the background: reloading the window does not stop them.
          </p>
          <Button variant="primary" onClick={() => window.location.reload()}>
            Reload window
          </Button>
        </div>
      </div>
    );
  }
}
