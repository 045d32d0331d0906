package sqlite

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

var t0 = time.Date(2019, 8, 1, 12, 0, 0, 0, time.UTC)

// The forensic technique of forensic_test.go for the follow-up tables: a purge of the
// domain leaves no trace of the note, the action or the name, in the file or the WAL.
func TestFollowupPurgeLeavesNoTrace(t *testing.T) {
	for _, checkpointFirst := range []bool{false, true} {
		db, path := openTest(t)
		id := createPerson(t, db, samplePerson(bsn1, "Jan", "", "Jansen"))
		const m = "MARKER-c0ffee"
		update(t, db, func(tx app.Tx) error {
			if err := tx.SaveFollowup(app.Followup{PersonID: id, Domain: app.Zorg, Status: app.FollowupOpen,
				Verantwoordelijke: m + "-verantw", Actie: m + "-actie", Actiedatum: app.MustDate("2019-08-01"), Gewijzigd: t0}); err != nil {
				return err
			}
			if err := tx.AddStatusChange(app.StatusChange{PersonID: id, Domain: app.Zorg, Tijd: t0, Door: m + "-door",
				Van: app.FollowupOpen, Naar: app.FollowupInBehandeling}); err != nil {
				return err
			}
			return tx.AddContact(&app.ContactMoment{PersonID: id, Domain: app.Zorg, Tijd: t0, Kanaal: app.KanaalTelefoon,
				Met: m + "-met", Notitie: "ggz-verslag " + m + "-notitie", Vastgelegd: t0})
		})
		if checkpointFirst {
			db.writeMu.Lock()
			_, err := db.checkpoint(t.Context(), true)
			db.writeMu.Unlock()
			if err != nil {
				t.Fatal(err)
			}
		}
		dir := filepath.Dir(path)
		for _, part := range []string{"-verantw", "-actie", "-door", "-met", "-notitie"} {
			if !markerOnDisk(t, dir, m+part) {
				t.Fatalf("marker %s not on disk before the purge: the test cannot fail", part)
			}
		}
		update(t, db, func(tx app.Tx) error { _, err := tx.PurgeDomainData(id, app.Zorg); return err })
		if markerOnDisk(t, dir, m) {
			t.Errorf("checkpoint first %v: a follow-up marker is still on disk after the purge", checkpointFirst)
		}
	}
}
