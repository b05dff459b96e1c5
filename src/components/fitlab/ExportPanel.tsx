/** Share and export: a link to these settings, the weights as JSON, the plot as SVG/PNG, Keras and tfjs code. */
import { useState } from 'preact/hooks';
import type { Dictionary } from '../../i18n';
import { serializeSettings, type FitLabSettings } from '../../lib/settings';
import type { NetworkParams } from '../../lib/train-types';
import { kerasSnippet, tfjsSnippet } from './snippets';

interface Props {
  t: Dictionary['fitLab'];
  uid: string;
  settings: FitLabSettings;
  params: NetworkParams;
  /** Builds the plot as one SVG (only when exporting). */
  svg: () => string;
  mse: number | null;
  disabled: boolean;
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

export function ExportPanel({ t, settings, params, svg, mse, disabled }: Props) {
  const [copyState, setCopyState] = useState<string>('');
  // The code is only built once the panel has been opened (it is not needed on every training frame).
  const [opened, setOpened] = useState(false);
  const base = `fit-lab-${settings.activation}-h${settings.hidden}-seed${settings.seed}`;
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
  const json = () =>
    JSON.stringify({ settings: Object.fromEntries(new URLSearchParams(serializeSettings(settings))), activation: settings.activation, hidden: settings.hidden, ...params, finalMse: mse }, null, 2);
  return (
    <details class="fitlab__panel" onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && setOpened(true)}>
      <summary>{t.exports}</summary>
      <div class="fitlab__buttons">
        <button type="button" class="fitlab__button" disabled={disabled} onClick={() => void copy()}>
          {t.share}
        </button>
        <button type="button" class="fitlab__button" disabled={disabled} onClick={() => download(`${base}.json`, new Blob([json()], { type: 'application/json' }))}>
          {t.exportJson}
        </button>
        <button type="button" class="fitlab__button" disabled={disabled} onClick={() => download(`${base}.svg`, new Blob([standaloneSvg(svg())], { type: 'image/svg+xml' }))}>
          {t.exportSvg}
        </button>
        <button type="button" class="fitlab__button" disabled={disabled} onClick={() => svgToPng(svg(), `${base}.png`)}>
          {t.exportPng}
        </button>
      </div>
      <p class="fitlab__hint" role="status">
        {copyState}
      </p>
      <details class="fitlab__code">
        <summary>{t.kerasCode}</summary>
        <pre tabIndex={0}>
          <code>{opened ? kerasSnippet(settings) : ''}</code>
        </pre>
      </details>
      <details class="fitlab__code">
        <summary>{t.tfjsCode}</summary>
        <pre tabIndex={0}>
          <code>{opened ? tfjsSnippet(settings) : ''}</code>
        </pre>
      </details>
    </details>
  );
}
