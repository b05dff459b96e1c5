/**
 * What the Fit Lab's refusal notice says for every address parameter fed every hostile value, in both languages:
 * one line per refused parameter, each a filled message (no `{placeholder}` left), shortened, in the page's
 * language. The browser (tests/browser/hostile.test.ts) loads the page with every refusal reason and every value
 * of this list at least once per language; the full parameter × value product is checked here, where it is cheap.
 */
import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../../src/core/settings/fit-lab';
import { refusalMessage } from '../../../src/labs/fit-lab/text';
import { dictionary, LANGS } from '../../../src/i18n';
import { FIT_LAB_URL_PARAMS, HOSTILE_VALUES } from '../../support/hostile-values';

const CJK = /[\u3400-\u9fff]/;

describe.each(LANGS.map((lang) => [lang] as const))('Fit Lab refusal messages (%s)', (lang) => {
  const t = dictionary(lang).fitLab;

  it('every parameter fed every hostile value is refused with one filled, short message in the language', () => {
    let refusedCount = 0;
    for (const param of FIT_LAB_URL_PARAMS) {
      for (const value of HOSTILE_VALUES) {
        const { refused } = parseSettings(new URLSearchParams([[param, value]]));
        // "-1" is a fine constant target expression.
        if (param === 'target' && value === '-1') {
          expect(refused).toEqual([]);
          continue;
        }
        const what = `${param}=${JSON.stringify(value.slice(0, 12))}`;
        expect(
          refused.map((r) => r.param),
          what,
        ).toEqual([param]);
        const message = refusalMessage(t, refused[0]!);
        expect(message.trim(), what).not.toBe('');
        expect(message, `${what}: a placeholder left unfilled`).not.toMatch(/\{\w+\}/);
        expect(message.length, `${what}: a refused value is shown shortened`).toBeLessThan(400);
        if (lang === 'zh-cn') expect(message, `${what}: in Chinese`).toMatch(CJK);
        refusedCount += 1;
      }
    }
    expect(refusedCount).toBe(FIT_LAB_URL_PARAMS.length * HOSTILE_VALUES.length - 1);
  });
});
