package sqlite

import (
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// The latest detention kept on the person (migration 0006) follows inserts, updates
// that move the latest, and deletes.
func TestLatestDetentionMaintained(t *testing.T) {
	db, _ := openTest(t)
	id := createPerson(t, db, samplePerson("999990019", "Zoë", "", "Şahin"))
	latest := func() (int64, string) {
		var det *int64
		var eind *string
		view(t, db, func(tx app.ReadTx) error {
			return tx.(*reader).queryRow(`SELECT laatste_detentie, vrijlating FROM persons WHERE id = ?`, id).Scan(&det, &eind)
		})
		if det == nil {
			return 0, ""
		}
		e := ""
		if eind != nil {
			e = *eind
		}
		return *det, e
	}
	if d, _ := latest(); d != 0 {
		t.Fatalf("latest detention %d without detentions", d)
	}
	old := addDetention(t, db, id, "2024-01-01", "2024-06-01")
	if d, e := latest(); d != old.ID || e != "2024-06-01" {
		t.Fatalf("after one detention: %d %s", d, e)
	}
	last := addDetention(t, db, id, "2025-01-01", "")
	if d, e := latest(); d != last.ID || e != "" {
		t.Fatalf("after a newer detention without einddatum: %d %q", d, e)
	}
	last.Einddatum, last.EinddatumStatus = app.MustDate("2025-09-30"), app.EindDefinitief
	update(t, db, func(tx app.Tx) error { return tx.SaveDetention(last) })
	if d, e := latest(); d != last.ID || e != "2025-09-30" {
		t.Fatalf("after the einddatum arrived: %d %s", d, e)
	}
	update(t, db, func(tx app.Tx) error {
		_, err := tx.(*writer).exec(`DELETE FROM detentions WHERE id = ?`, last.ID)
		return err
	})
	if d, e := latest(); d != old.ID || e != "2024-06-01" {
		t.Fatalf("after deleting the latest: %d %s", d, e)
	}
}

// A removed person leaves no entry in the trigram index (secure-delete): not only
// invisible through persons, but gone from the index's own tables.
func TestSearchIndexForgetsRemovedPerson(t *testing.T) {
	db, _ := openTest(t)
	keep := createPerson(t, db, samplePerson("", "Jan", "", "Qwyxland"))
	gone := createPerson(t, db, samplePerson("", "Piet", "", "Qwyxland"))
	update(t, db, func(tx app.Tx) error { return tx.DeletePerson(gone) })
	var docs []int64
	update(t, db, func(tx app.Tx) error {
		w := tx.(*writer)
		if _, err := w.exec(`CREATE VIRTUAL TABLE temp.zoek_vocab USING fts5vocab(main, persons_zoek, 'instance')`); err != nil {
			return err
		}
		rows, err := w.query(`SELECT DISTINCT doc FROM temp.zoek_vocab WHERE term = 'qwy'`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var d int64
			if err := rows.Scan(&d); err != nil {
				return err
			}
			docs = append(docs, d)
		}
		return rows.Err()
	})
	if len(docs) != 1 || docs[0] != keep {
		t.Errorf("index holds the trigram for persons %v, want only %d", docs, keep)
	}
	if got := searchNames(t, db, app.PersonQuery{Zoek: "qwyx"}); len(got) != 1 {
		t.Errorf("search finds %v", got)
	}
}

// benchDB fills a database with n persons with one detention each (directly through
// the store, one transaction): the fixture of the search benchmarks. TERUGKEER_BENCH_N
// overrides n (e.g. 150000).
func benchDB(b *testing.B, n int) *DB {
	b.Helper()
	if s := os.Getenv("TERUGKEER_BENCH_N"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	db, err := Open(b.TempDir() + "/bench.db")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	names := []string{"Öztürk", "Şahin", "Dvořák", "Nguyễn", "Berg", "Jansen", "Bakker", "Visser", "Kaya", "Novák"}
	base := app.MustDate("2022-01-01")
	err = db.Update(b.Context(), func(tx app.Tx) error {
		for i := range n {
			p := &app.Person{SKN: strconv.Itoa(10_000_000 + i), Voornamen: "Zoë", Achternaam: names[i%len(names)] + strconv.Itoa(i%997),
				Geboortedatum: app.MustDate("1980-01-01"), Aangemaakt: time.Now().UTC()}
			if err := tx.CreatePerson(p); err != nil {
				return err
			}
			begin := base.AddDays(i % 1500)
			d := &app.Detention{PersonID: p.ID, Begindatum: begin, Einddatum: begin.AddDays(30 + i%400), EinddatumStatus: app.EindVerwacht}
			if err := tx.SaveDetention(d); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return db
}

func BenchmarkSearchPersons(b *testing.B) {
	db := benchDB(b, 20_000)
	from := app.MustDate("2025-06-01")
	for _, c := range []struct {
		name string
		q    app.PersonQuery
	}{
		{"achternaamdeel", app.PersonQuery{Zoek: "berg", Limit: 50}},
		{"skn", app.PersonQuery{Zoek: "10001234", Limit: 50}},
		{"zeldzaam", app.PersonQuery{Zoek: "Þórðardóttir", Limit: 50}},
		{"vrijlatingen-8-weken", app.PersonQuery{ReleaseFrom: from, ReleaseTo: from.AddDays(56), Sort: app.SortByRelease, Limit: 100}},
		{"op-vrijlating-eerste-100", app.PersonQuery{Sort: app.SortByRelease, Limit: 100}},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				err := db.View(b.Context(), func(tx app.ReadTx) error {
					_, err := tx.SearchPersons(c.q)
					return err
				})
				if err != nil {
					b.Fatal(fmt.Errorf("%s: %w", c.name, err))
				}
			}
		})
	}
}

// A word that matches more than commonWordHits persons takes the other query shape;
// the page it returns is the same as the head of the full, unlimited result.
func TestSearchCommonWordSamePage(t *testing.T) {
	db, _ := openTest(t)
	update(t, db, func(tx app.Tx) error {
		for i := range commonWordHits + 300 {
			p := samplePerson("", "Jan"+strconv.Itoa(i), "van der", "Berg")
			if i%10 == 0 {
				p.Achternaam = "Öztürk"
			}
			p.SKN = strconv.Itoa(20_000_000 + i)
			if err := tx.CreatePerson(p); err != nil {
				return err
			}
		}
		return nil
	})
	for _, sort := range []app.PersonSort{app.SortByName, app.SortByRelease} {
		all := searchNames(t, db, app.PersonQuery{Zoek: "berg", Sort: sort})
		page := searchNames(t, db, app.PersonQuery{Zoek: "berg", Sort: sort, Limit: 50, Offset: 10})
		if len(all) <= commonWordHits || fmt.Sprint(page) != fmt.Sprint(all[10:60]) {
			t.Errorf("sort %d: page %v\nwant %v", sort, page, all[10:60])
		}
	}
}
