/**
 * Traffic light of a rate against its band: `met` at or above the target, `below` between the
 * floor and the target, `failing` at or below the floor, `na` when not applicable. Each light has
 * a symbol as well as a colour, so it reads without colour vision.
 */
export type TrafficLight = 'met' | 'below' | 'failing' | 'na';

export function trafficLight(
  rate: number | null | undefined,
  target: number,
  floor: number,
): TrafficLight {
  if (rate == null || !Number.isFinite(rate)) return 'na';
  if (rate >= target) return 'met';
  if (rate <= floor) return 'failing';
  return 'below';
}

export const TRAFFIC_LIGHT_STYLE: Readonly<
  Record<TrafficLight, { symbol: string; color: string; background: string }>
> = {
  met: { symbol: '●', color: '#005A8C', background: '#E3F1FB' },
  below: { symbol: '▲', color: '#8A5A00', background: '#FFF4DC' },
  failing: { symbol: '✕', color: '#A33A00', background: '#FCE6DA' },
  na: { symbol: '', color: '#606266', background: 'transparent' },
};
