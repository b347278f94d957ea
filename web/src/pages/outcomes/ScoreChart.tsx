import type { ReactNode } from 'react';
import { timepointLabel } from '../../../../src/contracts/outcomes.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { formatDate } from '../referrals/labels.js';
import { axisRange, bandZones, FRAME, gutterFor, thresholdZone, ticks, xPositions, yOf, type Range, type Zone } from './chart-scale.js';
import { changeBaseline, chartSummary, decimalsFor, formatScore, type SeriesLine } from './labels.js';
import './outcomes.css';

/**
 * One line of scores over time as an SVG chart, with the bands shaded behind it (or, for a
 * measure without bands, the zone within the meaningful-change threshold of the baseline), and
 * the same points in a table under it. The chart is one image to assistive technology, with a
 * summary as its name; the table carries every value, so nothing is only in the picture. Every
 * shaded zone is named in words, in a gutter right of the plot where no point can cover it.
 */
interface Props {
  /** What the line measures, for the summary and the table: "SWEMWBS metric score", "Anxiety". */
  title: string;
  line: SeriesLine;
  /** The scores the line can take, from the measure's definition; null fits the data. */
  defined: Range | null;
}

const BAND_FILLS = ['#e8edee', '#d8dde0'];
const THRESHOLD_FILL = '#fff9c4';

interface Shaded {
  zone: Zone;
  /** The name written on the chart (short); the key under the chart says it in full. */
  name: string;
  fill: string;
  dashed: boolean;
}

function ZoneShape({ shaded, right }: { shaded: Shaded; right: number }): ReactNode {
  const { zone, name, fill, dashed } = shaded;
  return (
    <g>
      <rect
        x={FRAME.left}
        y={zone.y}
        width={right - FRAME.left}
        height={zone.height}
        fill={fill}
        stroke={dashed ? '#768692' : 'none'}
        strokeDasharray={dashed ? '4 3' : undefined}
      />
      {/* Only where there is room for a line of text; the key names every zone anyway. */}
      {zone.height >= 16 && (
        <text className="lw-chart__zone-label" x={right - 6} y={zone.y + zone.height / 2} textAnchor="end" dominantBaseline="middle">
          {name}
        </text>
      )}
    </g>
  );
}

export function ScoreChart({ title, line, defined }: Props): ReactNode {
  const { points, change } = line;
  const values = points.map((p) => p.value);
  const range = axisRange(defined, values, line.bands);
  const decimals = decimalsFor(values);
  // The zone sits around the baseline the server measured from; with no change worked out, there is no zone.
  const baseline = changeBaseline(line);
  const threshold = change?.threshold ?? null;
  const shaded: Shaded[] = bandZones(line.bands, range).map((zone, i) => ({ zone, name: zone.label, fill: BAND_FILLS[i % 2] ?? '#e8edee', dashed: false }));
  const thresholdText = threshold === null ? '' : formatScore(threshold, decimalsFor([threshold]));
  const noChange =
    line.bands.length === 0 && baseline !== null && threshold !== null
      ? thresholdZone(baseline.value, threshold, range, `Within ${thresholdText} of the baseline`)
      : null;
  if (noChange !== null) shaded.push({ zone: noChange, name: `±${thresholdText}`, fill: THRESHOLD_FILL, dashed: true });
  const right = FRAME.width - FRAME.right;
  const gutter = gutterFor(shaded.map((s) => s.name));
  const plotRight = right - gutter;
  const xs = xPositions(
    points.map((p) => p.at),
    FRAME,
    gutter,
  );
  const plotBottom = FRAME.height - FRAME.bottom;
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${(xs[i] ?? 0).toFixed(1)},${yOf(p.value, range).toFixed(1)}`).join(' ');
  const first = points[0];
  const last = points.at(-1);
  const summary = `${chartSummary(title, line, formatDate)}${noChange === null ? '' : ` The shaded zone is ${noChange.label.toLowerCase()}: a change inside it is not a meaningful change.`}`;

  return (
    <>
      <figure className="lw-chart">
        <svg className="lw-chart__svg" viewBox={`0 0 ${FRAME.width} ${FRAME.height}`} role="img" aria-label={summary} focusable="false">
          {shaded.map((s) => (
            <ZoneShape key={s.name} shaded={s} right={right} />
          ))}
          {ticks(range).map((tick) => (
            <g key={tick}>
              <line x1={FRAME.left} x2={plotRight} y1={yOf(tick, range)} y2={yOf(tick, range)} stroke="#aeb7bd" strokeWidth={0.5} />
              <text className="lw-chart__text" x={FRAME.left - 6} y={yOf(tick, range)} textAnchor="end" dominantBaseline="middle">
                {tick}
              </text>
            </g>
          ))}
          <line x1={FRAME.left} x2={right} y1={plotBottom} y2={plotBottom} stroke="#4c6272" />
          <line x1={FRAME.left} x2={FRAME.left} y1={FRAME.top} y2={plotBottom} stroke="#4c6272" />
          {first !== undefined && (
            <text className="lw-chart__text" x={FRAME.left} y={plotBottom + 24} textAnchor="start">
              {formatDate(first.at)}
            </text>
          )}
          {last !== undefined && points.length > 1 && (
            <text className="lw-chart__text" x={plotRight} y={plotBottom + 24} textAnchor="end">
              {formatDate(last.at)}
            </text>
          )}
          {points.length > 1 && <path d={path} fill="none" stroke="#005eb8" strokeWidth={2.5} />}
          {points.map((p, i) => {
            const x = xs[i] ?? 0;
            const y = yOf(p.value, range);
            // A value near the top is written under its point, so it stays inside the chart.
            const labelY = y - FRAME.top < 20 ? y + 22 : y - 10;
            return (
              <g key={p.responseId}>
                <circle cx={x} cy={y} r={5} fill="#005eb8" stroke="#ffffff" strokeWidth={2}>
                  <title>{`${timepointLabel(p.timepoint)}, ${formatDate(p.at)}: ${formatScore(p.value, decimals)}${p.band === null ? '' : ` (${p.band})`}`}</title>
                </circle>
                <text className="lw-chart__value" x={x} y={labelY} textAnchor="middle">
                  {formatScore(p.value, decimals)}
                </text>
              </g>
            );
          })}
        </svg>
        {shaded.length > 0 && (
          <figcaption className="nhsuk-body-s lw-chart__key">
            {line.bands.length > 0 && <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">Shaded bands: {line.bands.map((b) => `${b.label} ${b.min} to ${b.max}`).join(', ')}.</p>}
            {noChange !== null && (
              <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                <span className="lw-chart__swatch" style={{ background: THRESHOLD_FILL }} aria-hidden="true" />
                Shaded (±{thresholdText}): {noChange.label.toLowerCase()}. A change inside this is not a meaningful change.
              </p>
            )}
          </figcaption>
        )}
      </figure>
      <ResponsiveTable
        caption={<span className="nhsuk-u-visually-hidden">{title}: every score</span>}
        headers={line.bands.length > 0 ? ['Date', 'Timepoint', 'Score', 'Band'] : ['Date', 'Timepoint', 'Score']}
        rowHeader={false}
        rows={points.map((p) => ({
          key: p.responseId,
          cells: [formatDate(p.at), timepointLabel(p.timepoint), formatScore(p.value, decimals), ...(line.bands.length > 0 ? [p.band ?? 'Outside the bands'] : [])],
        }))}
      />
    </>
  );
}
