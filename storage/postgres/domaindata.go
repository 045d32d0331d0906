package postgres

import (
	"fmt"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// DomainData returns the consent-based content per domain; domains without content
// are absent. Topics keep the order in which they were stored.
func (r *reader) DomainData(personID int64) (map[app.Domain]app.DomainData, error) {
	out := map[app.Domain]app.DomainData{}
	if err := r.readTopics(personID, out); err != nil {
		return nil, err
	}
	if err := sqlstore.ReadHulpvragen(r, personID, out); err != nil {
		return nil, err
	}
	return out, nil
}

func (r *reader) readTopics(personID int64, out map[app.Domain]app.DomainData) error {
	rows, err := r.query(`SELECT domain, code, antwoord, toelichting FROM topics
		WHERE person_id = ? ORDER BY volgorde`, personID)
	if err != nil {
		return fmt.Errorf("onderwerpen van persoon %d lezen: %w", personID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var d app.Domain
		var a app.Answer
		if err := rows.Scan(&d, &a.Code, &a.Antwoord, &a.Toelichting); err != nil {
			return fmt.Errorf("onderwerpen van persoon %d lezen: %w", personID, err)
		}
		dd := out[d]
		dd.Onderwerpen = append(dd.Onderwerpen, a)
		out[d] = dd
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("onderwerpen van persoon %d lezen: %w", personID, err)
	}
	return nil
}

// ReplaceDomainData replaces a domain's content with data (an empty hulpvraag is not
// stored).
func (w *writer) ReplaceDomainData(personID int64, d app.Domain, data app.DomainData) error {
	if _, err := sqlstore.DeleteDomainData(w, personID, d); err != nil {
		return err
	}
	for _, a := range data.Onderwerpen {
		_, err := w.exec(`INSERT INTO topics (person_id, domain, code, antwoord, toelichting)
			VALUES (?, ?, ?, ?, ?)`, personID, string(d), a.Code, a.Antwoord, a.Toelichting)
		if err != nil {
			return fmt.Errorf("onderwerp %s van persoon %d opslaan: %w", a.Code, personID, err)
		}
	}
	if data.Hulpvraag == "" {
		return nil
	}
	_, err := w.exec(`INSERT INTO hulpvragen (person_id, domain, tekst) VALUES (?, ?, ?)`,
		personID, string(d), data.Hulpvraag)
	if err != nil {
		return fmt.Errorf("hulpvraag %s van persoon %d opslaan: %w", d, personID, err)
	}
	return nil
}

// PurgeDomainData removes a domain's content irreversibly and returns the number of
// items removed: topics, hulpvraag, and the domain's follow-up record, status changes
// and contacts (spec rule 3). Contacts of 'algemeen' stay.
func (w *writer) PurgeDomainData(personID int64, d app.Domain) (int, error) {
	w.purge("topics", "hulpvragen", "followups", "followup_history", "contacts", "aantekeningen")
	n, err := sqlstore.DeleteDomainData(w, personID, d)
	if err != nil {
		return 0, err
	}
	m, err := sqlstore.DeleteFollowup(w, personID, d)
	return n + m, err
}

// General returns the general contact.* topics in the order stored.
func (r *reader) General(personID int64) ([]app.Answer, error) {
	rows, err := r.query(`SELECT code, antwoord, toelichting FROM general_topics
		WHERE person_id = ? ORDER BY volgorde`, personID)
	if err != nil {
		return nil, fmt.Errorf("algemene onderwerpen van persoon %d lezen: %w", personID, err)
	}
	defer rows.Close()
	var out []app.Answer
	for rows.Next() {
		var a app.Answer
		if err := rows.Scan(&a.Code, &a.Antwoord, &a.Toelichting); err != nil {
			return nil, fmt.Errorf("algemene onderwerpen van persoon %d lezen: %w", personID, err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("algemene onderwerpen van persoon %d lezen: %w", personID, err)
	}
	return out, nil
}

// ReplaceGeneral replaces the general topics with answers.
func (w *writer) ReplaceGeneral(personID int64, answers []app.Answer) error {
	if _, err := sqlstore.DeleteGeneral(w, personID); err != nil {
		return err
	}
	for _, a := range answers {
		_, err := w.exec(`INSERT INTO general_topics (person_id, code, antwoord, toelichting)
			VALUES (?, ?, ?, ?)`, personID, a.Code, a.Antwoord, a.Toelichting)
		if err != nil {
			return fmt.Errorf("algemeen onderwerp %s van persoon %d opslaan: %w", a.Code, personID, err)
		}
	}
	return nil
}

// PurgeGeneral removes the general topics irreversibly and returns how many there were.
func (w *writer) PurgeGeneral(personID int64) (int, error) {
	w.purge("general_topics")
	return sqlstore.DeleteGeneral(w, personID)
}
