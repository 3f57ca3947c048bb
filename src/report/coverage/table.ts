/** A cell: the plain text (for widths) and how to paint it once padded. */
export interface Cell {
  text: string;
  paint?: (s: string) => string;
}

/**
 * Left-aligned columns, widths measured on the plain text so colour codes never skew alignment.
 * The last column is not padded (no trailing spaces).
 */
export function renderTable(rows: Cell[][], indent = '  ', gap = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, width(cell.text));
    });
  }
  return rows.map((row) => {
    const cells = row.map((cell, i) => {
      const padded = i === row.length - 1 ? cell.text : cell.text + ' '.repeat(widths[i] - width(cell.text));
      return cell.paint && cell.text ? paintText(cell, padded) : padded;
    });
    return (indent + cells.join(gap)).trimEnd();
  });
}

/** Paint the text only, not the padding after it. */
function paintText(cell: Cell, padded: string): string {
  return cell.paint!(cell.text) + padded.slice(cell.text.length);
}

/** Code points, not UTF-16 units: `—` and `✓` count as one column. */
function width(text: string): number {
  return [...text].length;
}
