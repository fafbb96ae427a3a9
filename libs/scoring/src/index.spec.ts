import { SCORING_VERSION } from './index';
test('x', () => expect(SCORING_VERSION).toBe(1));
