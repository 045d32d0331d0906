package sqlite

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/terugkeer/terugkeer/app"
)

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
