import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_NODE_FLAGS } from './node-flags';

describe('API_NODE_FLAGS', () => {
  it('are the flags the image starts the API with (npm run serve:api)', () => {
    const manifest = JSON.parse(
      readFileSync(join(__dirname, '../../../../../package.json'), 'utf8'),
    ) as {
      scripts: Record<string, string>;
    };
    expect(manifest.scripts['serve:api']).toBe(
      `node ${API_NODE_FLAGS.join(' ')} dist/apps/api/apps/api/src/main.js`,
    );
  });

  it('give the API a young generation larger than V8 sizes by default (16 MiB semi-spaces)', () => {
    const semiSpace = API_NODE_FLAGS.map(
      (flag) => /^--max-semi-space-size=(\d+)$/.exec(flag)?.[1],
    ).find(Boolean);
    expect(Number(semiSpace)).toBeGreaterThan(16);
  });
});
