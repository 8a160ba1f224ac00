import type { HandoverEntry, HandoverRecord } from './password-handover';
import { HANDOVER_MINUTES } from './password-handover';

/**
 * The handover page: the passwords the first time it is shown, then only who they are for
 * (the handouts can still be printed until the handover ends).
 */
export function toHandoverView(h: { record: HandoverRecord; entries: HandoverEntry[] } | null) {
  if (!h) return { title: 'admin.handover.title', none: true };
  const showPasswords = !h.record.shown;
  return {
    title: 'admin.handover.title',
    none: false,
    about: h.record.about,
    showPasswords,
    count: h.entries.length,
    minutes: HANDOVER_MINUTES,
    people: h.entries.map((e) => ({ name: e.fullName, email: e.email, password: showPasswords ? e.password : null, href: `/admin/users/${e.userId}` })),
    pdfEn: '/admin/handover/handouts.pdf?lang=en',
    pdfEs: '/admin/handover/handouts.pdf?lang=es',
    endAction: '/admin/handover/end',
    back: h.record.back,
  };
}
