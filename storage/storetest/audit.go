package storetest

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

func testAuditChain(t *testing.T, open Opener) {
	db := open(t)
	ctx := context.Background()
	t0 := time.Date(2019, 6, 3, 10, 0, 0, 0, time.UTC)
	err := db.Update(ctx, func(tx app.Tx) error {
		for i, actie := range []string{app.ActieImport, app.ActiePurge} {
			e := &app.AuditEntry{Tijd: t0.Add(time.Duration(i) * time.Minute), Actie: actie, Object: "persoon",
				ObjectID: 7, Domeinen: []app.Domain{app.Schulden}, Aantal: 3}
			if err := tx.AddAudit(e); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var es []app.AuditEntry
	err = db.View(ctx, func(tx app.ReadTx) error {
		var err error
		es, err = tx.AuditEntries(app.AuditFilter{})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 2 || es[0].PrevHash != "" || es[1].PrevHash != es[0].Hash {
		t.Fatalf("chain = %+v", es)
	}
	if !es[0].Intact("") || !es[1].Intact(es[0].Hash) {
		t.Error("stored entries do not verify")
	}
	es[1].Aantal = 4
	if es[1].Intact(es[0].Hash) {
		t.Error("an altered entry still verifies")
	}
	if len(es[1].Domeinen) != 1 || es[1].Domeinen[0] != app.Schulden || !es[1].Tijd.Equal(t0.Add(time.Minute)) {
		t.Errorf("round trip = %+v", es[1])
	}
}

// AuditEntries' filter: action, object id, [Van, Tot), and a limit on the oldest.
func testAuditFilter(t *testing.T, open Opener) {
	db := open(t)
	at := func(m int) time.Time { return t0.Add(time.Duration(m) * time.Minute) }
	update(t, db, func(tx app.Tx) error {
		for i, e := range []app.AuditEntry{
			{Actie: app.ActieImport, Object: "bericht", ObjectID: 1, Resultaat: "geimporteerd", Bron: "K1", Actor: "ik"},
			{Actie: app.ActieInzage, Object: "persoon", ObjectID: 7},
			{Actie: app.ActieInzage, Object: "persoon", ObjectID: 8},
			{Actie: app.ActiePurge, Object: "persoon", ObjectID: 7, Domeinen: []app.Domain{app.Zorg, app.Schulden}, Aantal: 2},
		} {
			e.Tijd = at(i)
			if err := tx.AddAudit(&e); err != nil {
				return err
			}
		}
		return nil
	})
	ids := func(f app.AuditFilter) []int64 {
		var out []int64
		view(t, db, func(tx app.ReadTx) error {
			es, err := tx.AuditEntries(f)
			for _, e := range es {
				out = append(out, e.ObjectID*10+int64(e.Tijd.Sub(t0)/time.Minute))
			}
			return err
		})
		return out
	}
	for _, c := range []struct {
		f    app.AuditFilter
		want []int64
	}{
		{app.AuditFilter{}, []int64{10, 71, 82, 73}},
		{app.AuditFilter{Actie: app.ActieInzage}, []int64{71, 82}},
		{app.AuditFilter{ObjectID: 7}, []int64{71, 73}},
		{app.AuditFilter{Van: at(1), Tot: at(3)}, []int64{71, 82}},
		{app.AuditFilter{Van: at(3)}, []int64{73}},
		{app.AuditFilter{Limit: 2}, []int64{10, 71}},
		{app.AuditFilter{Actie: app.ActieInzage, ObjectID: 8}, []int64{82}},
		{app.AuditFilter{Actie: "onbekend"}, nil},
	} {
		if got := ids(c.f); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%+v: %v, want %v", c.f, got, c.want)
		}
	}
	// A store that knows who signed in (PostgreSQL: the login role) writes that name, not
	// the one given.
	actor := "ik"
	if u, ok := db.(app.SessionUserStore); ok {
		actor = u.SessionUser()
	}
	view(t, db, func(tx app.ReadTx) error {
		es, err := tx.AuditEntries(app.AuditFilter{ObjectID: 1})
		if err != nil || len(es) != 1 || es[0].Object != "bericht" || es[0].Resultaat != "geimporteerd" ||
			es[0].Bron != "K1" || es[0].Actor != actor || len(es[0].Domeinen) != 0 {
			t.Errorf("round trip %+v %v", es, err)
		}
		es, _ = tx.AuditEntries(app.AuditFilter{Actie: app.ActiePurge})
		if len(es) != 1 || !reflect.DeepEqual(es[0].Domeinen, []app.Domain{app.Zorg, app.Schulden}) || es[0].Aantal != 2 {
			t.Errorf("domains %+v", es)
		}
		return err
	})
}

// Every append and every pruning rewrites the log's seal.
func testAuditSealFollowsTheLog(t *testing.T, open Opener) {
	db := open(t)
	seal := func() *app.AuditSeal {
		var s *app.AuditSeal
		view(t, db, func(tx app.ReadTx) (err error) { s, err = tx.AuditSeal(); return err })
		return s
	}
	for i := range 3 {
		update(t, db, func(tx app.Tx) error {
			return tx.AddAudit(&app.AuditEntry{Tijd: time.Date(2026, 1, 1, 0, 0, i, 0, time.UTC), Actie: app.ActieInzage})
		})
	}
	var es []app.AuditEntry
	view(t, db, func(tx app.ReadTx) (err error) { es, err = tx.AuditEntries(app.AuditFilter{}); return err })
	if s := seal(); s == nil || !s.Echt || s.Aantal != 3 || s.Anker != "" || s.Laatste != es[2].Hash {
		t.Fatalf("seal after 3 appends = %+v", s)
	}
	update(t, db, func(tx app.Tx) error { // as retention prunes
		if _, err := tx.DeleteAuditThrough(es[1].ID); err != nil {
			return err
		}
		return tx.SetSetting(app.SettingAuditAnker, es[1].Hash)
	})
	if s := seal(); s == nil || !s.Echt || s.Aantal != 1 || s.Anker != es[1].Hash || s.Laatste != es[2].Hash {
		t.Fatalf("seal after pruning 2 = %+v, want 1 entry from %s", s, es[1].Hash)
	}
}
