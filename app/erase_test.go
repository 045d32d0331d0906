package app_test

import (
	"context"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/internal/apptest"
)

// owesRewrite reports what EraseOwed finds to rewrite now (and rewrites it); false on a
// store that never owes anything (SQLite).
func owesRewrite(t *testing.T, w *apptest.World) ([]string, bool) {
	t.Helper()
	rep, ok, err := w.Svc.EraseOwed(context.Background())
	if err != nil {
		t.Fatalf("EraseOwed: %v", err)
	}
	if len(rep.Owed) > 0 {
		t.Fatalf("left owed: %+v", rep.Owed)
	}
	return rep.Rewritten, ok
}

// A revocation imported through an ImportBatch leaves nothing owed once the batch is
// closed: Close rewrote the purged tables. One imported alone (ImportBytes) leaves them
// owed until a later run rewrites them. SQLite owes nothing at all.
func TestImportBatchCloseRewritesWhatItsPurgesOwe(t *testing.T) {
	w := apptest.Open(t)
	subject := apptest.Subject("999990019", "Visser")
	w.MustImport(apptest.XML(apptest.Melding(subject, "2019-05-01", "2019-08-01")))
	sheet := apptest.Sheet(subject, "2019-06-01", app.Zorg, app.Onderdak)
	sheet.Informatieblad.Hulpvragen[app.Zorg] = "hulp bij zorg"
	sheet.Informatieblad.Hulpvragen[app.Onderdak] = "hulp bij onderdak"
	w.MustImport(apptest.XML(sheet))
	w.MustImport(apptest.XML(apptest.Revocation(subject, "2019-07-01", app.Zorg)))
	rewritten, ok := owesRewrite(t, w)
	if !ok {
		if w.Backend == apptest.Postgres {
			t.Fatal("the PostgreSQL store is no app.Eraser")
		}
		return // SQLite: secure_delete, nothing owed
	}
	if len(rewritten) == 0 {
		t.Fatal("a revocation imported alone left nothing owed: the check below could not fail")
	}
	// The batch revokes onderdak, whose hulpvraag is still stored.
	b := w.Svc.NewImportBatch(context.Background())
	if err := b.Add(app.ImportInput{Bron: "intrekking.xml", Raw: apptest.XML(apptest.Revocation(subject, "2019-07-02", app.Onderdak))}); err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if rewritten, _ := owesRewrite(t, w); len(rewritten) != 0 {
		t.Errorf("owed after the batch was closed: %v", rewritten)
	}
}

// A retention run that removed persons leaves nothing owed: it rewrote at the end.
func TestRetentionRunRewritesWhatItRemoved(t *testing.T) {
	w := apptest.Open(t)
	subject := apptest.Subject("999990019", "Visser")
	w.MustImport(apptest.XML(apptest.Melding(subject, "2010-05-01", "2010-08-01")))
	rep, err := w.Svc.RunRetention(context.Background(), time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC), false)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Personen) != 1 {
		t.Fatalf("the run removed %d persons, want 1: the check below could not fail", len(rep.Personen))
	}
	if rewritten, ok := owesRewrite(t, w); ok && len(rewritten) != 0 {
		t.Errorf("owed after the retention run: %v", rewritten)
	}
}
