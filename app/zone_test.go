package app_test

import (
	"context"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/internal/apptest"
)

// A PC (or VDI server) whose zone is UTC: the service's clock, the report header and
// every contact time still read Europe/Amsterdam, and "today" is Amsterdam's date.
func TestServiceClockReadsAmsterdamOnAUTCComputer(t *testing.T) {
	old := time.Local
	time.Local = time.UTC
	t.Cleanup(func() { time.Local = old })

	// 22:30 UTC on 2 March is 23:30 in Amsterdam; 23:30 UTC is already 3 March there.
	utc := time.Date(2026, 3, 2, 23, 30, 0, 0, time.UTC)
	svc := apptest.Open(t, apptest.WithClock(utc), apptest.WithGemeenten()).Svc

	now := svc.Now()
	if now.Location().String() != app.ZoneName {
		t.Fatalf("clock location = %s, want %s", now.Location(), app.ZoneName)
	}
	if got := now.Format("02-01-2006 15:04"); got != "03-03-2026 00:30" {
		t.Errorf("clock reads %s, want 03-03-2026 00:30", got)
	}
	if err := svc.Init(context.Background(), []string{"0193"}); err != nil {
		t.Fatal(err)
	}
	rel, err := svc.ReleaseReport(context.Background(), utc, 1)
	if err != nil {
		t.Fatal(err)
	}
	if got := rel.Kop.Afgedrukt.Format("15:04"); got != "00:30" {
		t.Errorf("release list printed at %s, want 00:30 (Amsterdam)", got)
	}
	if got := rel.Van.String(); got != "2026-03-03" {
		t.Errorf("release list starts %s, want Amsterdam's today 2026-03-03", got)
	}
}
