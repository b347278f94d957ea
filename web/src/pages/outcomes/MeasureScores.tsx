import type { ReactNode } from 'react';
import { timepointLabel, type MeasureResponseDto, type MeasureSeries, type SchemeMeasure } from '../../../../src/contracts/outcomes.js';
import { SummaryList, type SummaryRow } from '../../components/SummaryList.js';
import { formatDate } from '../referrals/labels.js';
import { definedRange } from './chart-scale.js';
import { changeBaseline, changeSentence, decimalsFor, directionText, formatScore, type SeriesLine } from './labels.js';
import { ScoreChart } from './ScoreChart.js';

/**
 * One measure's scores for one person: for each line (one for most measures, one per question
 * for ONS4) the latest score, the baseline, the change since the baseline in words, and the chart
 * with its table. For SWEMWBS the metric score is the one shown and compared; the raw sum is
 * shown beside it, because people recognise it from the paper form.
 */
interface Props {
  series: MeasureSeries;
  measure: SchemeMeasure | undefined;
  responses: readonly MeasureResponseDto[];
  /** Unique per measure on the page. */
  idPrefix: string;
}

function lineRows(line: SeriesLine, measure: SchemeMeasure | undefined, responses: readonly MeasureResponseDto[]): SummaryRow[] {
  const baseline = changeBaseline(line);
  const last = line.points.at(-1);
  if (last === undefined) return [];
  const decimals = decimalsFor(line.points.map((p) => p.value));
  const at = (p: SeriesLine['points'][number]): string => `${timepointLabel(p.timepoint)}, ${formatDate(p.at)}`;
  const banded = (p: SeriesLine['points'][number]): string => (p.band === null ? '' : ` (${p.band})`);
  const scoring = measure?.definition.scoring;
  const converted = scoring?.rule === 'sum-table' ? scoring.convertedLabel : null;
  const rows: SummaryRow[] = [
    { key: converted === null ? 'Latest score' : `Latest ${converted.toLowerCase()}`, value: `${formatScore(last.value, decimals)}${banded(last)} — ${at(last)}` },
  ];
  const raw = responses.find((r) => r.id === last.responseId)?.score?.raw ?? null;
  if (raw !== null) rows.push({ key: 'Latest raw score', value: String(raw) });
  // The baseline the server measured the change from; without a change there is none to name.
  if (baseline !== null) {
    const { value, point } = baseline;
    rows.push({ key: 'Baseline', value: point === undefined ? formatScore(value, decimals) : `${formatScore(value, decimals)}${banded(point)} — ${at(point)}` });
  }
  rows.push({ key: 'Change since the baseline', value: changeSentence(line) });
  return rows;
}

/** "SWEMWBS metric score"; a label that already names the measure ("PAM score (0–100)") stays as it is. */
function lineTitle(shortName: string, label: string): string {
  return label.toLowerCase().startsWith(shortName.toLowerCase()) ? label : `${shortName} ${label.toLowerCase()}`;
}

export function MeasureScores({ series, measure, responses, idPrefix }: Props): ReactNode {
  const several = series.lines.length > 1;
  const scored = series.lines.filter((l) => l.points.length > 0);
  return (
    <section className="nhsuk-u-margin-bottom-7" aria-labelledby={`${idPrefix}-heading`}>
      <h3 className="nhsuk-heading-m" id={`${idPrefix}-heading`}>
        {series.measureName}
      </h3>
      {scored.length === 0 ? (
        <p className="nhsuk-body">No scores yet.</p>
      ) : (
        <>
          {!several && <p className="nhsuk-body">{directionText(series.direction)}</p>}
          {scored.map((line) => {
            const title = several ? line.label : lineTitle(measure?.definition.shortName ?? series.measureName, line.label);
            return (
              <div key={line.key} className="nhsuk-u-margin-bottom-6">
                {several && (
                  <>
                    <h4 className="nhsuk-heading-s">{line.label}</h4>
                    <p className="nhsuk-body">{directionText(line.direction)}</p>
                  </>
                )}
                <SummaryList rows={lineRows(line, measure, responses)} />
                <ScoreChart title={title} line={line} defined={definedRange(measure?.definition, line.key)} />
              </div>
            );
          })}
        </>
      )}
    </section>
  );
}
