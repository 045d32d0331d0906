package report_test

import (
	"context"
	"testing"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/report/reporttest"
)

// The person PDF prints a domain's recent notes (issue 18) under its follow-up, newest
// first, with who wrote them, and says how many older ones stay in Terugkeer; a revoked
// domain's notes are gone with it.
func TestPersonOverviewPrintsNotes(t *testing.T) {
	reporttest.NeedPDFToText(t)
	db := reporttest.Open(t)
	db.Detention(dvorak, "2019-02-01", "2019-06-03")
	db.Informatieblad(dvorak, reporttest.Sheet{Opgesteld: "2019-05-10",
		Consent: map[app.Domain]bool{app.Onderdak: true, app.Schulden: true}})
	ctx := context.Background()
	id := db.ID(dvorak.BSN)
	if err := db.Svc.SetSetting(ctx, app.SettingGebruiker, "K. Bakker"); err != nil {
		t.Fatal(err)
	}
	var last app.Note
	for _, text := range []string{"NOTEPDF-oudste", "NOTEPDF-twee", "NOTEPDF-drie", "NOTEPDF-nieuwste"} {
		n, err := db.Svc.AddNote(ctx, id, app.Onderdak, text)
		if err != nil {
			t.Fatal(err)
		}
		last = n
	}
	if _, err := db.Svc.CorrectNote(ctx, id, last.ID, "NOTEPDF-nieuwste verbeterd"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Svc.AddNote(ctx, id, app.Schulden, "NOTEPDF-schulden"); err != nil {
		t.Fatal(err)
	}
	db.Revoke(dvorak, "2019-05-20", app.Schulden)

	text := reporttest.PDFText(t, personPDF(t, db, dvorak.BSN, false), 0, 0)
	contains(t, text, "Aantekening 03-06-2019 10:15", "NOTEPDF-nieuwste verbeterd", "NOTEPDF-drie", "NOTEPDF-twee",
		"door K. Bakker (gewijzigd)", "Nog 1 oudere aantekening staat in Terugkeer.")
	lacks(t, text, "NOTEPDF-oudste", "NOTEPDF-schulden")
}
