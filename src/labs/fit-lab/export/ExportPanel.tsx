/**
 * Share and export: a link to these settings, the run as JSON (and its import), the plot as SVG/PNG, Keras and tfjs
 * scripts.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Dictionary } from '../../../i18n';
import { serializeSettings, type FitLabSettings } from '../../../core/settings/fit-lab';
import type { NetworkParams } from '../../../core/train/types';
import { EmbedCode } from './EmbedCode';
import { ImportRun } from './ImportRun';
import { writeRunFile } from './run-file';

type Snippets = typeof import('./snippets');

interface Props {
  t: Dictionary['fitLab'];
  uid: string;
  settings: FitLabSettings;
  params: NetworkParams;
  /** Builds the plot as one SVG (only when exporting). */
  svg: () => string;
  mse: number | null;
  disabled: boolean;
  onImport(run: { settings: FitLabSettings; params: NetworkParams | null }): void;
}

function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The on-page SVG uses `currentColor`; a file needs a concrete colour and a background. */
function standaloneSvg(svg: string): string {
  return svg.replace('<svg ', '<svg color="#222" style="background:#fff" ');
}

function svgToPng(svg: string, name: string) {
  const img = new Image();
  const url = URL.createObjectURL(new Blob([standaloneSvg(svg)], { type: 'image/svg+xml' }));
  img.onload = () => {
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth * scale;
    canvas.height = img.naturalHeight * scale;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    URL.revokeObjectURL(url);
    canvas.toBlob((blob) => blob && download(name, blob), 'image/png');
  };
  img.src = url;
}

export function ExportPanel({ t, uid, settings, params, svg, mse, disabled, onImport }: Props) {
  const [copyState, setCopyState] = useState<string>('');
  // The script writer is loaded, and the scripts built, only once the panel has been opened.
  const [opened, setOpened] = useState(false);
  const [snippets, setSnippets] = useState<Snippets | null>(null);
  useEffect(() => {
    if (opened && !snippets) import('./snippets').then(setSnippets, () => setOpened(false)); // reopening retries
  }, [opened, snippets]);
  const base = `fit-lab-${settings.activation}-h${settings.hidden}-seed${settings.seed}`;
  const query = serializeSettings(settings);
  // Built once per setting, not on every training frame.
  const scripts = useMemo(
    () =>
      snippets
        ? { keras: snippets.kerasSnippet(settings, `${base}.py`), tfjs: snippets.tfjsSnippet(settings, `${base}.mjs`) }
        : null,
    [snippets, query],
  );
  const shareUrl = () => {
    const u = new URL(location.href);
    u.search = serializeSettings(settings);
    return u.toString();
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(shareUrl());
      setCopyState(t.copied);
    } catch {
      setCopyState(t.copyFailed);
    }
  };
  return (
    <details class="lab__panel" onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && setOpened(true)}>
      <summary>{t.exports}</summary>
      <div class="lab__buttons">
        <button type="button" class="lab__button" disabled={disabled} onClick={() => void copy()}>
          {t.share}
        </button>
        <button
          type="button"
          class="lab__button"
          disabled={disabled}
          onClick={() =>
            download(`${base}.json`, new Blob([writeRunFile(settings, params, mse)], { type: 'application/json' }))
          }
        >
          {t.exportJson}
        </button>
        <button
          type="button"
          class="lab__button"
          disabled={disabled}
          onClick={() => download(`${base}.svg`, new Blob([standaloneSvg(svg())], { type: 'image/svg+xml' }))}
        >
          {t.exportSvg}
        </button>
        <button type="button" class="lab__button" disabled={disabled} onClick={() => svgToPng(svg(), `${base}.png`)}>
          {t.exportPng}
        </button>
      </div>
      <p class="lab__hint" role="status">
        {copyState}
      </p>
      <ImportRun t={t} uid={uid} disabled={disabled} onImport={onImport} />
      <EmbedCode t={t} uid={uid} settings={settings} disabled={disabled} />
      <p class="lab__hint">{t.exportCodeHint}</p>
      <div class="lab__buttons">
        <button
          type="button"
          class="lab__button"
          disabled={disabled || !scripts}
          onClick={() => scripts && download(`${base}.py`, new Blob([scripts.keras], { type: 'text/x-python' }))}
        >
          {t.downloadKeras}
        </button>
        <button
          type="button"
          class="lab__button"
          disabled={disabled || !scripts}
          onClick={() => scripts && download(`${base}.mjs`, new Blob([scripts.tfjs], { type: 'text/javascript' }))}
        >
          {t.downloadTfjs}
        </button>
      </div>
      <details class="fitlab__code">
        <summary>{t.kerasCode}</summary>
        <pre tabIndex={0}>
          <code>{scripts?.keras ?? ''}</code>
        </pre>
      </details>
      <details class="fitlab__code">
        <summary>{t.tfjsCode}</summary>
        <pre tabIndex={0}>
          <code>{scripts?.tfjs ?? ''}</code>
        </pre>
      </details>
    </details>
  );
}
