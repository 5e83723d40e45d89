import { Component, type ReactNode } from 'react';
import { ErrorMessage } from './Status';

/**
 * Catches a page that fails while rendering (say, a JSON field of an unexpected shape) and says
 * so, instead of leaving a blank screen; the menu stays usable. Keyed by the address, so moving
 * to another page starts afresh.
 */
export class ErrorBoundary extends Component<
  { readonly children: ReactNode },
  { readonly error: Error | null }
> {
  override state: { readonly error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    return this.state.error ? <ErrorMessage error={this.state.error} /> : this.props.children;
  }
}
