package report_test

import (
	"context"
	"io"
	"testing"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/report"
)

// BenchmarkPersonOverview draws one person overview (the fixture's Şahin: three
// consented domains with follow-up and contacts) from its model.
func BenchmarkPersonOverview(b *testing.B) {
	db := fixture(b)
	r, err := db.Svc.PersonReport(context.Background(), db.ID(sahin.BSN), app.PersonReportOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := report.WritePerson(io.Discard, r); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReleaseList500 draws a release list of 500 persons.
func BenchmarkReleaseList500(b *testing.B) {
	l := syntheticList(500)
	b.ReportAllocs()
	for b.Loop() {
		if err := report.WriteReleases(io.Discard, l); err != nil {
			b.Fatal(err)
		}
	}
}
