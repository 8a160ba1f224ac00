import { IDLE_MS, noteActivity, onIdle } from './idle-release';

describe('idle release', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs the releases once the app has been quiet for IDLE_MS, and again after the next burst', () => {
    const release = jest.fn();
    onIdle(release);
    noteActivity();
    jest.advanceTimersByTime(IDLE_MS / 2);
    noteActivity(); // still busy: the quiet time starts over
    jest.advanceTimersByTime(IDLE_MS - 1);
    expect(release).not.toHaveBeenCalled();
    jest.advanceTimersByTime(IDLE_MS / 2 + 1);
    expect(release).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(IDLE_MS * 3); // quiet, nothing new to give back
    expect(release).toHaveBeenCalledTimes(1);
    noteActivity();
    jest.advanceTimersByTime(IDLE_MS);
    expect(release).toHaveBeenCalledTimes(2);
  });
});
