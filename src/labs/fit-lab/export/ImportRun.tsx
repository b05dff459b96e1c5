/**
 * Import a run file (run-file.ts): the way back for more points than a link holds. A file that cannot be used
 * changes nothing and says why; settings in it that are refused are named, as refused address values are.
 */
import { useState } from 'preact/hooks';
import type { FitLabSettings } from '../../../core/settings/fit-lab';
import type { NetworkParams } from '../../../core/train/types';
import type { Dictionary } from '../../../i18n';
import { fill } from '../../../shared/format';
import { MAX_RUN_FILE_CHARS, readRunFile } from './run-file';
import { refusalMessage } from '../text';

type Text = Dictionary['fitLab'];

interface Report {
  failed: boolean;
  lines: string[];
}

export function ImportRun(props: {
  t: Text;
  uid: string;
  disabled: boolean;
  onImport(run: { settings: FitLabSettings; params: NetworkParams | null }): void;
}) {
  const { t, uid, disabled, onImport } = props;
  const [report, setReport] = useState<Report | null>(null);
  const refuse = (reason: keyof Text['importErrors'], detail = '') =>
    setReport({ failed: true, lines: [fill(t.importErrors[reason], { detail })] });

  const read = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    // Cleared, so that choosing the same file again reads it again.
    input.value = '';
    if (!file) return;
    // A UTF-8 character takes at most 4 bytes: a file this large cannot be short enough, so it is not read at all.
    if (file.size > 4 * MAX_RUN_FILE_CHARS) return refuse('tooLong', String(MAX_RUN_FILE_CHARS));
    let text: string;
    try {
      text = await file.text();
    } catch {
      return refuse('unreadable');
    }
    const r = readRunFile(text);
    if (!r.ok) return refuse(r.problem, r.detail);
    onImport({ settings: r.settings, params: r.params });
    setReport({
      failed: false,
      lines: [
        fill(t.imported, { name: file.name }),
        ...(r.settings.points ? [fill(t.importedPoints, { n: r.settings.points.length })] : []),
        ...(r.params ? [t.importedWeights] : []),
        ...(r.refused.length > 0 ? [t.importRefused, ...r.refused.map((x) => refusalMessage(t, x))] : []),
      ],
    });
  };

  return (
    <div class="lab__field lab__field--wide" data-role="import-run">
      <label for={`${uid}-import`}>{t.importRun}</label>
      <input
        id={`${uid}-import`}
        type="file"
        accept=".json,application/json"
        disabled={disabled}
        aria-describedby={`${uid}-import-hint${report ? ` ${uid}-import-report` : ''}`}
        aria-invalid={report?.failed ? 'true' : undefined}
        onChange={(e) => void read(e.currentTarget)}
      />
      <p class="lab__hint" id={`${uid}-import-hint`}>
        {t.importHint}
      </p>
      <div
        id={`${uid}-import-report`}
        role="status"
        data-role="import-report"
        data-outcome={report ? (report.failed ? 'refused' : 'read') : undefined}
      >
        {report?.lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
    </div>
  );
}
