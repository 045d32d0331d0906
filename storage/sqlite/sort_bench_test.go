package sqlite

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// sortBenchDB is the database of the sort benchmarks: a copy of TERUGKEER_BENCH_DB when
// set (e.g. a 150,000-person demo database; the original is never opened), else n
// persons (TERUGKEER_BENCH_N) written through the store with varied dates of birth,
// inrichtingen, statuses, consent and follow-up.
func sortBenchDB(b *testing.B, n int) *DB {
	b.Helper()
	if src := os.Getenv("TERUGKEER_BENCH_DB"); src != "" {
		dst := filepath.Join(b.TempDir(), "bench.db")
		if err := copyFile(src, dst); err != nil {
			b.Fatal(err)
		}
		db, err := Open(dst)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { db.Close() })
		return db
	}
	if s := os.Getenv("TERUGKEER_BENCH_N"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	db, err := Open(b.TempDir() + "/bench.db")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	names := []string{"Öztürk", "Şahin", "Dvořák", "Nguyễn", "Berg", "Jansen", "Bakker", "Visser", "Kaya", "Novák"}
	places := []string{"PI Vught", "PI Zwolle", "PI Almelo", "PI Haaglanden", "PI Rotterdam", "PI Leeuwarden", ""}
	consents := []app.ConsentState{app.ConsentJa, app.ConsentJa, app.ConsentNee, app.ConsentIngetrokken, app.ConsentOnbekend}
	statuses := app.FollowupStatuses()
	base := app.MustDate("2022-01-01")
	born := app.MustDate("1960-01-01")
	err = db.Update(b.Context(), func(tx app.Tx) error {
		for i := range n {
			p := &app.Person{SKN: strconv.Itoa(10_000_000 + i), Voornamen: "Zoë", Achternaam: names[i%len(names)] + strconv.Itoa(i%997),
				Aangemaakt: time.Now().UTC()}
			if i%50 != 0 {
				p.Geboortedatum = born.AddDays(i * 7 % 15000)
			}
			if err := tx.CreatePerson(p); err != nil {
				return err
			}
			if i%20 != 0 {
				begin := base.AddDays(i % 1500)
				d := &app.Detention{PersonID: p.ID, Begindatum: begin, Inrichting: places[i%len(places)],
					Einddatum: begin.AddDays(30 + i%400), EinddatumStatus: []string{app.EindVerwacht, app.EindDefinitief}[i%2]}
				if err := tx.SaveDetention(d); err != nil {
					return err
				}
			}
			states := map[app.Domain]app.ConsentState{}
			for j, d := range app.Domains() {
				states[d] = consents[(i+j)%len(consents)]
				if states[d] == app.ConsentJa && (i+j)%3 != 0 {
					f := app.Followup{PersonID: p.ID, Domain: d, Status: statuses[(i/3+j)%len(statuses)], Gewijzigd: time.Now().UTC()}
					if err := tx.SaveFollowup(f); err != nil {
						return err
					}
				}
			}
			if err := tx.SaveConsentStates(p.ID, states); err != nil {
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

// BenchmarkSortPage is one page of the Personen list (100 rows and their domain states,
// as app.Service.PersonList reads them) for every sort key both ways: the first page
// and one in the middle of the list (Offset half the persons). Reports the median and
// 95th percentile of the runs besides ns/op.
func BenchmarkSortPage(b *testing.B) {
	db := sortBenchDB(b, 20_000)
	var total int
	if err := db.View(b.Context(), func(tx app.ReadTx) error {
		var err error
		total, err = tx.CountPersons(app.PersonQuery{})
		return err
	}); err != nil {
		b.Fatal(err)
	}
	type sortCase struct {
		name string
		q    app.PersonQuery
	}
	cases := []sortCase{{"naam", app.PersonQuery{Sort: app.SortByName}}, {"vrijlating", app.PersonQuery{Sort: app.SortByRelease}},
		{"status", app.PersonQuery{Sort: app.SortByEindStatus}}, {"geboortedatum", app.PersonQuery{Sort: app.SortByBirth}},
		{"inrichting", app.PersonQuery{Sort: app.SortByInrichting}}}
	for _, d := range app.Domains() {
		cases = append(cases, sortCase{string(d), app.PersonQuery{Sort: app.SortByDomein, SortDomein: d}})
	}
	for _, c := range cases {
		for _, desc := range []bool{false, true} {
			for _, page := range []struct {
				name   string
				offset int
			}{{"eerste", 0}, {"midden", total / 2 / 100 * 100}} {
				q := c.q
				q.Desc, q.Limit, q.Offset = desc, 100, page.offset
				way := "op"
				if desc {
					way = "af"
				}
				b.Run(fmt.Sprintf("%s/%s/%s", c.name, way, page.name), func(b *testing.B) {
					var runs []time.Duration
					for b.Loop() {
						start := time.Now()
						err := db.View(b.Context(), func(tx app.ReadTx) error {
							rows, err := tx.SearchPersons(q)
							if err != nil {
								return err
							}
							ids := make([]int64, len(rows))
							for i, r := range rows {
								ids[i] = r.ID
							}
							_, err = tx.ListDomainStates(ids)
							return err
						})
						if err != nil {
							b.Fatal(err)
						}
						runs = append(runs, time.Since(start))
					}
					slices.Sort(runs)
					b.ReportMetric(float64(runs[len(runs)/2].Microseconds())/1000, "median-ms")
					b.ReportMetric(float64(runs[len(runs)*95/100].Microseconds())/1000, "p95-ms")
				})
			}
		}
	}
}
