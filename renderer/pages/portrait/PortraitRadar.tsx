// Radar of a portrait's dimension indices (0–100 axis, Chinese dimension names, each value printed at its point).
import { PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, Tooltip } from 'recharts';
import type { PortraitResult } from '../../../shared/portrait/types';

export interface PortraitRadarProps {
  readonly result: PortraitResult;
  readonly width?: number;
  readonly height?: number;
  /** Name of the series in the tooltip. */
  readonly seriesName?: string;
  /** Printed copies have no hover, so no tooltip. */
  readonly tooltip?: boolean;
}

export function PortraitRadar({
  result,
  width = 440,
  height = 360,
  seriesName = '维度指数',
  tooltip = true,
}: PortraitRadarProps) {
  const data = result.dimensions.map((d) => ({ name: d.name, index: d.index }));
  return (
    <div
      data-testid="portrait-radar"
      aria-label={`政治画像雷达图：${data.map((d) => `${d.name} ${d.index}`).join('，')}`}
    >
      <RadarChart
        width={width}
        height={height}
        data={data}
        outerRadius="68%"
        margin={{ top: 16, right: 40, bottom: 16, left: 40 }}
      >
        <PolarGrid />
        <PolarAngleAxis dataKey="name" tick={{ fontSize: 13, fill: '#262626' }} />
        <PolarRadiusAxis
          angle={54}
          domain={[0, 100]}
          tickCount={6}
          tick={{ fontSize: 11, fill: '#8c8c8c' }}
          axisLine={false}
        />
        <Radar
          name={seriesName}
          dataKey="index"
          stroke="#c41d1d"
          fill="#c41d1d"
          fillOpacity={0.25}
          isAnimationActive={false}
          dot={{ r: 3 }}
          label={{ position: 'top', fontSize: 12, fill: '#a8071a' }}
        />
        {tooltip ? <Tooltip formatter={(v) => [String(v), seriesName]} /> : null}
      </RadarChart>
    </div>
  );
}
