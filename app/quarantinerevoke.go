package app

// A revocation reaches the quarantine (berichtformaat-v2.md, "Version 1, made
// precise"): when an intrekking, or a newer informatieblad under rule 2, revokes a
// domain, every quarantined message of the same person (by BSN or SKN, where its bytes
// can be read) that holds data of that domain is destroyed as rule 5 destroys stored
// data, irreversibly and audited by count. What cannot be read stays until its
// retention term.

// QuarantineContent is what a quarantined message holds, read without validating it.
type QuarantineContent struct {
	BSN, SKN       string
	Informatieblad bool
	Opgesteld      Date     // zero when absent or unreadable
	Domeinen       []Domain // domains it holds data of (topics, hulpvragen)
}

// QuarantineInspector is a Decoder that can read quarantined bytes leniently
// (importers.Decoder).
type QuarantineInspector interface {
	Inspect(raw []byte) (QuarantineContent, bool)
}

// ResultaatIntrekkingQuarantaine is the audit resultaat of quarantined messages
// destroyed because a revocation reached them.
const ResultaatIntrekkingQuarantaine = "gewist-intrekking"

// revokingDomains returns the domains a message can revoke: those an intrekking names,
// and those a newer informatieblad does not consent to (rule 2).
func revokingDomains(msg *Message) []Domain {
	switch {
	case msg.Soort == Intrekking && msg.Intrekking != nil:
		return msg.Intrekking.Domeinen
	case msg.Soort == Informatieblad && msg.Informatieblad != nil:
		var out []Domain
		for _, d := range Domains() {
			if !msg.Informatieblad.Toestemming[d] {
				out = append(out, d)
			}
		}
		return out
	}
	return nil
}

// revokedIn reports whether data of d in a quarantined sheet opgesteld on that date is
// revoked under the ledger: a revocation signed on or after it, or a sheet at least as
// new that does not consent to d. When in doubt (same day, no date) the revocation wins.
func revokedIn(v ConsentView, d Domain, opgesteld Date) bool {
	if on := v.Revoked[d]; !on.IsZero() && !opgesteld.After(on) {
		return true
	}
	c := v.Sheets[d]
	return !c.Opgesteld.IsZero() && !c.Gegeven && !opgesteld.After(c.Opgesteld)
}

// revokeQuarantine destroys the quarantined messages the message's revocation reaches
// and audits how many, inside the import's transaction. The entry the message is being
// retried from (spare; 0 for none) is left to the retry.
func (s *Service) revokeQuarantine(tx Tx, msg *Message, person *Person, spare int64) error {
	doms := revokingDomains(msg)
	insp, ok := s.dec.(QuarantineInspector)
	if len(doms) == 0 || !ok {
		return nil
	}
	list, err := tx.QuarantineList()
	if err != nil || len(list) == 0 {
		return err
	}
	secret, err := tx.SecretKey()
	if err != nil {
		return err
	}
	keys := keysFor(secret, msg.Betrokkene, person)
	view, err := loadConsentView(tx, keys)
	if err != nil {
		return err
	}
	hit := map[Domain]bool{}
	n := 0
	for _, q := range list {
		if q.ID == spare {
			continue
		}
		full, err := tx.QuarantineByID(q.ID)
		if err != nil {
			return err
		}
		found := s.revokedContent(insp, full, secret, keys, view, doms)
		if len(found) == 0 {
			continue
		}
		if err := deleteQuarantine(tx, full); err != nil { // and its mail on the server
			return err
		}
		n++
		for _, d := range found {
			hit[d] = true
		}
	}
	if n == 0 {
		return nil
	}
	var hitList []Domain
	for _, d := range Domains() {
		if hit[d] {
			hitList = append(hitList, d)
		}
	}
	return s.audit(tx, AuditEntry{Actie: ActiePurge, Object: "quarantaine", Resultaat: ResultaatIntrekkingQuarantaine,
		Grondslag: "toestemming", Bron: msg.Kenmerk, Domeinen: hitList, Aantal: n})
}

// revokedContent returns the revoked domains among doms that a quarantined entry holds
// data of for the person with these keys; nil when it holds none or cannot be read.
func (s *Service) revokedContent(insp QuarantineInspector, q *Quarantined, secret []byte, keys []string,
	view ConsentView, doms []Domain) []Domain {
	items, err := s.dec.Extract(q.Bron, q.Raw)
	if err != nil {
		return nil
	}
	var out []Domain
	for _, it := range items {
		c, ok := insp.Inspect(it.Raw)
		if !ok || !c.Informatieblad || !sharesKey(PersonKeys(secret, c.BSN, c.SKN), keys) {
			continue
		}
		for _, d := range c.Domeinen {
			if containsDomainOf(doms, d) && revokedIn(view, d, c.Opgesteld) {
				out = append(out, d)
			}
		}
	}
	return out
}

func sharesKey(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

func containsDomainOf(ds []Domain, d Domain) bool {
	for _, x := range ds {
		if x == d {
			return true
		}
	}
	return false
}
