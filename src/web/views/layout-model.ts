import type { Request } from 'express';
import type { AuthUser } from '../../auth/auth-user';
import type { Locale } from '../i18n/locale';

export interface NavItem {
  href: string;
  /** catalog key */
  label: string;
  current: boolean;
}

/**
 * What the layout prints around every page (res.locals.frame; `layout` is taken by
 * express-handlebars): never an entity.
 */
export interface LayoutModel {
  lang: Locale;
  csrf: string | null;
  signedIn: boolean;
  userName: string | null;
  nav: NavItem[];
  /** The language switch: the other language and a link that comes back here. */
  otherLang: { code: Locale; href: string };
  providerName: string;
  /** The organization's time zone, for times of day. */
  timezone: string;
  /** A one-shot message from the previous step (post, redirect, get). */
  flash: { key: string; vars?: Record<string, string | number> } | null;
  /** content-hashed asset paths */
  assets: { css: string; quizTimer: string; jobProgress: string };
}

/** `exact`: current on that very page only (a section's home, whose pages have their own entries). */
const NAV: Record<AuthUser['role'], { href: string; label: string; exact?: boolean }[]> = {
  trainee: [
    { href: '/home', label: 'nav.home' },
    { href: '/my-certificates', label: 'nav.certificates' },
    { href: '/profile', label: 'nav.profile' },
  ],
  instructor: [
    { href: '/home', label: 'nav.home' },
    { href: '/teach/approvals', label: 'teach.nav.approvals' },
    { href: '/profile', label: 'nav.profile' },
  ],
  admin: [
    { href: '/admin', label: 'admin.nav.home', exact: true },
    { href: '/admin/users', label: 'admin.nav.users' },
    { href: '/admin/cohorts', label: 'admin.nav.cohorts' },
    { href: '/admin/programs', label: 'admin.nav.programs' },
    { href: '/admin/certificates', label: 'admin.nav.certificates' },
    { href: '/admin/reports', label: 'admin.nav.reports' },
    { href: '/admin/audit', label: 'admin.nav.audit' },
    { href: '/profile', label: 'nav.profile' },
  ],
};

export function layoutModel(req: Request, lang: Locale, csrf: string | null, org: { providerName: string; timezone: string }, assets: LayoutModel['assets']): LayoutModel {
  const user = req.user as AuthUser | undefined;
  const here = req.originalUrl.split('#')[0];
  const signedIn = !!user && !user.mustChangePassword;
  const other: Locale = lang === 'en' ? 'es' : 'en';
  return {
    lang,
    csrf,
    signedIn: !!user,
    userName: user ? user.fullName : null,
    nav: signedIn ? NAV[user.role].map(({ exact, ...n }) => ({ ...n, current: req.path === n.href || (!exact && req.path.startsWith(`${n.href}/`)) })) : [],
    otherLang: { code: other, href: `/language?to=${other}&back=${encodeURIComponent(here)}` },
    providerName: org.providerName,
    timezone: org.timezone,
    flash: req.session?.flash ?? null,
    assets,
  };
}
