package sqlite

import (
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

// The installation key lives among the settings on SQLite, but SetSetting cannot
// overwrite it (the rest of its behaviour is in storetest).
func TestSecretKeyNotASetting(t *testing.T) {
	db, _ := openTest(t)
	update(t, db, func(tx app.Tx) error { _, err := tx.SecretKey(); return err })
	err := db.Update(t.Context(), func(tx app.Tx) error { return tx.SetSetting(secretKeySetting, "00") })
	if err == nil {
		t.Error("the secret key could be overwritten through SetSetting")
	}
}
