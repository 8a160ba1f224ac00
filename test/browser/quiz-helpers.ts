import type { Page } from 'playwright-core';
import type { TestApp } from '../support/test-app';

/** What the keyboard helper reads of the focused element (no DOM types in a Node project). */
interface Focused { tagName: string; type: string; name: string; value: string; checked: boolean }

/** The options shown on an attempt page, by question, with which are right (from the database: the page never says). */
export async function keyForPage(t: TestApp, page: Page): Promise<Map<string, { right: string[]; wrong: string[] }>> {
  const names = await page.locator('input[name^="a_"]').evaluateAll((els) => [...new Set(els.map((e) => (e as unknown as { name: string }).name))]);
  const ids = names.map((n) => n.slice(2));
  const rows: { id: string; options: { id: string; correct: boolean }[] }[] = await t.db.query('SELECT id, options FROM questions WHERE id = ANY($1)', [ids]);
  return new Map(rows.map((r) => [r.id, { right: r.options.filter((o) => o.correct).map((o) => o.id), wrong: r.options.filter((o) => !o.correct).map((o) => o.id) }]));
}

/** Ticks the given options by clicking their labels. */
export async function choose(page: Page, picks: Map<string, string[]>): Promise<void> {
  for (const [qid, options] of picks) {
    for (const o of options) {
      const id = await page.locator(`input[name="a_${qid}"][value="${o}"]`).getAttribute('id');
      await page.locator(`label[for="${id}"]`).click();
    }
  }
}

/**
 * Answers with the keyboard alone: Tab from field to field, arrow keys inside a radio
 * group (which also select), Space on a checkbox. Ends on the submit button.
 */
export async function answerWithKeyboard(page: Page, picks: Map<string, string[]>): Promise<void> {
  await page.locator('h1').click(); // start from the top of the page, no field focused
  for (let guard = 0; guard < 400; guard++) {
    await page.keyboard.press('Tab');
    // runs in the page: the focused element's kind, name, value and state
    const el = await page.evaluate(() => {
      const a = (globalThis as unknown as { document: { activeElement: Focused | null } }).document.activeElement;
      return a ? { tag: a.tagName, type: a.type, name: a.name, value: a.value, checked: a.checked } : null;
    });
    if (!el) continue;
    if (el.tag === 'BUTTON' && el.type === 'submit') return;
    if (el.tag !== 'INPUT' || !el.name.startsWith('a_')) continue;
    const wanted = picks.get(el.name.slice(2)) ?? [];
    if (el.type === 'checkbox') {
      if (wanted.includes(el.value) !== el.checked) await page.keyboard.press('Space');
    } else if (el.type === 'radio' && wanted.length) {
      for (let i = 0; i < 8; i++) {
        const now = await page.evaluate(() => (globalThis as unknown as { document: { activeElement: Focused } }).document.activeElement.value);
        if (now === wanted[0]) {
          await page.keyboard.press('Space');
          break;
        }
        await page.keyboard.press('ArrowDown');
      }
    }
  }
  throw new Error('never reached the submit button with Tab');
}
