// Keeps one view's crash inside that view: the shell, the other views and the user's work stay up.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Translation } from 'react-i18next';

interface Props {
  view: string;
  children: ReactNode;
}

export class ViewErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`The ${this.props.view} view failed:`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <Translation ns="app">
        {(t) => (
          <section className="view-placeholder" role="alert">
            <div className="view-placeholder__card">
              <h2>{t('crash.title')}</h2>
              <p>{t('crash.body')}</p>
              <pre className="crash__message">{error.message}</pre>
              <button
                type="button"
                className="button button--primary"
                onClick={() => this.setState({ error: null })}
              >
                {t('crash.retry')}
              </button>
            </div>
          </section>
        )}
      </Translation>
    );
  }
}
