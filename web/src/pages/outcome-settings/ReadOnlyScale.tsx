import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { MeasureDefinition } from '../../../../src/contracts/outcomes.js';
import { InsetText } from '../../components/Callouts.js';
import { PageHeading } from '../../components/PageHeading.js';
import { SummaryList, type SummaryRow } from '../../components/SummaryList.js';
import { listInWords } from './editable.js';

/**
 * A scale set up through the API with more than this page can write: shown, not edited, because
 * saving it through the form would quietly rewrite its questions or its scoring.
 */
export function ReadOnlyScale({ definition, reasons }: { definition: MeasureDefinition; reasons: readonly string[] }): ReactNode {
  const rows: SummaryRow[] = [
    { key: 'Short name', value: definition.shortName },
    { key: 'Key', value: <code>{definition.key}</code> },
    { key: 'What it measures', value: definition.description },
    { key: 'Version', value: String(definition.version) },
  ];
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link className="nhsuk-back-link" to="/admin/outcome-settings">
          Back<span className="nhsuk-u-visually-hidden"> to outcome settings</span>
        </Link>
        <PageHeading>{definition.name}</PageHeading>
        <InsetText>
          <p>
            This scale was set up through the API with features this page cannot edit: {listInWords(reasons)}. Saving it here would change how it is
            answered or scored, so it is shown without a form.
          </p>
          <p>
            To change it, send the whole scale to the API (<code>PUT /api/outcomes/measures/{definition.key}</code>), or ask whoever set it up. You can still
            switch it on or off and add it to the schedule on the outcome settings page.
          </p>
        </InsetText>
        <SummaryList rows={rows} />
        <h2 className="nhsuk-heading-m">Questions</h2>
        <ol className="nhsuk-list nhsuk-list--number">
          {definition.items.map((item) => (
            <li key={item.key}>{item.text}</li>
          ))}
        </ol>
        <p className="nhsuk-body">
          <Link to="/admin/outcome-settings">Go back to outcome settings</Link>
        </p>
      </div>
    </div>
  );
}
