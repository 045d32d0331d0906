package storetest

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

func testUpdateRollsBackOnError(t *testing.T, open Opener) {
	db := open(t)
	boom := errors.New("boom")
	err := db.Update(context.Background(), func(tx app.Tx) error {
		if err := tx.CreatePerson(samplePerson(bsn1, "Jan", "", "Jansen")); err != nil {
			return err
		}
		if err := tx.SetSetting("gebruiker", "x"); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
	assertEmpty(t, db)
}

func testUpdateRollsBackOnPanic(t *testing.T, open Opener) {
	db := open(t)
	func() {
		defer func() {
			if recover() == nil {
				t.Error("panic was swallowed")
			}
		}()
		db.Update(context.Background(), func(tx app.Tx) error {
			tx.CreatePerson(samplePerson(bsn1, "Jan", "", "Jansen"))
			panic("boom")
		})
	}()
	assertEmpty(t, db)
	// The connection and the write lock were released.
	update(t, db, func(tx app.Tx) error { return tx.SetSetting("gebruiker", "y") })
}

func assertEmpty(t *testing.T, db app.Store) {
	t.Helper()
	view(t, db, func(tx app.ReadTx) error {
		rows, err := tx.SearchPersons(app.PersonQuery{})
		if len(rows) != 0 {
			t.Errorf("rolled-back person is stored: %d rows", len(rows))
		}
		v, _ := tx.Setting("gebruiker")
		if v != "" {
			t.Errorf("rolled-back setting is stored: %q", v)
		}
		return err
	})
}

func testViewHandsOutNoWriter(t *testing.T, open Opener) {
	db := open(t)
	view(t, db, func(tx app.ReadTx) error {
		if _, ok := tx.(app.Tx); ok {
			t.Error("View's transaction can be asserted to app.Tx")
		}
		return nil
	})
}

func testViewReturnsFnError(t *testing.T, open Opener) {
	db := open(t)
	boom := errors.New("boom")
	if err := db.View(context.Background(), func(app.ReadTx) error { return boom }); !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
}

func testConcurrentUpdates(t *testing.T, open Opener) {
	db := open(t)
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for i := range 20 {
		wg.Go(func() {
			errs <- db.Update(context.Background(), func(tx app.Tx) error {
				return tx.AddMessage(app.MessageRecord{Kenmerk: "K" + string(rune('a'+i)), Soort: app.MeldingBegin})
			})
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}
