package postgres

import (
	"bytes"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

func TestSettings(t *testing.T) {
	db, _ := openTest(t)
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

func TestSecretKeyCreatedOnce(t *testing.T) {
	db, path := openTest(t)
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
	db.Close()
	db2, err := Open(t.Context(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	update(t, db2, func(tx app.Tx) error {
		var err error
		k3, err = tx.SecretKey()
		return err
	})
	if len(k1) != 32 || bytes.Equal(k1, make([]byte, 32)) {
		t.Fatalf("key %x", k1)
	}
	if !bytes.Equal(k1, k2) || !bytes.Equal(k1, k3) {
		t.Fatal("secret key changed")
	}
	other, _ := openTest(t)
	update(t, other, func(tx app.Tx) error {
		k, err := tx.SecretKey()
		if bytes.Equal(k, k1) {
			t.Error("two installations share a key")
		}
		return err
	})
	err = db2.Update(t.Context(), func(tx app.Tx) error { return tx.SetSetting(secretKeySetting, "00") })
	if err == nil {
		t.Error("the secret key could be overwritten through SetSetting")
	}
}
