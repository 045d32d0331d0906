package storetest

import (
	"bytes"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

func testSettings(t *testing.T, open Opener) {
	db := open(t)
	view(t, db, func(tx app.ReadTx) error {
		v, err := tx.Setting(app.SettingGemeenten)
		if v != "" {
			t.Errorf("unset setting = %q", v)
		}
		return err
	})
	update(t, db, func(tx app.Tx) error { return tx.SetSetting(app.SettingGemeenten, "0193") })
	update(t, db, func(tx app.Tx) error { return tx.SetSetting(app.SettingGemeenten, "0193,0363") })
	view(t, db, func(tx app.ReadTx) error {
		v, err := tx.Setting(app.SettingGemeenten)
		if v != "0193,0363" {
			t.Errorf("setting = %q", v)
		}
		return err
	})
}

func testSecretKeyCreatedOnce(t *testing.T, open Opener) {
	db := open(t)
	var k1, k2, k3 []byte
	update(t, db, func(tx app.Tx) error {
		var err error
		k1, err = tx.SecretKey()
		return err
	})
	update(t, db, func(tx app.Tx) error {
		var err error
		k2, err = tx.SecretKey()
		return err
	})
	k3 = k2
	if in, ok := db.(Inspector); ok {
		update(t, in.Reopen(t), func(tx app.Tx) error {
			var err error
			k3, err = tx.SecretKey()
			return err
		})
	}
	if len(k1) != 32 || bytes.Equal(k1, make([]byte, 32)) {
		t.Fatalf("key %x", k1)
	}
	if !bytes.Equal(k1, k2) || !bytes.Equal(k1, k3) {
		t.Fatal("secret key changed")
	}
	other := open(t)
	update(t, other, func(tx app.Tx) error {
		k, err := tx.SecretKey()
		if bytes.Equal(k, k1) {
			t.Error("two installations share a key")
		}
		return err
	})
}
