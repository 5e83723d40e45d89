import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { settingNames } from './settings';

// Keeps the configuration table (docs/configuration.md) true: every setting the platform reads is documented.
describe('the configuration table (docs/configuration.md)', () => {
  const readme = readFileSync(
    join(__dirname, '..', '..', '..', '..', 'docs', 'configuration.md'),
    'utf8',
  );

  it.each(settingNames)('documents %s', (name) => {
    expect(readme).toMatch(new RegExp(`^\\| \`${name}\` \\|`, 'm'));
  });
});
