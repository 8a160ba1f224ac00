import { PINNED_NODE_MAJOR, runtimeWarning } from './runtime';

describe('runtime check', () => {
  it('is silent on the pinned major', () => {
    expect(runtimeWarning(`v${PINNED_NODE_MAJOR}.3.1`)).toBeNull();
  });

  it('names both versions on any other major', () => {
    expect(runtimeWarning('v20.20.2')).toContain(`Node.js ${PINNED_NODE_MAJOR}`);
    expect(runtimeWarning('v20.20.2')).toContain('v20.20.2');
  });

  it('the suite itself runs on the pinned major', () => {
    expect(runtimeWarning()).toBeNull();
  });
});
