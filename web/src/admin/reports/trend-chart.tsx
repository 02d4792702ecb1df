// The daily trend as a hand-drawn SVG bar chart (no chart library: a few rects and labels keep the bundle
// small): one bar per day of the range, the figure chosen above it, a tooltip per bar.
import type { DayFigures } from './report-types';

export interface TrendMetric {
  key: string;
  label: string;
  value(day: DayFigures): number | null;
  format(value: number): string;
  /** Counts: grid lines at whole numbers only. */
  integer?: boolean;
}

const W = 720;
const H = 220;
const PAD = { left: 48, right: 8, top: 12, bottom: 28 };

/** A round top for the axis: 1, 2 or 5 times a power of ten at or above `max`. */
function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  return ([1, 2, 5, 10].find((m) => m * power >= max) ?? 10) * power;
}

export function TrendChart({ days, metric }: { days: readonly DayFigures[]; metric: TrendMetric }) {
  const values = days.map((d) => metric.value(d));
  const top = niceMax(Math.max(0, ...values.map((v) => v ?? 0)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, days.length);
  const barW = Math.max(1, Math.min(40, slot * 0.7));
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  // At most ~12 date labels, whatever the range.
  const labelEvery = Math.max(1, Math.ceil(days.length / 12));
  return (
    <svg
      className="report-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={metric.label}
      data-testid="trend-chart"
      data-days={days.length}
    >
      {[0, 0.5, 1]
        .filter((f) => !metric.integer || Number.isInteger(top * f))
        .map((f) => (
          <g key={f}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(top * f)} y2={y(top * f)} className="grid" />
            <text x={PAD.left - 6} y={y(top * f) + 4} textAnchor="end" className="axis">
              {metric.format(top * f)}
            </text>
          </g>
        ))}
      {days.map((d, i) => {
        const v = values[i] ?? null;
        const x = PAD.left + i * slot + (slot - barW) / 2;
        return (
          <g key={d.date}>
            {v !== null && (
              <rect
                x={x}
                y={y(v)}
                width={barW}
                height={Math.max(0, PAD.top + plotH - y(v))}
                data-date={d.date}
                data-value={v}
                className="bar"
              >
                <title>{`${d.date}: ${metric.format(v)}`}</title>
              </rect>
            )}
            {i % labelEvery === 0 && (
              <text x={x + barW / 2} y={H - 8} textAnchor="middle" className="axis">
                {d.date.slice(5)}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
