import { cookieValue, fromAcceptLanguage, resolveLocale } from './locale';

describe('page language', () => {
  it('takes the best supported language from Accept-Language, by quality then order', () => {
    expect(fromAcceptLanguage('es-MX,es;q=0.9,en;q=0.8')).toBe('es');
    expect(fromAcceptLanguage('fr-FR,fr;q=0.9,en;q=0.5,es;q=0.4')).toBe('en');
    expect(fromAcceptLanguage('en;q=0.2, es;q=0.7')).toBe('es');
    expect(fromAcceptLanguage('de, fr')).toBeNull();
    expect(fromAcceptLanguage('es;q=0, en')).toBe('en');
    expect(fromAcceptLanguage(undefined)).toBeNull();
  });

  it('prefers the saved choice, then the cookie, then the browser', () => {
    expect(resolveLocale({ saved: 'es', cookie: 'en', acceptLanguage: 'en' })).toBe('es');
    expect(resolveLocale({ saved: null, cookie: 'es', acceptLanguage: 'en' })).toBe('es');
    expect(resolveLocale({ cookie: 'xx', acceptLanguage: 'es-US' })).toBe('es');
    expect(resolveLocale({})).toBe('en');
  });

  it('reads one cookie out of a header', () => {
    expect(cookieValue('a=1; lang=es; b=2', 'lang')).toBe('es');
    expect(cookieValue('language=es', 'lang')).toBeUndefined();
    expect(cookieValue(undefined, 'lang')).toBeUndefined();
  });
});
