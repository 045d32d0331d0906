package sqlite

import (
	"database/sql"
	"errors"
	"fmt"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// Contact runs sqlstore.Contact in this transaction.
func (r *reader) Contact(id int64) (app.ContactMoment, error) { return sqlstore.Contact(r, id) }

// UpdateContact overwrites domain, time, channel and texts of contact c.ID. The old
// text goes irreversibly (secure_delete, and the WAL is truncated after the commit).
func (w *writer) UpdateContact(c app.ContactMoment) error {
	w.purged = true
	n, err := w.execCount(`UPDATE contacts SET domain = ?, tijd = ?, kanaal = ?, met = ?, notitie = ? WHERE id = ?`,
		string(c.Domain), sqlstore.TimeValue(c.Tijd), string(c.Kanaal), c.Met, c.Notitie, c.ID)
	if err != nil {
		return fmt.Errorf("contact %d wijzigen: %w", c.ID, err)
	}
	if n == 0 {
		return app.ErrNotFound
	}
	return nil
}

// DeleteContact removes one contact irreversibly.
func (w *writer) DeleteContact(id int64) error {
	return w.deleteByID("contacts", "contact", id)
}

// UpdateStatusChange runs sqlstore.UpdateStatusChange in this transaction.
func (w *writer) UpdateStatusChange(c app.StatusChange) error {
	return sqlstore.UpdateStatusChange(w, c)
}

// DeleteStatusChange removes one status change irreversibly.
func (w *writer) DeleteStatusChange(id int64) error {
	return w.deleteByID("followup_history", "statuswijziging", id)
}

// ClearAction empties the next action of (f.PersonID, f.Domain) irreversibly.
func (w *writer) ClearAction(f app.Followup) error {
	w.purged = true
	n, err := w.execCount(`UPDATE followups SET actie = '', actiedatum = NULL, gewijzigd = ?
		WHERE person_id = ? AND domain = ?`, sqlstore.TimeValue(f.Gewijzigd), f.PersonID, string(f.Domain))
	if err != nil {
		return fmt.Errorf("actie %s van persoon %d wissen: %w", f.Domain, f.PersonID, err)
	}
	if n == 0 {
		return app.ErrNotFound
	}
	return nil
}

// deleteByID removes row id of table (a constant of the callers, never input).
func (w *writer) deleteByID(table, what string, id int64) error {
	w.purged = true
	n, err := w.execCount(`DELETE FROM `+table+` WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("%s %d verwijderen: %w", what, id, err)
	}
	if n == 0 {
		return app.ErrNotFound
	}
	return nil
}

// PlannedActions returns every follow-up with a next action whose status is not
// geregeld or niet nodig, with its person, by actiedatum (index followups_actie).
func (r *reader) PlannedActions() ([]app.DueAction, error) {
	rows, err := r.query(`SELECT f.person_id, f.domain, f.status, f.verantwoordelijke, f.actie, f.actiedatum,
		f.gewijzigd, `+personColumns+` FROM followups f JOIN persons p ON p.id = f.person_id
		WHERE f.actiedatum IS NOT NULL AND f.status NOT IN (?, ?)
		ORDER BY f.actiedatum, f.person_id, f.domain`, string(app.FollowupGeregeld), string(app.FollowupNietNodig))
	if err != nil {
		return nil, fmt.Errorf("geplande acties lezen: %w", err)
	}
	defer rows.Close()
	var out []app.DueAction
	for rows.Next() {
		var f app.Followup
		var actiedatum, gewijzigd sql.NullString
		var s personScan
		dest := append([]any{&f.PersonID, &f.Domain, &f.Status, &f.Verantwoordelijke, &f.Actie,
			&actiedatum, &gewijzigd}, s.dest()...)
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("geplande acties lezen: %w", err)
		}
		var err1, err2 error
		f.Actiedatum, err1 = sqlstore.ParseDate(actiedatum)
		f.Gewijzigd, err2 = sqlstore.ParseTime(gewijzigd)
		if err := errors.Join(err1, err2); err != nil {
			return nil, fmt.Errorf("geplande acties lezen: %w", err)
		}
		p, err := s.person()
		if err != nil {
			return nil, err
		}
		out = append(out, app.DueAction{Person: p, Followup: f})
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("geplande acties lezen: %w", err)
	}
	return out, nil
}
