import type { ReportCount } from '../graphql/json-fields';

/** Colours with at least 3:1 contrast on white (WCAG 1.4.11), told apart by a white gap too. */
const PALETTE = [
  '#0b4f9c',
  '#a4141a',
  '#00703c',
  '#6f3c91',
  '#b35900',
  '#005a5a',
  '#4a4a4a',
  '#8a2d62',
  '#1d3a6e',
  '#594d00',
  '#7a3a00',
  '#2f6f9f',
];

export interface Series {
  readonly label: string;
  readonly counts: readonly ReportCount[];
}

const ROW = 28;
const LABEL = 110;
const WIDTH = 640;

/**
 * One horizontal stacked bar per date, the categories in a legend, and the same figures in a
 * table beneath: the table is what a screen reader, or anyone wanting the numbers, reads.
 */
export function StackedBars({
  id,
  title,
  series,
}: {
  readonly id: string;
  readonly title: string;
  readonly series: readonly Series[];
}) {
  const categories = [
    ...new Map(
      series.flatMap((row) => row.counts.map((count) => [count.key, count.label] as const)),
    ),
  ];
  const colourOf = new Map(
    categories.map(([key], index) => [key, PALETTE[index % PALETTE.length]!]),
  );
  const largest = Math.max(1, ...series.map((row) => total(row.counts)));
  const scale = (WIDTH - LABEL - 40) / largest;
  const countOf = (row: Series, key: string) =>
    row.counts.find((count) => count.key === key)?.count ?? 0;
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${series.length * ROW + 4}`}
        role="img"
        aria-labelledby={`${id}-caption`}
      >
        {series.map((row, index) => {
          let x = LABEL;
          const y = index * ROW + 2;
          return (
            <g key={row.label}>
              <text x={0} y={y + ROW / 2 + 5} fontSize="13" fill="#1a1a1a">
                {row.label}
              </text>
              {categories.map(([key]) => {
                const width = countOf(row, key) * scale;
                const bar =
                  width > 0 ? (
                    <rect
                      key={key}
                      x={x}
                      y={y + 3}
                      width={width}
                      height={ROW - 6}
                      fill={colourOf.get(key)}
                      stroke="#fff"
                      strokeWidth="2"
                    />
                  ) : null;
                x += width;
                return bar;
              })}
              <text x={x + 6} y={y + ROW / 2 + 5} fontSize="13" fill="#1a1a1a">
                {total(row.counts)}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="legend" aria-hidden="true">
        {categories.map(([key, label]) => (
          <li key={key}>
            <svg width="14" height="14" viewBox="0 0 14 14">
              <rect width="14" height="14" fill={colourOf.get(key)} />
            </svg>{' '}
            {label}
          </li>
        ))}
      </ul>
      {/* Focusable, so keyboard users can scroll a table wider than a phone. */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={`${title}: the figures`}>
        <table id={`${id}-table`}>
          <caption className="visually-hidden">{title}: the figures</caption>
          <thead>
            <tr>
              <th scope="col">As of</th>
              {categories.map(([key, label]) => (
                <th key={key} scope="col">
                  {label}
                </th>
              ))}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {series.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                {categories.map(([key]) => (
                  <td key={key}>{countOf(row, key)}</td>
                ))}
                <td>{total(row.counts)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

const total = (counts: readonly ReportCount[]) =>
  counts.reduce((sum, count) => sum + count.count, 0);
