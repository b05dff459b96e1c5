/**
 * Points pasted as text (x,y lines or CSV): read by parsePastedPoints, every line not used named with its line
 * number and reason. The text stays in the box (uncontrolled, so a huge paste is not copied on every keystroke)
 * for the reader to fix; a text too long is refused before it is read.
 */
import { useRef, useState } from 'preact/hooks';
import { badRuns, MAX_PASTE_CHARS, parsePastedPoints, type BadRun } from '../../../core/data/paste-points';
import { sortPoints, type Point } from '../../../core/data/points';
import type { Dictionary } from '../../../i18n';
import { fill } from '../../../shared/format';

type Text = Dictionary['fitLab'];
/** A long report names its first runs of bad lines and counts the rest, so garbage cannot flood the page. */
const MAX_LISTED = 50;

interface Report {
  summary: string;
  header: string | null;
  bad: BadRun[];
}

export function badRunText(t: Text, run: BadRun): string {
  const where =
    run.from === run.to ? fill(t.paste.line, { line: run.from }) : fill(t.paste.lines, { from: run.from, to: run.to });
  return `${where}: ${fill(t.paste.errors[run.reason], { detail: run.detail ?? '' })}`;
}

/** What a paste gives: the points to use (null: keep the current ones) and the report in words. */
export function readPaste(t: Text, text: string): { points: Point[] | null; report: Report } {
  const r = parsePastedPoints(text);
  if (!r.ok)
    return { points: null, report: { summary: fill(t.paste.tooLong, { detail: r.detail }), header: null, bad: [] } };
  const header = r.header ? fill(t.paste.header, r.header) : null;
  const bad = badRuns(r.bad);
  if (r.points.length === 0) return { points: null, report: { summary: t.own.noneRead, header, bad } };
  return {
    points: sortPoints(r.points),
    report: { summary: fill(t.own.read, { n: r.points.length }), header, bad },
  };
}

export function PastePoints(props: { t: Text; uid: string; disabled: boolean; onPoints(points: Point[]): void }) {
  const { t, uid, disabled, onPoints } = props;
  const box = useRef<HTMLTextAreaElement>(null);
  const [report, setReport] = useState<Report | null>(null);
  // Refused in part (lines not read) or in whole (too long, or no point in it): the box is marked invalid.
  const [failed, setFailed] = useState(false);
  const show = (read: { points: Point[] | null; report: Report }) => {
    setReport(read.report);
    setFailed(read.points === null || read.report.bad.length > 0);
  };
  const use = () => {
    const read = readPaste(t, box.current?.value ?? '');
    show(read);
    if (read.points) onPoints(read.points);
  };
  const listed = report ? report.bad.slice(0, MAX_LISTED) : [];
  const more = report ? report.bad.slice(MAX_LISTED).reduce((n, run) => n + run.to - run.from + 1, 0) : 0;
  return (
    <div class="lab__field lab__field--wide" data-role="paste-points">
      <label for={`${uid}-paste`}>{t.own.pasteLabel}</label>
      <textarea
        id={`${uid}-paste`}
        ref={box}
        rows={5}
        spellcheck={false}
        autoComplete="off"
        disabled={disabled}
        aria-describedby={report ? `${uid}-paste-report` : undefined}
        aria-invalid={failed ? 'true' : undefined}
        onPaste={(e) => {
          // A paste too long to read is refused before it reaches the box: laying out megabytes of text would
          // freeze the page, and none of it could be used anyway.
          const text = e.clipboardData?.getData('text') ?? '';
          if (text.length <= MAX_PASTE_CHARS) return;
          e.preventDefault();
          show(readPaste(t, text));
        }}
      />
      <div class="lab__buttons">
        <button type="button" class="lab__button" data-action="use-points" disabled={disabled} onClick={use}>
          {t.own.use}
        </button>
      </div>
      {report && (
        <div id={`${uid}-paste-report`} data-role="paste-report" role="status">
          <p>{report.summary}</p>
          {report.header && <p class="lab__hint">{report.header}</p>}
          {report.bad.length > 0 && (
            <>
              <p>{t.own.badLines}</p>
              <ul data-role="bad-lines">
                {listed.map((run) => (
                  <li key={`${run.from}-${run.reason}`} data-line={run.from} data-reason={run.reason}>
                    {badRunText(t, run)}
                  </li>
                ))}
              </ul>
              {more > 0 && <p>{fill(t.own.moreBad, { n: more })}</p>}
            </>
          )}
        </div>
      )}
    </div>
  );
}
