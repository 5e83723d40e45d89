import { streamNames } from './stream-names';

describe('stream names', () => {
  it('prefixes an aggregate id, and recognises only its own kind of stream', () => {
    const projects = streamNames('project:');
    expect(projects.streamIdOf('p-1')).toBe('project:p-1');
    expect(projects.idOf('project:p-1')).toBe('p-1');
    expect(projects.idOf('priority:p-1')).toBeUndefined();
    expect(projects.idOf('project:')).toBe('');
  });
});
