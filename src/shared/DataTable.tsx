/**
 * A plot's data as a table, behind "Show data as a table": a real <table> with a caption, column headers and the
 * first column as row headers. Rows are built only while the panel is open, so a closed one costs nothing per frame.
 */
import { useState } from 'preact/hooks';

interface Props {
  summary: string;
  caption: string;
  columns: readonly string[];
  /** The rows as text, called only while the panel is open. */
  rows: () => readonly (readonly string[])[];
  /** Shown instead of the table when there are no rows. */
  empty?: string;
  /** data-role of the panel (tests and styles find it by this). */
  role: string;
}

export function DataTable({ summary, caption, columns, rows, empty, role }: Props) {
  const [open, setOpen] = useState(false);
  const body = open ? rows() : [];
  return (
    <details
      class="lab__table"
      data-role={role}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>{summary}</summary>
      {open &&
        (body.length === 0 && empty ? (
          <p class="lab__hint">{empty}</p>
        ) : (
          // A keyboard user can scroll a long or wide table: the scroller is focusable and named.
          <div class="lab__table-scroll" tabIndex={0} role="region" aria-label={caption}>
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  {columns.map((c, j) => (
                    <th scope="col" key={j}>
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {body.map((row, k) => (
                  <tr key={k}>
                    {row.map((cell, j) =>
                      j === 0 ? (
                        <th scope="row" key={j}>
                          {cell}
                        </th>
                      ) : (
                        <td key={j}>{cell}</td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </details>
  );
}
