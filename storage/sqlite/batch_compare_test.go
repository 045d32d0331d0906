package sqlite

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/demo"
	"github.com/terugkeer/terugkeer/importers"
)

// TestImportBatchEqualsImportBytes: the same inputs imported one transaction per message
// (Service.ImportBytes) and with group commit (Service.ImportBatch, savepoints) give the
// same results and the same database, row for row in every table: persons, consents,
// domain data, plans, messages, quarantine and the audit chain with its hashes and seal.
// The inputs hold every outcome: imported v1 and v2 messages with purges (intrekkingen,
// newer plans), e-mails with several parts, duplicates, a reused kenmerk, a message for
// another gemeente, an invalid one and bytes that are no message. Both databases start
// from one initialised file (the same installation key) and one fixed clock.
func TestImportBatchEqualsImportBytes(t *testing.T) {
	ctx := context.Background()
	clock := func() time.Time { return time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC) }
	dir := t.TempDir()
	one, batched := filepath.Join(dir, "een.db"), filepath.Join(dir, "groep.db")
	db, err := Open(one)
	if err != nil {
		t.Fatal(err)
	}
	if err := app.NewService(db, importers.Decoder{}, clock).Init(ctx, []string{"0193"}); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if err := copyFile(one, batched); err != nil {
		t.Fatal(err)
	}
	inputs := compareInputs(t)

	dbOne, err := Open(one)
	if err != nil {
		t.Fatal(err)
	}
	defer dbOne.Close()
	svc := app.NewService(dbOne, importers.Decoder{}, clock)
	var want [][]app.Result
	for _, in := range inputs {
		rs, err := svc.ImportBytes(ctx, in.Bron, "", in.Raw)
		if err != nil {
			t.Fatalf("ImportBytes %s: %v", in.Bron, err)
		}
		want = append(want, rs)
	}

	dbBatch, err := Open(batched)
	if err != nil {
		t.Fatal(err)
	}
	defer dbBatch.Close()
	b := app.NewService(dbBatch, importers.Decoder{}, clock).NewImportBatch(ctx)
	got := make([][]app.Result, len(inputs))
	for i, in := range inputs {
		in.Done = func(rs []app.Result, err error) {
			if err != nil {
				t.Errorf("batch %s: %v", in.Bron, err)
			}
			got[i] = rs
		}
		if err := b.Add(in); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}

	counts := map[app.Outcome]int{}
	for i := range inputs {
		if fmt.Sprint(got[i]) != fmt.Sprint(want[i]) {
			t.Errorf("%s: batch %+v, per message %+v", inputs[i].Bron, got[i], want[i])
		}
		for _, r := range want[i] {
			counts[r.Resultaat]++
		}
	}
	for _, r := range []app.Outcome{app.Geimporteerd, app.Dubbel, app.Quarantaine, app.GeenBericht} {
		if counts[r] == 0 {
			t.Errorf("no input came out %s: the comparison misses a path (%v)", r, counts)
		}
	}
	a, z := dumpTables(t, dbOne), dumpTables(t, dbBatch)
	for table, rows := range a {
		if table == "wijzigingen" {
			continue // the change counter counts commits: one per message against one per batch
		}
		if !slices.Equal(rows, z[table]) {
			t.Errorf("table %s differs: %d rows per message, %d batched; first difference:\n%s", table, len(rows), len(z[table]), firstDiff(rows, z[table]))
		}
	}
	if len(a["audit"]) < len(inputs) || len(a["persons"]) == 0 {
		t.Fatalf("too little imported to compare: %d audit entries, %d persons", len(a["audit"]), len(a["persons"]))
	}
	checkChain(t, dbBatch)
}

// compareInputs are the inputs of the comparison (see TestImportBatchEqualsImportBytes).
func compareInputs(t *testing.T) []app.ImportInput {
	var ins []app.ImportInput
	for _, ex := range importers.AllExamples() {
		ins = append(ins, app.ImportInput{Bron: ex.Path(), Raw: ex.Data})
	}
	var gen []demo.Bericht
	o := demo.Options{Personen: 80, Seed: 7, Nu: app.NewDate(2026, 3, 1)}
	if err := demo.Generate(context.Background(), o, func(b demo.Bericht) error { gen = append(gen, b); return nil }); err != nil {
		t.Fatal(err)
	}
	for _, b := range gen {
		ins = append(ins, app.ImportInput{Bron: b.Naam, Raw: b.Data})
	}
	for _, b := range gen[:5] { // duplicates
		ins = append(ins, app.ImportInput{Bron: "nogmaals-" + b.Naam, Raw: b.Data})
	}
	reused := bytes.Replace(gen[10].Data, []byte("<email>"), []byte("<email>anders."), 1)
	elsewhere := bytes.Replace(bytes.ReplaceAll(gen[20].Data, []byte("DEMO-"), []byte("ELDERS-")),
		[]byte(`<gemeente code="0193">`), []byte(`<gemeente code="0363">`), 1)
	return append(ins,
		app.ImportInput{Bron: "hergebruikt.xml", Raw: reused},
		app.ImportInput{Bron: "elders.xml", Raw: elsewhere},
		app.ImportInput{Bron: "kapot.xml", Raw: []byte("<bericht")},
		app.ImportInput{Bron: "geen.eml", Raw: []byte("Subject: hallo\r\n\r\ngeen bericht\r\n")})
}

// dumpTables returns every row of every table (virtual tables and their shadows, whose
// pages depend on the commit boundaries, left out), as sorted text lines.
func dumpTables(t *testing.T, db *DB) map[string][]string {
	t.Helper()
	ctx := context.Background()
	conn := db.sql
	names, err := benchTableNames(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, n := range names {
		rows, err := conn.QueryContext(ctx, `SELECT * FROM "`+n+`"`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		var lines []string
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for i, v := range vals {
				fmt.Fprintf(&b, "%s=%v ", cols[i], v)
			}
			lines = append(lines, b.String())
		}
		if err := rows.Close(); err != nil {
			t.Fatal(err)
		}
		slices.Sort(lines)
		out[n] = lines
	}
	return out
}

func firstDiff(a, b []string) string {
	for i := range max(len(a), len(b)) {
		if i >= len(a) || i >= len(b) || a[i] != b[i] {
			return fmt.Sprintf("per message: %s\nbatched:     %s", at(a, i), at(b, i))
		}
	}
	return ""
}

func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return "(none)"
}
