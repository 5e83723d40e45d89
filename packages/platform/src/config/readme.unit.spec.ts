import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { settingNames } from './settings';

// Keeps the README's configuration table true: every setting the platform reads is documented.
describe('README configuration table', () => {
  const readme = readFileSync(join(__dirname, '..', '..', '..', '..', 'README.md'), 'utf8');

  it.each(settingNames)('documents %s', (name) => {
    expect(readme).toMatch(new RegExp(`^\\| \`${name}\` \\|`, 'm'));
  });
});
