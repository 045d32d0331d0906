package postgres

import (
	"fmt"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// Notes runs sqlstore.Notes in this transaction.
func (r *reader) Notes(personID int64) ([]app.Note, error) { return sqlstore.Notes(r, personID) }

// Note runs sqlstore.Note in this transaction.
func (r *reader) Note(id int64) (app.Note, error) { return sqlstore.Note(r, id) }

// AddNote runs sqlstore.AddNote in this transaction.
func (w *writer) AddNote(n *app.Note) error { return sqlstore.AddNote(w, n) }

// UpdateNote replaces the text of note n.ID and sets its gewijzigd; the old text goes
// irreversibly (the table is vacuumed after the commit).
func (w *writer) UpdateNote(n app.Note) error {
	w.purge("aantekeningen")
	c, err := w.execCount(`UPDATE aantekeningen SET tekst = ?, gewijzigd = ? WHERE id = ?`,
		n.Tekst, sqlstore.TimeValue(n.Gewijzigd), n.ID)
	if err != nil {
		return fmt.Errorf("aantekening %d wijzigen: %w", n.ID, err)
	}
	if c == 0 {
		return app.ErrNotFound
	}
	return nil
}

// DeleteNote removes one note irreversibly.
func (w *writer) DeleteNote(id int64) error {
	return w.deleteByID("aantekeningen", "aantekening", id)
}
