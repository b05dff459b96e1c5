/**
 * The hostile values every address parameter and demo input is fed, shared by the unit test of the Fit Lab's
 * refusal messages (tests/unit/labs/fit-lab-refusals.test.ts) and the browser's (tests/browser/hostile.test.ts).
 */
import { RANGES } from '../../src/core/settings/fit-lab';

/** A 10,000-character value: longer than any field accepts, and than a refusal may show. */
export const LONG_VALUE = 'x'.repeat(10_000);

export const HOSTILE_VALUES = ['', 'NaN', '-1', '1e309', '0x10', LONG_VALUE, '<script>alert(1)</script>', '١٢٣', '🙂'];

/** Values no numeric field or expression may accept. */
export const NEVER_VALID = new Set(['NaN', '1e309', LONG_VALUE, '<script>alert(1)</script>', '🙂']);

/** Every parameter the Fit Lab reads from the address bar. */
export const FIT_LAB_URL_PARAMS = [...Object.keys(RANGES), 'activation', 'target', 'speed', 'alpha', 'beta'];
