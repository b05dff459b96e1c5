/**
 * "Copy embed code": the `<iframe>` snippet that shows this Fit Lab, with these settings, on another page. Where the
 * clipboard is refused (permissions, an insecure page, an old browser) the snippet appears in a read-only field,
 * selected, for the reader to copy themselves.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { serializeSettings, type FitLabSettings } from '../../../core/settings/fit-lab';
import type { Dictionary } from '../../../i18n';
import { editionOfPath } from '../../../i18n/preferred-lang';
import { embedSnippet, embedUrl } from './embed-code';

interface Props {
  t: Dictionary['fitLab'];
  uid: string;
  settings: FitLabSettings;
  disabled: boolean;
}

export function EmbedCode({ t, uid, settings, disabled }: Props) {
  const [state, setState] = useState<'idle' | 'copied' | 'fallback'>('idle');
  const [code, setCode] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (state !== 'fallback') return;
    field.current?.focus();
    field.current?.select();
  }, [state, code]);

  const copy = async () => {
    const base = import.meta.env.BASE_URL;
    const lang = editionOfPath(location.pathname, base) ?? 'en';
    const snippet = embedSnippet(
      embedUrl(location.origin, base, lang, serializeSettings(settings)),
      t.embed.frameTitle,
    );
    setCode(snippet);
    try {
      await navigator.clipboard.writeText(snippet);
      setState('copied');
    } catch {
      setState('fallback');
    }
  };

  return (
    <div class="fitlab__embed">
      <button
        type="button"
        class="lab__button"
        data-action="copy-embed"
        disabled={disabled}
        onClick={() => void copy()}
      >
        {t.embed.copy}
      </button>
      <p class="lab__hint" role="status" data-role="embed-status">
        {state === 'copied' ? t.embed.copied : state === 'fallback' ? t.embed.copyFallback : ''}
      </p>
      {state === 'fallback' && (
        <>
          <label for={`${uid}-embed-code`}>{t.embed.codeLabel}</label>
          <textarea
            id={`${uid}-embed-code`}
            class="fitlab__embed-code"
            data-role="embed-code"
            readOnly
            rows={4}
            value={code}
            ref={field}
          />
        </>
      )}
    </div>
  );
}
