package postgres_test

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/internal/apptest"
	"github.com/terugkeer/terugkeer/internal/pgtest"
)

// The forensic proof of a purge on PostgreSQL (issue 16 item 6): an informatieblad and a
// contact note carrying markers are imported and recorded through app.Service, consent is
// revoked by intrekkingen, the person is removed, and then the database is read as
// someone holding the data directory would: pg_dump --data-only, and byte for byte every
// file of every relation of the schema (tables, their TOAST tables, the indexes of both,
// every fork and segment), after a CHECKPOINT so that the pages the purge and its
// VACUUM changed are in the files. Each marker is first proven present in the dump and
// in the table files, so that the scans can fail.
//
// What the test shows (docs/privacy.md §6a):
//   - the purged text is gone from pg_dump at once, and the plain VACUUM after the purge
//     leaves no dead row version;
//   - on a page that still holds live rows that VACUUM frees the removed rows' space but
//     does not overwrite it: their bytes stay in the heap and index files (logged). The
//     purge recorded the tables as owed, and the rewrite (Service.EraseOwed: VACUUM
//     FULL, new files) takes the markers out of every table, TOAST and index file;
//   - the same for the removal of the person, whose name is in the indexes of persons;
//   - the WAL keeps what was written until its segments are recycled: logged, not asserted.
//
// Without the rewrite (the plain VACUUM only) the assertions on the files after the
// first revocation fail: the sheet's text is still in topics and hulpvragen.
func TestForensicPurgePostgres(t *testing.T) {
	t.Setenv(apptest.BackendEnv, apptest.Postgres)
	w := apptest.Open(t)
	ctx := context.Background()
	const bsn, name = "999990019", "Mrkpgvisser" // the name is the person's marker
	const (
		zorg     = "MRKpgzorg"     // the zorg toelichting and hulpvraag
		note     = "MRKpgnotitie"  // the note of a zorg contact
		onderdak = "MRKpgonderdak" // the onderdak toelichting and hulpvraag
		general  = "MRKpgcontact"  // the general contact topic
	)
	subject := apptest.Subject(bsn, name)
	w.MustImport(apptest.XML(apptest.Melding(subject, "2019-05-01", "2019-08-01")))
	m := apptest.Sheet(subject, "2019-06-01", app.Zorg, app.Onderdak)
	sh := m.Informatieblad
	sh.Onderwerpen = append(sh.Onderwerpen,
		app.Answer{Code: "zorg.medicatie", Antwoord: "ja", Toelichting: "toel " + zorg},
		app.Answer{Code: "onderdak.na-detentie", Antwoord: "ja", Toelichting: "toel " + onderdak},
		app.Answer{Code: "contact.bereikbaarheid", Toelichting: general})
	sh.Hulpvragen[app.Zorg] = "hulp " + zorg + "-hulp"
	sh.Hulpvragen[app.Onderdak] = "hulp " + onderdak + "-hulp"
	r := w.MustImport(apptest.XML(m))
	if _, err := w.Svc.AddContact(ctx, r.PersonID, app.ContactMoment{Domain: app.Zorg,
		Kanaal: app.KanaalTelefoon, Notitie: "gebeld, " + note}); err != nil {
		t.Fatal(err)
	}

	pg := openForensic(t, w.Source)
	pg.checkpoint()
	for _, mk := range []string{zorg, note, onderdak, general} {
		if !pg.inDump(mk) {
			t.Fatalf("marker %s is not in the dump before the purge: the scan could not fail", mk)
		}
		if files := pg.relationFilesHolding(mk); len(files) == 0 {
			t.Fatalf("marker %s is in no table file before the purge: the scan could not fail", mk)
		}
	}

	// Revoking zorg purges its topics, hulpvraag and contacts; onderdak stays.
	w.MustImport(apptest.XML(apptest.Revocation(subject, "2019-07-01", app.Zorg)))
	pg.checkpoint()
	for _, mk := range []string{zorg, note} {
		pg.absentFromDump(mk)
	}
	for _, table := range []string{"topics", "hulpvragen"} { // what is left there is free space, not a row
		if n, ok := pg.deadTuples(table); ok && n != 0 {
			t.Errorf("%s holds %d dead row versions after the purge: no VACUUM ran", table, n)
		}
	}
	if files := pg.relationFilesHolding(zorg); len(files) > 0 {
		t.Logf("%s before the rewrite: the freed space of a page with live rows still holds it in %s",
			zorg, strings.Join(files, ", "))
	}
	pg.rewrite(w.Svc, "topics", "hulpvragen")
	for _, mk := range []string{zorg, note} {
		pg.absentFromFiles(mk)
		pg.logWAL(mk)
	}
	// What still stands is still found: the scans see live data after a purge.
	for _, mk := range []string{onderdak, general, name} {
		if !pg.inDump(mk) || len(pg.relationFilesHolding(mk)) == 0 {
			t.Fatalf("marker %s of data that stays is gone after the purge", mk)
		}
	}

	// Revoking all consent purges the rest of the sheet (the melding stays).
	w.MustImport(apptest.XML(apptest.Revocation(subject, "2019-07-02")))
	pg.rewrite(w.Svc, "topics", "hulpvragen", "general_topics")
	for _, mk := range []string{zorg, note, onderdak, general} {
		pg.absentFromDump(mk)
		pg.absentFromFiles(mk)
		pg.logWAL(mk)
	}

	// Removing the person takes the name out of persons and its indexes (search and sort
	// text) once the tables are rewritten; a second person keeps the pages in use.
	other := apptest.Subject("999990020", "Bakker")
	w.MustImport(apptest.XML(apptest.Melding(other, "2019-05-01", "2019-08-01")))
	if err := w.Svc.RemovePerson(ctx, r.PersonID); err != nil {
		t.Fatal(err)
	}
	pg.checkpoint()
	pg.absentFromDump(name)
	if files := pg.relationFilesHolding(name); len(files) > 0 {
		t.Logf("%s before the rewrite: in %s", name, strings.Join(files, ", "))
	}
	pg.rewrite(w.Svc, "persons", "detentions")
	pg.absentFromFiles(name)
	pg.logWAL(name)
}

