package ui

import (
	"fmt"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/internal/apptest"
)

// A tap on the Onderdak header sorts the list, on a real database, by that domain's
// status in app's order (open, in behandeling, geregeld, niet nodig, niet bereikbaar),
// the persons without follow-up (nee, ingetrokken, —) last; a second tap the other way
// round, those still last (issue 18 item 7).
func TestDomainHeaderSortsRealList(t *testing.T) {
	w := apptest.Open(t, apptest.WithClock(exampleNow))
	consents := []app.ConsentState{app.ConsentJa, app.ConsentNee, app.ConsentJa, app.ConsentIngetrokken, app.ConsentJa, app.ConsentOnbekend, app.ConsentJa}
	statuses := []app.FollowupStatus{app.FollowupNietBereikbaar, "", app.FollowupGeregeld, "", "", "", app.FollowupInBehandeling}
	err := w.Store.Update(t.Context(), func(tx app.Tx) error {
		for i, c := range consents {
			p := &app.Person{SKN: fmt.Sprint(80_000_000 + i), Voornamen: "Jan", Achternaam: fmt.Sprint("Persoon", 7-i), Aangemaakt: exampleNow}
			if err := tx.CreatePerson(p); err != nil {
				return err
			}
			if err := tx.SaveConsentStates(p.ID, map[app.Domain]app.ConsentState{app.Onderdak: c}); err != nil {
				return err
			}
			if s := statuses[i]; s != "" {
				if err := tx.SaveFollowup(app.Followup{PersonID: p.ID, Domain: app.Onderdak, Status: s, Gewijzigd: exampleNow}); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	v, _, bg, _ := newPersonsView(t, w.Svc, nil)
	v.release.SetSelectedIndex(slices.Index(releaseWindows, 0)) // every release date: these have none
	bg.Wait()
	header := v.table.CreateHeader().(*sortHeader)
	v.table.UpdateHeader(widget.TableCellID{Row: -1, Col: colDomain + 1}, header)
	onderdak := func() (out []string) {
		for _, r := range tableRows(v) {
			out = append(out, r[colDomain+1])
		}
		return out
	}
	before := onderdak()
	test.Tap(header)
	bg.Wait()
	// Those without follow-up by name: Persoon2 (onbekend), Persoon4, Persoon6.
	if got, want := onderdak(), []string{"open", "in beh.", "geregeld", "n. bereikb.", "—", "ingetr.", "nee"}; !slices.Equal(got, want) {
		t.Errorf("sorted by onderdak: %q, want %q (before: %q)", got, want, before)
	}
	test.Tap(header)
	bg.Wait()
	if got, want := onderdak(), []string{"n. bereikb.", "geregeld", "in beh.", "open", "nee", "ingetr.", "—"}; !slices.Equal(got, want) {
		t.Errorf("sorted by onderdak, descending: %q, want %q", got, want)
	}
}
