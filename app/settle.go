package app

import "errors"

// The consent ledger is keyed by identifiers (PersonKeys), not by person. A message can
// therefore change the effective consent of more than the person it is applied to: of
// another record that shares an identifier with it (an SKN-only record of the same
// detainee), and of the matched person itself when it gains an identifier whose key
// already holds facts. settle makes every such person's stored data follow the ledger.

// settled is what settling one person purged, for the audit log.
type settled struct {
	id      int64
	purged  purgeCount
	removed bool
}

// settle runs after the message was applied: it rewrites the matched person's consent
// states and reconciles the persons whose view the message may have changed beyond its
// own plan. before holds the matched person's identifiers before the message.
func (a *applier) settle(before *Subject) ([]settled, error) {
	secret, err := a.tx.SecretKey()
	if err != nil {
		return nil, err
	}
	var out []settled
	if id := a.personID(); id != 0 {
		p := a.person
		if before == nil || (p.BSN == before.BSN && p.SKN == before.SKN) { // its plan saw all its keys
			if before == nil || a.writesLedger() {
				if err := syncConsentStates(a.tx, secret, p); err != nil {
					return nil, err
				}
			}
			return out, a.settleOthers(secret, &out)
		}
		st, err := reconcile(a.tx, secret, p) // a melding gave it a key that holds facts
		if err != nil {
			return nil, err
		}
		a.purged.Domeinen = append(a.purged.Domeinen, st.purged.Domeinen...)
		a.purged.Items += st.purged.Items
		a.removed = a.removed || st.removed
	}
	return out, a.settleOthers(secret, &out)
}

// writesLedger reports whether the message writes to the consent ledger: an
// informatieblad (its sheets) or an intrekking (its revocations). Only then can the
// effective consent of a person it matched with the same identifiers change. The copy
// of every person is in step with the ledger at the end of each message: a new person
// gets it when created (settle), every write to the ledger settles the persons of its
// keys (settle, settleOthers), Prepare fills it after an upgrade, and the retention run
// removes only keys that no stored person holds (livingKeys). A melding or a D&R-plan
// for a known person therefore need not read the ledger again: that was two queries and
// a write for most messages of an import (docs/performance.md, session 22).
func (a *applier) writesLedger() bool {
	return a.msg.Soort == Informatieblad || a.msg.Soort == Intrekking
}

// settleOthers reconciles the other persons that share an identifier with the message
// or the matched person, after a message that wrote to the ledger.
func (a *applier) settleOthers(secret []byte, out *[]settled) error {
	if !a.writesLedger() {
		return nil
	}
	others, err := sharingPersons(a.tx, a.msg.Betrokkene, a.person)
	if err != nil {
		return err
	}
	for i := range others {
		st, err := reconcile(a.tx, secret, &others[i])
		if err != nil {
			return err
		}
		if st.purged.Items > 0 || len(st.purged.Domeinen) > 0 || st.removed {
			*out = append(*out, st)
		}
	}
	return nil
}

// sharingPersons returns the stored persons other than p whose BSN or SKN is one of the
// message's or p's.
func sharingPersons(tx ReadTx, s Subject, p *Person) ([]Person, error) {
	self := int64(0)
	skns := []string{s.SKN}
	if p != nil {
		self = p.ID
		skns = append(skns, p.SKN)
	}
	seen := map[int64]bool{self: true}
	var out []Person
	add := func(ps ...Person) {
		for _, q := range ps {
			if !seen[q.ID] {
				seen[q.ID] = true
				out = append(out, q)
			}
		}
	}
	if s.BSN != "" {
		q, err := tx.PersonByBSN(s.BSN)
		switch {
		case err == nil:
			add(*q)
		case !errors.Is(err, ErrNotFound):
			return nil, err
		}
	}
	for _, skn := range skns {
		if skn == "" {
			continue
		}
		ps, err := tx.PersonsBySKN(skn)
		if err != nil {
			return nil, err
		}
		add(ps...)
	}
	return out, nil
}

// reconcile purges what the person holds without consent under the ledger (rule 1 and
// 3): the domains whose consent does not hold, the general topics when none holds. It
// removes the person when nothing remains (rule 6), else rewrites the consent states.
func reconcile(tx Tx, secret []byte, p *Person) (settled, error) {
	st := settled{id: p.ID}
	view, err := loadConsentView(tx, PersonKeys(secret, p.BSN, p.SKN))
	if err != nil {
		return st, err
	}
	for _, d := range Domains() {
		if view.State(d).Holds() {
			continue
		}
		n, err := purgeDomain(tx, p.ID, d)
		if err != nil {
			return st, err
		}
		if n > 0 {
			st.purged.Domeinen, st.purged.Items = append(st.purged.Domeinen, d), st.purged.Items+n
		}
	}
	if !view.AnyHeld() {
		n, err := tx.PurgeGeneral(p.ID)
		if err != nil {
			return st, err
		}
		st.purged.Items += n
	}
	if st.purged.Items > 0 {
		if err := queuePersonMails(tx, p.ID, consentKinds...); err != nil {
			return st, err
		}
	}
	empty, err := personEmpty(tx, p.ID)
	if err != nil || empty {
		st.removed = empty
		if empty {
			err = deletePerson(tx, p.ID)
		}
		return st, err
	}
	return st, tx.SaveConsentStates(p.ID, view.states())
}

// auditSettled records what settling other persons purged, as for the message's own.
func (s *Service) auditSettled(tx Tx, msg *Message, others []settled) error {
	for _, st := range others {
		if err := s.auditPurge(tx, msg.Kenmerk, st); err != nil {
			return err
		}
	}
	return nil
}
