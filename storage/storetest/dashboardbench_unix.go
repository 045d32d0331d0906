//go:build unix

package storetest

import (
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// BenchDashboard runs Service.Dashboard, and each of its reads alone, on st (a backend's
// BenchmarkDashboard opens a demo database and hands it over; the benchmark only reads).
// Today is TERUGKEER_DASH_NU (default 2026-11-30, the --nu of the demo it was made for).
// Each sub-benchmark also reports the process's CPU time per call (cpu-ns/op).
func BenchDashboard(b *testing.B, st app.Store) {
	nu := "2026-11-30"
	if s := os.Getenv("TERUGKEER_DASH_NU"); s != "" {
		nu = s
	}
	loc, err := app.LoadZone()
	if err != nil {
		b.Fatal(err)
	}
	now, err := time.ParseInLocation("2006-01-02 15:04", nu+" 09:00", loc)
	if err != nil {
		b.Fatal(err)
	}
	days := app.DefaultSignalDays
	svc := app.NewService(st, nil, func() time.Time { return now })
	b.Run("service", func(b *testing.B) {
		cpu := cpuTime()
		for b.Loop() {
			if _, err := svc.Dashboard(b.Context(), now, days); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
	})
	for _, r := range dashboardReads(app.DateOf(now), days) {
		b.Run(r.name, func(b *testing.B) {
			cpu := cpuTime()
			for b.Loop() {
				if err := st.View(b.Context(), r.f); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
		})
	}
}

// dashboardRead is one of the reads Service.Dashboard makes.
type dashboardRead struct {
	name string
	f    func(tx app.ReadTx) error
}

// dashboardReads are the reads of the dashboard of today with a window of days.
func dashboardReads(today app.Date, days int) []dashboardRead {
	ahead := today.AddDays(7 * app.ReleaseWeeks)
	last := today.AddDays(days)
	reads := []dashboardRead{
		{"releases", func(tx app.ReadTx) error {
			_, err := tx.SearchPersons(app.PersonQuery{ReleaseFrom: today, ReleaseTo: ahead, Sort: app.SortByRelease, Limit: app.MaxReleases})
			return err
		}},
		{"count-releases", func(tx app.ReadTx) error { _, err := tx.CountReleases(today, ahead); return err }},
		{"overdue", func(tx app.ReadTx) error { _, _, err := tx.OverdueActions(today, app.MaxSignals); return err }},
		{"agreements", func(tx app.ReadTx) error {
			_, _, err := tx.GemeenteAgreementsDue(today, last, app.MaxSignals)
			return err
		}},
		{"quarantine", func(tx app.ReadTx) error { _, err := tx.QuarantineList(); return err }},
		{"arrivals", func(tx app.ReadTx) error {
			_, _, err := tx.ArrivalsSince(time.Time{}, app.MaxArrivals, app.MaxArrivalCount+1)
			return err
		}},
		{"release-followups", func(tx app.ReadTx) error { _, err := tx.ReleaseFollowups(today, last); return err }},
		{"release-contacts", func(tx app.ReadTx) error { _, err := tx.ReleaseContactCounts(today, last); return err }},
		{"release-consents", func(tx app.ReadTx) error { _, err := tx.ReleaseConsentStates(today, last); return err }},
		{"release-plans", func(tx app.ReadTx) error { _, err := tx.ReleasePlanDomains(today, last); return err }},
	}
	for _, k := range []app.SignalKind{app.SignaalNietGeregeld, app.SignaalGeenContact, app.SignaalControleNodig, app.SignaalEinddatumVerstreken} {
		reads = append(reads, dashboardRead{"signal-" + string(k), func(tx app.ReadTx) error {
			_, _, err := tx.SignalPersons(k, today, days, app.MaxSignals)
			return err
		}})
	}
	return reads
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
