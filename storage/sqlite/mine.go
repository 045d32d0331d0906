package sqlite

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/terugkeer/terugkeer/app"
)

// responsibles returns the spellings of PersonQuery.Verantwoordelijke among the
// follow-ups' verantwoordelijken: every distinct stored value that is the same colleague
// (app.SameResponsible: trimmed and folded, so "petra" and "Pétra " count). nil when q
// does not filter on it.
func (r *reader) responsibles(q app.PersonQuery) ([]string, error) {
	if strings.TrimSpace(q.Verantwoordelijke) == "" {
		return nil, nil
	}
	rows, err := r.query(`SELECT DISTINCT verantwoordelijke FROM followups WHERE verantwoordelijke <> ''`)
	if err != nil {
		return nil, fmt.Errorf("verantwoordelijken lezen: %w", err)
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("verantwoordelijken lezen: %w", err)
		}
		if app.SameResponsible(v, q.Verantwoordelijke) {
			out = append(out, v)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("verantwoordelijken lezen: %w", err)
	}
	return out, nil
}

// TeamMembers is who can be verantwoordelijke on a local file (app.TeamStore): the
// configured user name and every verantwoordelijke the follow-ups already name, so that
// no name in use is lost; trimmed, each spelling once, sorted.
func (db *DB) TeamMembers(ctx context.Context) ([]string, error) {
	var out []string
	err := db.View(ctx, func(tx app.ReadTx) error {
		user, err := tx.Setting(app.SettingGebruiker)
		if err != nil {
			return err
		}
		out = append(out, user)
		rows, err := tx.(*reader).query(`SELECT DISTINCT trim(verantwoordelijke) FROM followups WHERE trim(verantwoordelijke) <> ''`)
		if err != nil {
			return fmt.Errorf("verantwoordelijken lezen: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var v string
			if err := rows.Scan(&v); err != nil {
				return fmt.Errorf("verantwoordelijken lezen: %w", err)
			}
			out = append(out, v)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	return sortedNames(out), nil
}

// sortedNames trims names and returns each non-empty one once, sorted.
func sortedNames(names []string) []string {
	out := []string{}
	for _, n := range names {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
