/** The Fit Lab's refusal and expression-parser messages. */
import type { Dictionary } from '../../i18n';
import type { ExpressionError } from '../../core/data/targets';
import type { Refusal } from '../../core/settings/fit-lab';
import { fill } from '../../shared/format';

export function expressionMessage(t: Dictionary['fitLab'], error: ExpressionError): string {
  return fill(t.exprErrors[error.code], { pos: error.pos + 1, detail: error.detail ?? '' });
}

export function refusalMessage(t: Dictionary['fitLab'], r: Refusal): string {
  const error = r.error ? expressionMessage(t, r.error) : '';
  const label = r.param in t ? `${t[r.param as 'lr']} (${r.param})` : r.param;
  return fill(t.refusal[r.reason], { param: label, value: r.value, range: r.detail ?? '', error });
}
