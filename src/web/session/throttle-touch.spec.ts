import type session from 'express-session';
import { throttleTouch } from './throttle-touch';

function fakeStore() {
  const touched: string[] = [];
  const destroyed: string[] = [];
  const store = {
    touch: (sid: string, _s: unknown, done?: () => void) => { touched.push(sid); done?.(); },
    destroy: (sid: string, done?: () => void) => { destroyed.push(sid); done?.(); },
  } as unknown as session.Store;
  return { store, touched, destroyed };
}

const sess = {} as session.SessionData;

describe('throttleTouch', () => {
  it('touches a session once per interval, and each session apart', () => {
    let t = 1_000;
    const { store, touched } = fakeStore();
    throttleTouch(store, 60_000, () => t);
    const done = jest.fn();
    store.touch!('a', sess, done);
    store.touch!('a', sess, done);
    store.touch!('b', sess, done);
    t += 59_999;
    store.touch!('a', sess, done);
    expect(touched).toEqual(['a', 'b']);
    t += 1;
    store.touch!('a', sess, done);
    expect(touched).toEqual(['a', 'b', 'a']);
    // every caller is answered, touched or not
    expect(done).toHaveBeenCalledTimes(5);
  });

  it('touches again at once after the session is destroyed (a new session with that id starts afresh)', () => {
    const { store, touched, destroyed } = fakeStore();
    throttleTouch(store, 60_000, () => 5);
    store.touch!('a', sess);
    store.destroy('a');
    store.touch!('a', sess);
    expect(destroyed).toEqual(['a']);
    expect(touched).toEqual(['a', 'a']);
  });
});