// rewrite runs the rewrite of what the purges left owed, as the end of a retention run
// or of an import batch does, and checks that it rewrote at least tables and left
// nothing owed; then it takes a checkpoint.
func (f *forensic) rewrite(svc *app.Service, tables ...string) {
	f.t.Helper()
	rep, ok, err := svc.EraseOwed(context.Background())
	if err != nil || !ok {
		f.t.Fatalf("EraseOwed: %v (ok %v)", err, ok)
	}
	if len(rep.Owed) > 0 {
		f.t.Fatalf("tables left owed: %+v", rep.Owed)
	}
	for _, table := range tables {
		if !slices.Contains(rep.Rewritten, table) {
			f.t.Errorf("%s was not rewritten after the purge; rewritten: %v", table, rep.Rewritten)
		}
	}
	f.t.Logf("rewritten: %s", strings.Join(rep.Rewritten, ", "))
	f.checkpoint()
}

func (f *forensic) absentFromDump(marker string) {
	f.t.Helper()
	if f.inDump(marker) {
		f.t.Errorf("marker %s is in pg_dump --data-only after the purge", marker)
	}
}

func (f *forensic) absentFromFiles(marker string) {
	f.t.Helper()
	if files := f.relationFilesHolding(marker); len(files) > 0 {
		f.t.Errorf("marker %s is still in %d table file(s) after the purge and its VACUUM: %s",
			marker, len(files), strings.Join(files, ", "))
	}
}

// deadTuples returns the number of dead row versions in table as pgstattuple counts them
// in its pages; ok is false (and the test logs why) without the extension.
func (f *forensic) deadTuples(table string) (n int64, ok bool) {
	f.t.Helper()
	ctx := context.Background()
	if _, err := f.conn.Exec(ctx, `CREATE EXTENSION IF NOT EXISTS pgstattuple`); err != nil {
		f.t.Logf("pgstattuple is not available, dead row versions not counted: %v", err)
		return 0, false
	}
	if err := f.conn.QueryRow(ctx, `SELECT dead_tuple_count FROM pgstattuple($1)`, table).Scan(&n); err != nil {
		f.t.Fatal(err)
	}
	return n, true
}

func (f *forensic) logWAL(marker string) {
	f.t.Helper()
	f.t.Logf("%s: found in %d WAL segments (the WAL keeps it until its segments are recycled)",
		marker, f.walSegmentsHolding(marker))
}

// forensic reads a PostgreSQL database as pg_dump and as the files of its data
// directory; the test user is the cluster's superuser.
type forensic struct {
	t       *testing.T
	uri     string
	conn    *pgx.Conn
	dataDir string
	pgDump  string
}

func openForensic(t *testing.T, uri string) *forensic {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, uri)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	f := &forensic{t: t, uri: uri, conn: conn, pgDump: findPgDump(t)}
	if err := conn.QueryRow(ctx, `SHOW data_directory`).Scan(&f.dataDir); err != nil {
		t.Fatal(err)
	}
	return f
}

