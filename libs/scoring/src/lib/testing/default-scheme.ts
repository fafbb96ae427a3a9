import type { SchemeIndicator } from '../evaluate';
import { Ratio } from '../ratio';

const fraction = (text: string): Ratio => Ratio.fromDecimal(text);

/** The default indicator scheme of DESIGN.md, as test data. */
export const DEFAULT_SCHEME: readonly SchemeIndicator[] = [
  { code: 'enrollment_expansion', weight: 20, target: fraction('1'), floor: fraction('0.6') },
  { code: 'collection', weight: 20, target: fraction('0.98'), floor: fraction('0.8') },
  { code: 'annual_inspection', weight: 10, target: fraction('1'), floor: fraction('0.7') },
  { code: 'first_inquiry', weight: 10, target: fraction('1'), floor: fraction('0.8') },
  { code: 'ab_post', weight: 10, target: fraction('1'), floor: fraction('0.8') },
  { code: 'online_reply', weight: 10, target: fraction('0.95'), floor: fraction('0.7') },
  { code: 'satisfaction', weight: 20, target: fraction('0.9'), floor: fraction('0.6') },
];
