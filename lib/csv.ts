/** The one CSV writer: RFC 4180 quoting, CRLF line ends (wallet history and accounting exports). */
export const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Free text could start a spreadsheet formula; a leading apostrophe keeps it text. */
export const textCell = (v: string) => csvCell(/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/** Rows of already-escaped cells as a CSV document (a trailing line end, so files concatenate cleanly). */
export const csvLines = (rows: ReadonlyArray<readonly string[]>): string =>
  rows.map((r) => r.join(",")).join("\r\n") + "\r\n";
