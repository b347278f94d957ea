import type { ReactNode } from 'react';

/**
 * An NHS.UK tag. Colour only supports the words, which are always there, so nobody has to tell
 * statuses apart by colour alone.
 */
export type TagColour = 'white' | 'grey' | 'green' | 'aqua-green' | 'blue' | 'purple' | 'pink' | 'red' | 'orange' | 'yellow';

export interface TagView {
  label: string;
  colour: TagColour;
}

export function Tag({ tag }: { tag: TagView }): ReactNode {
  return <strong className={`nhsuk-tag nhsuk-tag--${tag.colour}`}>{tag.label}</strong>;
}
