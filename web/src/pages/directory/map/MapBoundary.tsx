import { Component, type ReactNode } from 'react';

/**
 * The map is an extra: if Leaflet fails (an old browser, a chunk that did not load), the page
 * says so in one line and the list, which has every result, carries on.
 */
interface State {
  failed: boolean;
}

export class MapBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override render(): ReactNode {
    if (this.state.failed) return <p className="nhsuk-body">The map could not be shown. The list below has every result.</p>;
    return this.props.children;
  }
}
