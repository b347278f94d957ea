import type { ReactNode } from 'react';
import type { ShareField } from '../../../../src/contracts/casework-codes.js';
import type { SharedDetails } from '../../../../src/contracts/onward.js';
import { Lines, SummaryList } from '../../components/SummaryList.js';
import { sharedRows } from './labels.js';

/** Exactly the details a group is (or was) sent, each under the name of its share field. */
export function SharedDetailsList({ fields, shared }: { fields: readonly ShareField[]; shared: SharedDetails }): ReactNode {
  const rows = sharedRows(fields, shared).map((row) => ({ key: row.key, value: <Lines lines={row.lines} empty="Nothing recorded" /> }));
  return <SummaryList rows={rows} />;
}
