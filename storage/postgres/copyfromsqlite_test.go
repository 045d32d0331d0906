package postgres

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// A table on one side only is refused, naming it, so that a migration of one backend
// without the other is never skipped silently.
func TestSameTablesNamesATableOnOneSideOnly(t *testing.T) {
	src := map[string]sqliteTable{"persons": {}, "audit": {}, "nieuw_in_sqlite": {}}
	err := sameTables(src, []string{"audit", "persons", "nieuw_in_postgres"})
	if !errors.Is(err, ErrSchemaMismatch) || !strings.Contains(err.Error(), "alleen in SQLite: nieuw_in_sqlite") ||
		!strings.Contains(err.Error(), "alleen in PostgreSQL: nieuw_in_postgres") {
		t.Errorf("err = %v", err)
	}
	if err := sameTables(map[string]sqliteTable{"persons": {}}, []string{"persons"}); err != nil {
		t.Errorf("same tables: %v", err)
	}
}

// A column the target lacks would be lost: refused, naming it.
func TestCommonColumnsRefusesAColumnOnlyInSQLite(t *testing.T) {
	dst := []pgColumn{{name: "id"}, {name: "naam"}, {name: "volgorde", identity: true}}
	cols, err := commonColumns("t", []string{"naam", "id"}, dst)
	if err != nil || len(cols) != 2 || cols[0].name != "naam" || cols[1].name != "id" {
		t.Errorf("cols = %v, err = %v", cols, err)
	}
	_, err = commonColumns("t", []string{"id", "extra"}, dst)
	if !errors.Is(err, ErrSchemaMismatch) || !strings.Contains(err.Error(), "t.extra") {
		t.Errorf("err = %v", err)
	}
}

// Every table comes after the tables its foreign keys refer to.
func TestParentsFirst(t *testing.T) {
	got, err := parentsFirst([]string{"imap_uids", "audit", "persons", "imap_mailboxes", "contacts"},
		map[string][]string{"contacts": {"persons"}, "imap_uids": {"imap_mailboxes"}})
	want := []string{"audit", "imap_mailboxes", "imap_uids", "persons", "contacts"}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("got %v, %v; want %v", got, err, want)
	}
	if _, err := parentsFirst([]string{"a", "b"}, map[string][]string{"a": {"b"}, "b": {"a"}}); !errors.Is(err, ErrSchemaMismatch) {
		t.Errorf("a cycle: %v", err)
	}
}

// SQLite's 0/1 becomes a boolean, a BLOB or text bytea; a value that does not fit is
// an error without the value.
func TestConvertSQLite(t *testing.T) {
	for _, c := range []struct {
		in       any
		dataType string
		want     any
	}{
		{int64(1), "boolean", true}, {int64(0), "boolean", false}, {nil, "boolean", nil},
		{"abc", "bytea", []byte("abc")}, {[]byte{1, 2}, "bytea", []byte{1, 2}},
		{[]byte("x"), "text", "x"}, {int64(7), "bigint", int64(7)},
	} {
		got, err := convertSQLite(c.in, c.dataType)
		if err != nil {
			t.Errorf("%v as %s: %v", c.in, c.dataType, err)
			continue
		}
		if b, ok := c.want.([]byte); ok {
			if gb, _ := got.([]byte); string(gb) != string(b) {
				t.Errorf("%v as %s = %v", c.in, c.dataType, got)
			}
		} else if got != c.want {
			t.Errorf("%v as %s = %v", c.in, c.dataType, got)
		}
	}
	if _, err := convertSQLite("999990019", "bigint"); err == nil || strings.Contains(err.Error(), "999990019") {
		t.Errorf("err = %v", err)
	}
	if _, err := convertSQLite(int64(2), "boolean"); err == nil {
		t.Error("2 as boolean: no error")
	}
}
