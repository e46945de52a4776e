// Plain-text tables for people: left-aligned columns separated by two spaces, headings upper-case.

export type Cell = string | number;

export function textTable(headings: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  const cells = [headings.map((h) => h.toUpperCase()), ...rows.map((row) => row.map((c) => String(c)))];
  const widths = headings.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? "").length)));
  return cells
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/** A list cell: comma-joined, or "-" when empty so columns stay readable. */
export function listCell(items: readonly string[]): string {
  return items.length === 0 ? "-" : items.join(",");
}
