//go:build unix

package postgres

import (
	"os"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// BenchmarkDashboard runs Service.Dashboard, and each of its reads alone, on the
// PostgreSQL database at TERUGKEER_PG_DASH_URI (e.g. a demo of 150,000 persons brought
// over with db migreer; the benchmark only reads), as storage/sqlite's on a file; today
// is TERUGKEER_DASH_NU (default 2026-11-30). Skipped without the URI.
func BenchmarkDashboard(b *testing.B) {
	uri := os.Getenv("TERUGKEER_PG_DASH_URI")
	if uri == "" {
		b.Skip("TERUGKEER_PG_DASH_URI not set")
	}
	nu := "2026-11-30"
	if s := os.Getenv("TERUGKEER_DASH_NU"); s != "" {
		nu = s
	}
	db, err := Open(b.Context(), uri, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	loc, err := app.LoadZone()
	if err != nil {
		b.Fatal(err)
	}
	now, err := time.ParseInLocation("2006-01-02 15:04", nu+" 09:00", loc)
	if err != nil {
		b.Fatal(err)
	}
	today, days := app.DateOf(now), app.DefaultSignalDays
	svc := app.NewService(db, nil, func() time.Time { return now })
	b.Run("service", func(b *testing.B) {
		cpu := cpuTime()
		for b.Loop() {
			if _, err := svc.Dashboard(b.Context(), now, days); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
	})
	ahead := today.AddDays(7 * app.ReleaseWeeks)
	reads := []struct {
		name string
		f    func(tx app.ReadTx) error
	}{
		{"releases", func(tx app.ReadTx) error {
			_, err := tx.SearchPersons(app.PersonQuery{ReleaseFrom: today, ReleaseTo: ahead, Sort: app.SortByRelease, Limit: app.MaxReleases})
			return err
		}},
		{"count-releases", func(tx app.ReadTx) error { _, err := tx.CountReleases(today, ahead); return err }},
		{"overdue", func(tx app.ReadTx) error { _, _, err := tx.OverdueActions(today, app.MaxSignals); return err }},
		{"agreements", func(tx app.ReadTx) error {
			_, _, err := tx.GemeenteAgreementsDue(today, today.AddDays(days), app.MaxSignals)
			return err
		}},
		{"quarantine", func(tx app.ReadTx) error { _, err := tx.QuarantineList(); return err }},
		{"arrivals", func(tx app.ReadTx) error {
			_, _, err := tx.ArrivalsSince(time.Time{}, app.MaxArrivals, app.MaxArrivalCount+1)
			return err
		}},
		{"release-followups", func(tx app.ReadTx) error { _, err := tx.ReleaseFollowups(today, today.AddDays(days)); return err }},
		{"release-contacts", func(tx app.ReadTx) error { _, err := tx.ReleaseContactCounts(today, today.AddDays(days)); return err }},
		{"release-consents", func(tx app.ReadTx) error { _, err := tx.ReleaseConsentStates(today, today.AddDays(days)); return err }},
		{"release-plans", func(tx app.ReadTx) error { _, err := tx.ReleasePlanDomains(today, today.AddDays(days)); return err }},
	}
	for _, k := range []app.SignalKind{app.SignaalNietGeregeld, app.SignaalGeenContact, app.SignaalControleNodig, app.SignaalEinddatumVerstreken} {
		reads = append(reads, struct {
			name string
			f    func(tx app.ReadTx) error
		}{"signal-" + string(k), func(tx app.ReadTx) error { _, _, err := tx.SignalPersons(k, today, days, app.MaxSignals); return err }})
	}
	for _, r := range reads {
		b.Run(r.name, func(b *testing.B) {
			cpu := cpuTime()
			for b.Loop() {
				if err := db.View(b.Context(), r.f); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
		})
	}
}

// cpuTime is the CPU time of this process so far (user and system, every thread): on a
// loaded machine a steadier figure than the wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkSearch runs the searches of bench with a common word ('berg') and two words
// on the database at TERUGKEER_PG_DASH_URI, as the Personen list asks them (50 by
// name, and the next page). Skipped without the URI.
func BenchmarkSearch(b *testing.B) {
	uri := os.Getenv("TERUGKEER_PG_DASH_URI")
	if uri == "" {
		b.Skip("TERUGKEER_PG_DASH_URI not set")
	}
	db, err := Open(b.Context(), uri, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	for _, q := range []app.PersonQuery{{Zoek: "berg", Limit: 50}, {Zoek: "berg", Limit: 50, Offset: 50},
		{Zoek: "zoe sahin", Limit: 50}, {Sort: app.SortByRelease, Limit: 100}} {
		b.Run(q.Zoek+"-"+strconv.Itoa(q.Offset), func(b *testing.B) {
			for b.Loop() {
				if err := db.View(b.Context(), func(tx app.ReadTx) error {
					_, err := tx.SearchPersons(q)
					return err
				}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
