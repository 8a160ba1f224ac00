import { curriculaUnchanged } from './curricula-unchanged';

const A = { contentHash: 'a', strays: [] };
const B = { contentHash: 'b', strays: [] };
const C = { contentHash: 'c', strays: [] };
const current = [{ contentHash: 'a', template: 'peer-core' }, { contentHash: 'b', template: null }];

describe('curriculaUnchanged', () => {
  it('is true when each folder is exactly one current version', () => {
    expect(curriculaUnchanged([B, A], current)).toBe(true);
  });

  it('is false when a folder changed, was added or was removed', () => {
    expect(curriculaUnchanged([A, C], current)).toBe(false);
    expect(curriculaUnchanged([A, B, C], current)).toBe(false);
    expect(curriculaUnchanged([A], current)).toBe(false);
  });

  it('is false when a modules folder holds a file that is not a module (the parser refuses it)', () => {
    expect(curriculaUnchanged([A, { contentHash: 'b', strays: ['peer-core/modules/notes.txt'] }], current)).toBe(false);
  });

  it('is false for two identical folders, and when nothing is loaded yet', () => {
    expect(curriculaUnchanged([A, A], [current[0]])).toBe(false);
    expect(curriculaUnchanged([A], [])).toBe(false);
    expect(curriculaUnchanged([], [])).toBe(false);
  });
});
