import type { ReactNode } from 'react';

/** Placeholder until these pages land: the <Route> elements of this part of the app. */
export function caseworkRoutes(): ReactNode {
  return null;
}
