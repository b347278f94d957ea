import { useEffect, useRef, type RefObject } from 'react';

/** Moves focus to an element when it appears, for content that appears in answer to an action. */
export function useFocusOnMount<T extends HTMLElement>(): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
