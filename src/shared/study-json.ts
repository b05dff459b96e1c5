/**
 * How the build-time study files (many-seeds.json, init-experiment.json) are written, so their diffs stay readable:
 * JSON with non-finite numbers (diverged runs) written as null. Readable but compact: the structure is indented,
 * while each run and each array of plain values sits on one line.
 */
export function studyJson(file: unknown): string {
  const finite = (_key: string, value: unknown) =>
    typeof value === 'number' && !Number.isFinite(value) ? null : value;
  const text = JSON.stringify(file, finite, 1);
  const oneLine = (inner: string) => inner.replace(/\n\s*/g, '').replace(/": /g, '":').trim();
  return (
    text
      .replace(/\[\n([^[\]{}]*?)\n\s*\]/g, (_m, inner: string) => `[${oneLine(inner)}]`)
      .replace(/\{\n(\s*"seed"[^{}]*?)\n\s*\}/g, (_m, inner: string) => `{${oneLine(inner)}}`) + '\n'
  );
}
