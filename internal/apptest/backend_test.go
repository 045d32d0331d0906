package apptest

import (
	"fmt"
	"testing"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/postgres"
	"github.com/terugkeer/terugkeer/storage/sqlite"
)

// Each backend BackendEnv names gives a World on a store of that backend, whose OnDisk
// finds what was imported and no longer finds what was removed, and whose Exec reaches
// the database past the store.
func TestBackends(t *testing.T) {
	for _, backend := range []string{SQLite, Postgres} {
		t.Run(backend, func(t *testing.T) {
			t.Setenv(BackendEnv, backend)
			w := Open(t)
			switch w.Backend {
			case SQLite:
				if _, ok := w.Store.(*sqlite.DB); !ok || w.DB == nil || w.Path == "" || w.Source != w.Path {
					t.Errorf("SQLite world: store %T, DB %v, path %q, source %q", w.Store, w.DB, w.Path, w.Source)
				}
			case Postgres:
				if _, ok := w.Store.(*postgres.DB); !ok || w.DB != nil || w.Path != "" || !postgres.IsURI(w.Source) {
					t.Errorf("PostgreSQL world: store %T, DB %v, path %q", w.Store, w.DB, w.Path)
				}
			default:
				t.Fatalf("backend %q, want %q", w.Backend, backend)
			}
			r := w.MustImport(XML(Melding(Subject("999990019", "Qwyxberg"), "2019-05-20", "")))
			if !w.OnDisk("QWYXBERG") || w.OnDisk("Zwyqberg") {
				t.Errorf("OnDisk after the import: Qwyxberg %v, Zwyqberg %v", w.OnDisk("QWYXBERG"), w.OnDisk("Zwyqberg"))
			}
			if err := w.Svc.SetSetting(t.Context(), app.SettingGebruiker, "T. Tester"); err != nil {
				t.Fatal(err)
			}
			w.Exec(`DELETE FROM settings WHERE key = 'gebruiker'`)
			if v, err := w.Svc.Setting(t.Context(), app.SettingGebruiker); err != nil || v != "" {
				t.Errorf("setting after Exec's DELETE: %q, %v", v, err)
			}
			w.Exec(fmt.Sprintf(`DELETE FROM persons WHERE id = %d`, r.PersonID))
			if backend == Postgres && w.OnDisk("qwyxberg") { // SQLite's freed pages may still hold it
				t.Error("OnDisk finds the removed person's name")
			}
		})
	}
}
