package app_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/demo"
	"github.com/terugkeer/terugkeer/importers"
	"github.com/terugkeer/terugkeer/internal/apptest"
)

var benchNow = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

// benchService is a real service on a fresh SQLite file, initialised for 0193.
func benchService(b *testing.B) *app.Service {
	b.Helper()
	return apptest.Open(b, apptest.WithClock(benchNow)).Svc
}

var errEnough = errors.New("genoeg")

// messages generates n messages of the demo population.
func messages(b *testing.B, n int, o demo.Options) [][]byte {
	b.Helper()
	var out [][]byte
	err := demo.Generate(context.Background(), o, func(m demo.Bericht) error {
		if len(out) == n {
			return errEnough
		}
		out = append(out, m.Data)
		return nil
	})
	if err != nil && !errors.Is(err, errEnough) {
		b.Fatal(err)
	}
	return out
}

// BenchmarkImportDurable imports generated messages, each parsed, validated and
// committed in its own durable transaction (the path of terugkeer-cli import). The
// figure to read is msgs/s.
func BenchmarkImportDurable(b *testing.B) {
	svc := benchService(b)
	msgs := messages(b, max(b.N, 1), demo.Options{Personen: max(b.N, 1), Seed: 1, Nu: app.DateOf(benchNow)})
	b.ResetTimer()
	for i := range b.N {
		rs, err := svc.ImportBytes(b.Context(), fmt.Sprint(i), "", msgs[i%len(msgs)])
		if err != nil || rs[0].Resultaat == app.Quarantaine {
			b.Fatal(err, rs)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
}

// BenchmarkImportBatch imports the same messages with group commit (app.ImportBatch,
// the path of terugkeer-cli import since issue 19). The figure to read is msgs/s.
func BenchmarkImportBatch(b *testing.B) {
	svc := benchService(b)
	msgs := messages(b, max(b.N, 1), demo.Options{Personen: max(b.N, 1), Seed: 1, Nu: app.DateOf(benchNow)})
	b.ResetTimer()
	batch := svc.NewImportBatch(b.Context())
	var failed error
	for i := range b.N {
		err := batch.Add(app.ImportInput{Bron: fmt.Sprint(i), Raw: msgs[i%len(msgs)], Done: func(rs []app.Result, err error) {
			if failed == nil && (err != nil || rs[0].Resultaat == app.Quarantaine) {
				failed = fmt.Errorf("%v %v", err, rs)
			}
		}})
		if err != nil {
			b.Fatal(err)
		}
	}
	if err := batch.Close(); err != nil || failed != nil {
		b.Fatal(err, failed)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
}

// BenchmarkRevocationPurge revokes one domain of a person whose consent holds: the
// import, the purge and the WAL checkpoint that makes it irreversible.
func BenchmarkRevocationPurge(b *testing.B) {
	svc := benchService(b)
	o := demo.Options{Personen: 2000, Seed: 2, Nu: app.DateOf(benchNow)}
	var subjects []app.Subject
	var doms []app.Domain
	err := demo.Generate(b.Context(), o, func(m demo.Bericht) error {
		rs, err := svc.ImportBytes(b.Context(), m.Naam, "", m.Data)
		if err != nil {
			return err
		}
		if len(subjects) > b.N+1000 || rs[0].PersonID == 0 {
			return nil
		}
		msg, _ := importers.V1{}.Parse(m.Data)
		if msg.Informatieblad != nil {
			for _, d := range app.Domains() {
				if msg.Informatieblad.Toestemming[d] {
					subjects, doms = append(subjects, msg.Betrokkene), append(doms, d)
					break
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	on := app.DateOf(benchNow)
	b.ResetTimer()
	for i := range b.N {
		k := i % len(subjects)
		raw := demo.Intrekking("0193", fmt.Sprintf("PURGE-%d", i), subjects[k], on, doms[k])
		if _, err := svc.ImportBytes(b.Context(), "purge", "", raw); err != nil {
			b.Fatal(err)
		}
	}
}
