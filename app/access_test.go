package app_test

import (
	"context"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// "Wie heeft dit dossier ingezien" (issue 16 item 5): a person's audit entries, newest
// first, bounded, with the true total; reading them is no inzage itself.
func TestPersonAccessNewestFirstBounded(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	w.mustImport(melding("999990019", "Jansen", "2019-06-01", "2019-09-10"))
	w.mustImport(melding("999990032", "Klaassen", "2019-06-01", "2019-09-20"))
	jansen, klaassen := w.personID("999990019"), w.personID("999990032")
	for i, who := range []string{"Petra", "Ahmed", "Petra"} {
		w.clock = w.clock.Add(time.Hour)
		if err := w.svc.SetSetting(ctx, app.SettingGebruiker, who); err != nil {
			t.Fatal(err)
		}
		if _, err := w.svc.PersonFile(ctx, jansen); err != nil {
			t.Fatal(i, err)
		}
	}
	if _, err := w.svc.PersonFile(ctx, klaassen); err != nil {
		t.Fatal(err)
	}
	before := len(w.audit(""))

	all, err := w.svc.PersonAccess(ctx, jansen, 0)
	if err != nil {
		t.Fatal(err)
	}
	// The import and three views.
	if all.Totaal != 4 || len(all.Entries) != 4 {
		t.Fatalf("total %d, %d entries; want 4, 4", all.Totaal, len(all.Entries))
	}
	for i, e := range all.Entries {
		if e.ObjectID != jansen || e.Object != app.ObjectPersoon {
			t.Errorf("entry %d about %s %d", i, e.Object, e.ObjectID)
		}
		if i > 0 && e.ID >= all.Entries[i-1].ID {
			t.Errorf("entry %d (id %d) not older than the one before (%d)", i, e.ID, all.Entries[i-1].ID)
		}
	}
	if e := all.Entries[len(all.Entries)-1]; e.Actie != app.ActieImport {
		t.Errorf("oldest entry: %s, want the import", e.Actie)
	}
	last, err := w.svc.PersonAccess(ctx, jansen, 2)
	if err != nil {
		t.Fatal(err)
	}
	if last.Totaal != 4 || len(last.Entries) != 2 {
		t.Fatalf("limit 2: total %d, %d entries", last.Totaal, len(last.Entries))
	}
	// On a team database the actor is the signed-in login role, whatever the setting.
	newest, before2 := "Petra", "Ahmed"
	if me, ok := w.svc.SignedIn(); ok {
		newest, before2 = me, me
	}
	if a, b := last.Entries[0], last.Entries[1]; a.Actie != app.ActieInzage || a.Actor != newest || b.Actor != before2 ||
		!a.Tijd.After(b.Tijd) {
		t.Errorf("newest two: %s by %s at %s, %s by %s at %s", a.Actie, a.Actor, a.Tijd, b.Actie, b.Actor, b.Tijd)
	}
	if after := len(w.audit("")); after != before {
		t.Errorf("reading who viewed the file wrote %d audit entries", after-before)
	}
}
