package sqlstore

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// Migration is one schema step: migrations/NNNN_name.sql of a store's files.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// LoadMigrations reads the steps migrations/*.sql from fsys and checks that they are
// numbered from 0001 without gaps.
func LoadMigrations(fsys fs.FS) ([]Migration, error) {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return nil, fmt.Errorf("migraties zoeken: %w", err)
	}
	sort.Strings(names)
	ms := make([]Migration, 0, len(names))
	for i, name := range names {
		m, err := readMigration(fsys, name)
		if err != nil {
			return nil, err
		}
		if m.Version != i+1 {
			return nil, fmt.Errorf("migratie %s: nummer %d verwacht", m.Name, i+1)
		}
		ms = append(ms, m)
	}
	return ms, nil
}

func readMigration(fsys fs.FS, name string) (Migration, error) {
	base := path.Base(name)
	num, _, ok := strings.Cut(base, "_")
	v, err := strconv.Atoi(num)
	if !ok || len(num) != 4 || err != nil {
		return Migration{}, fmt.Errorf("migratie %s: naam moet NNNN_omschrijving.sql zijn", base)
	}
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return Migration{}, fmt.Errorf("migratie %s lezen: %w", base, err)
	}
	return Migration{Version: v, Name: base, SQL: string(b)}, nil
}

// NewerSchemaError says the database was written by a newer release.
func NewerSchemaError(have, known int) error {
	return fmt.Errorf("de database is gemaakt door een nieuwere versie van Terugkeer (schema %d, deze versie kent %d)",
		have, known)
}
