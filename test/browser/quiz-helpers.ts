import type { Page } from 'playwright-core';
import type { TestApp } from '../support/test-app';

/** What the keyboard helper reads of the focused element (no DOM types in a Node project). */
interface Focused { tagName: string; type: string; name: string; value: string; checked: boolean }

/**
 * The options shown on an attempt page, by question, with which are right. The page
 * never says: the test reads the key from the database and matches it by option text
 * (option ids on the page are the attempt's own labels).
 */
export async function keyForPage(t: TestApp, page: Page): Promise<Map<string, { right: string[]; wrong: string[] }>> {
  const shown = await page.locator('input[name^="a_"]').evaluateAll((els) => els.map((e) => {
    const input = e as unknown as { name: string; value: string; id: string; ownerDocument: { querySelector(s: string): { textContent: string } | null } };
    return { question: input.name.slice(2), value: input.value, text: input.ownerDocument.querySelector(`label[for="${input.id}"]`)?.textContent?.trim() ?? '' };
  }));
  const rows: { id: string; options: { text: string; correct: boolean }[] }[] = await t.db.query('SELECT id, options FROM questions WHERE id = ANY($1)', [[...new Set(shown.map((s) => s.question))]]);
  const key = new Map(rows.map((r) => [r.id, new Map(r.options.map((o) => [o.text.trim(), o.correct]))]));
  const out = new Map<string, { right: string[]; wrong: string[] }>();
  for (const s of shown) {
    const entry = out.get(s.question) ?? { right: [], wrong: [] };
    (key.get(s.question)!.get(s.text) ? entry.right : entry.wrong).push(s.value);
    out.set(s.question, entry);
  }
  return out;
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
