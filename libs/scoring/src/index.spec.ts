import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as scoring from './index';

describe('@scorecard/scoring public API', () => {
  it.each([
    'checkAmount',
    'parseAmount',
    'formatAmount',
    'amountToNumber',
    'InvalidAmountError',
    'Ratio',
    'computeRate',
    'formatPercent',
    'scoreIndicator',
    'computeComposite',
    'GRADE_BANDS',
    'gradeFor',
    'rankAgencies',
    'rankChange',
    'rollUpCounts',
    'descendantsOf',
    'buildAgencyTree',
    'AgencyTreeError',
    'evaluateAgency',
    'DEFAULT_STAR_WEIGHTS',
    'peerScore',
    'starTotal',
    'pickStar',
    'evaluateStarRound',
    'findCooldownConflict',
    'DEFAULT_STAR_COOLDOWN_MONTHS',
    'rankImprovements',
    'bandScore',
    'parseWindow',
    'previousWindow',
    'evaluateWindow',
  ])('exports %s', (name) => {
    expect(scoring).toHaveProperty(name);
  });

  it('imports no framework or package: only its own files', () => {
    const folder = join(__dirname, 'lib');
    const sources = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'),
    );
    expect(sources.length).toBeGreaterThan(10);
    for (const file of sources) {
      const text = readFileSync(join(folder, file), 'utf8');
      const specifiers = [...text.matchAll(/from '([^']+)'/g)].map(([, specifier]) => specifier);
      for (const specifier of specifiers) {
        expect(`${file}: ${specifier}`).toMatch(/: \.\.?\//);
      }
    }
  });
});
