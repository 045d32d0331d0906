package sqlite

import "strings"

// rowsPerInsert bounds the rows of one multi-row INSERT: far under SQLite's limit on
// variables (32,766) for the widest table it serves, and few statement texts for the
// statement cache (one per row count up to the bound).
const rowsPerInsert = 64

// insertRows runs head (`INSERT INTO t (a, b, c) VALUES`), one "(?, ?, ?)" per row of
// width values and then tail (an ON CONFLICT clause, or ""), for the values of all rows
// in args, rowsPerInsert rows per statement, and returns the rows inserted or updated
// (SQLite's changes of each statement, summed). One statement per table instead of one
// per row: a small statement costs some 10-30 µs in modernc's SQLite whatever it writes,
// and a message wrote up to 27 of them (docs/performance.md, session 18). The rows go in
// the order of args, as separate INSERTs would.
func (w *writer) insertRows(head string, width int, tail string, args []any) (int, error) {
	var changes int
	for len(args) > 0 {
		n := min(len(args)/width, rowsPerInsert)
		c, err := w.execCount(insertText(head, width, n, tail), args[:n*width]...)
		if err != nil {
			return changes, err
		}
		changes += c
		args = args[n*width:]
	}
	return changes, nil
}

// insertText is the statement of insertRows for n rows.
func insertText(head string, width, n int, tail string) string {
	row := "(?" + strings.Repeat(", ?", width-1) + ")"
	var b strings.Builder
	b.Grow(len(head) + n*(len(row)+2) + len(tail) + 2)
	b.WriteString(head)
	b.WriteByte(' ')
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(row)
	}
	if tail != "" {
		b.WriteByte(' ')
		b.WriteString(tail)
	}
	return b.String()
}