// findPgDump returns pg_dump from the PATH or the newest /usr/lib/postgresql/*/bin; it
// skips the test loudly without one (fails it under TERUGKEER_PG_REQUIRED=1).
func findPgDump(t *testing.T) string {
	t.Helper()
	if p, err := exec.LookPath("pg_dump"); err == nil {
		return p
	}
	found, _ := filepath.Glob("/usr/lib/postgresql/*/bin/pg_dump")
	if len(found) > 0 {
		sort.Slice(found, func(i, j int) bool { return pgVersion(found[i]) < pgVersion(found[j]) })
		return found[len(found)-1]
	}
	msg := "pg_dump niet gevonden (PATH, /usr/lib/postgresql/*/bin): de forensische controle van de dump wordt overgeslagen"
	if os.Getenv(pgtest.RequiredEnv) == "1" {
		t.Fatal(msg + "; " + pgtest.RequiredEnv + "=1 eist hem")
	}
	t.Skip(msg)
	return ""
}

// pgVersion is the major version in /usr/lib/postgresql/<version>/bin/pg_dump.
func pgVersion(path string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(path))))
	return n
}

func (f *forensic) checkpoint() {
	f.t.Helper()
	if _, err := f.conn.Exec(context.Background(), `CHECKPOINT`); err != nil {
		f.t.Fatal(err)
	}
}

// inDump reports whether pg_dump --data-only of the database holds marker, in any case,
// or hex-encoded as pg_dump writes bytea.
func (f *forensic) inDump(marker string) bool {
	f.t.Helper()
	cmd := exec.Command(f.pgDump, "--data-only", "--no-owner", "--dbname="+f.uri)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		f.t.Fatalf("pg_dump: %v: %s", err, stderr.String())
	}
	return holds(out, marker) || bytes.Contains(out, []byte(hex.EncodeToString([]byte(marker))))
}

type relation struct{ Name, Path string }

// relationFile is a file of a relation: its name (pg_class) and the file's path.
type relationFile struct{ relation, name string }

// relationFiles returns the files on disk of every relation of the schema: its tables,
// their TOAST tables, and the indexes of both, with every fork and segment.
func (f *forensic) relationFiles() []relationFile {
	f.t.Helper()
	rows, err := f.conn.Query(context.Background(), `
		WITH tabs AS (SELECT oid FROM pg_class
		              WHERE relnamespace = current_schema()::regnamespace AND relkind IN ('r', 'm')),
		     heaps AS (SELECT oid FROM tabs
		               UNION SELECT reltoastrelid FROM pg_class WHERE oid IN (SELECT oid FROM tabs) AND reltoastrelid <> 0),
		     rels AS (SELECT oid FROM heaps UNION SELECT indexrelid FROM pg_index WHERE indrelid IN (SELECT oid FROM heaps))
		SELECT oid::regclass::text, pg_relation_filepath(oid) FROM rels WHERE pg_relation_filepath(oid) IS NOT NULL`)
	if err != nil {
		f.t.Fatal(err)
	}
	rels, err := pgx.CollectRows(rows, pgx.RowToStructByPos[relation])
	if err != nil {
		f.t.Fatal(err)
	}
	if len(rels) < 20 {
		f.t.Fatalf("only %d relations in the schema: the query misses tables", len(rels))
	}
	var files []relationFile
	for _, r := range rels {
		base := filepath.Join(f.dataDir, r.Path)
		for _, fork := range []string{"", "_fsm", "_vm", "_init"} {
			for seg := 0; ; seg++ {
				name := base + fork
				if seg > 0 {
					name += "." + strconv.Itoa(seg)
				}
				if _, err := os.Stat(name); errors.Is(err, os.ErrNotExist) {
					break
				} else if err != nil {
					f.t.Fatal(err)
				}
				files = append(files, relationFile{r.Name, name})
			}
		}
	}
	return files
}

// relationFilesHolding names the relation files that hold marker: the relation and the
// file relative to the data directory.
func (f *forensic) relationFilesHolding(marker string) []string {
	f.t.Helper()
	var out []string
	for _, rf := range f.relationFiles() {
		if fileHolds(f.t, rf.name, marker) {
			rel, _ := filepath.Rel(f.dataDir, rf.name)
			out = append(out, rf.relation+" ("+rel+")")
		}
	}
	return out
}

// walSegmentsHolding counts the segments in pg_wal that hold marker.
func (f *forensic) walSegmentsHolding(marker string) int {
	f.t.Helper()
	entries, err := os.ReadDir(filepath.Join(f.dataDir, "pg_wal"))
	if err != nil {
		f.t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if e.Type().IsRegular() && fileHolds(f.t, filepath.Join(f.dataDir, "pg_wal", e.Name()), marker) {
			n++
		}
	}
	return n
}

// fileHolds reports whether the file holds marker, in any case (the search column holds
// names folded to lower case).
func fileHolds(t *testing.T, name, marker string) bool {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return holds(b, marker)
}

func holds(b []byte, marker string) bool {
	return bytes.Contains(bytes.ToLower(b), []byte(strings.ToLower(marker)))
}
