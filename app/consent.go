package app

// ConsentState is the effective consent of one domain, as shown to users and in JSON.
type ConsentState string

// The four consent states of show --json.
const (
	ConsentJa          ConsentState = "ja"
	ConsentNee         ConsentState = "nee"
	ConsentIngetrokken ConsentState = "ingetrokken"
	ConsentOnbekend    ConsentState = "onbekend"
)

// Effective combines the newest informatieblad's consent for a domain with the latest
// revocation of it (rule 2 and rule 4). An informatieblad opgesteld on or before the
// revocation's ondertekend date never brings data back; one opgesteld after it is new
// consent. Same-day counts as "not after": when in doubt, the revocation wins. A domain
// that an older informatieblad consented to and the newest one no longer does is
// ingetrokken too (rule 2: the newer sheet acts as a revocation); nee means that consent
// was never given.
func Effective(c DomainConsent, revokedOn Date) ConsentState {
	revoked := !revokedOn.IsZero()
	switch {
	case revoked && (c.Opgesteld.IsZero() || !c.Opgesteld.After(revokedOn)):
		return ConsentIngetrokken
	case c.Opgesteld.IsZero():
		return ConsentOnbekend
	case c.Gegeven:
		return ConsentJa
	case c.withdrawn():
		return ConsentIngetrokken
	}
	return ConsentNee
}

// withdrawn reports whether an informatieblad older than the newest gave consent.
func (c DomainConsent) withdrawn() bool {
	return !c.Gegeven && !c.GegevenOp.IsZero() && c.GegevenOp.Before(c.Opgesteld)
}

// Holds reports whether data of a domain in this state may be stored (rule 1).
func (s ConsentState) Holds() bool { return s == ConsentJa }

// ConsentView is the consent known for a person: newest informatieblad per domain and
// latest revocation per domain.
type ConsentView struct {
	Sheets  map[Domain]DomainConsent
	Revoked map[Domain]Date
}

// State returns the effective state of a domain.
func (v ConsentView) State(d Domain) ConsentState {
	return Effective(v.Sheets[d], v.Revoked[d])
}

// RevokedOn is the date from which an ingetrokken domain counts as revoked: the
// intrekking's ondertekend when that revocation counts, else the opgesteld of the newer
// informatieblad that withdrew the consent. Zero for a domain that is not ingetrokken.
func (v ConsentView) RevokedOn(d Domain) Date {
	if v.State(d) != ConsentIngetrokken {
		return Date{}
	}
	c, on := v.Sheets[d], v.Revoked[d]
	if !on.IsZero() && (c.Opgesteld.IsZero() || !c.Opgesteld.After(on)) {
		return on
	}
	return c.Opgesteld
}

// AnyHeld reports whether at least one domain holds consent (the condition for
// storing the general contact.* topics).
func (v ConsentView) AnyHeld() bool {
	for _, d := range Domains() {
		if v.State(d).Holds() {
			return true
		}
	}
	return false
}

// newest returns the latest opgesteld over all domains.
func (v ConsentView) newest() Date {
	var n Date
	for _, c := range v.Sheets {
		if c.Opgesteld.After(n) {
			n = c.Opgesteld
		}
	}
	return n
}

// ConsentPlan is what applying an informatieblad or intrekking must change. It is
// computed by pure functions and carried out by the import service in one transaction.
type ConsentPlan struct {
	SaveSheets   map[Domain]DomainConsent // consent records to write
	SaveRevoked  map[Domain]Date          // revocation dates to write
	Replace      map[Domain]DomainData    // domains whose content is replaced by this sheet's
	Purge        []Domain                 // domains whose content must be purged (rule 3)
	General      []Answer                 // replaces the general topics when ReplaceGeneral
	ReplaceGen   bool
	PurgeGeneral bool // no domain holds consent any more
	Dropped      int  // topics and hulpvragen of the message that are not stored
}

// splitSheet groups a sheet's content by domain; general topics are returned apart.
func splitSheet(s *Sheet) (map[Domain]DomainData, []Answer) {
	by := map[Domain]DomainData{}
	var general []Answer
	for _, a := range s.Onderwerpen {
		t, _ := TopicByCode(a.Code)
		if t.General() {
			general = append(general, a)
			continue
		}
		dd := by[t.Domain]
		dd.Onderwerpen = append(dd.Onderwerpen, a)
		by[t.Domain] = dd
	}
	for d, h := range s.Hulpvragen {
		if h == "" {
			continue
		}
		dd := by[d]
		dd.Hulpvraag = h
		by[d] = dd
	}
	return by, general
}

// PlanSheet applies rules 1, 2 and 4 to an informatieblad given the consent known so far.
// A domain the sheet does not name counts as not consented: a newer sheet is a complete
// statement of consent.
func PlanSheet(s *Sheet, before ConsentView) ConsentPlan {
	after := ConsentView{Sheets: map[Domain]DomainConsent{}, Revoked: before.Revoked}
	plan := ConsentPlan{SaveSheets: map[Domain]DomainConsent{}, Replace: map[Domain]DomainData{}}
	content, general := splitSheet(s)
	for _, d := range Domains() {
		cur := before.Sheets[d].Merge(DomainConsent{}) // with GegevenOp set, as the ledger holds it
		own := DomainConsent{Opgesteld: s.Opgesteld, Gegeven: s.Toestemming[d]}
		next := cur.Merge(own)
		after.Sheets[d] = next
		if !next.Same(cur) {
			plan.SaveSheets[d] = next
		}
		if !next.Opgesteld.Equal(s.Opgesteld) || next.Gegeven != own.Gegeven {
			// An older sheet changes nothing (rule 2), except that its consent, given before
			// a newer sheet withheld it, makes the domain ingetrokken. Neither does a
			// consenting sheet that a sheet of the same date contradicts (when in doubt, no
			// consent, in either order).
			plan.Dropped += content[d].Items()
			continue
		}
		if after.State(d).Holds() {
			plan.Replace[d] = content[d]
			continue
		}
		plan.Dropped += content[d].Items()
		if before.State(d).Holds() {
			plan.Purge = append(plan.Purge, d)
		}
	}
	plan.planGeneral(general, s.Opgesteld, before, after)
	return plan
}

func (p *ConsentPlan) planGeneral(general []Answer, opgesteld Date, before, after ConsentView) {
	switch {
	case !after.AnyHeld():
		p.Dropped += len(general)
		p.PurgeGeneral = before.AnyHeld()
	case opgesteld.Before(before.newest()):
		p.Dropped += len(general)
	default:
		p.General, p.ReplaceGen = general, true
	}
}

// PlanRevocation applies rules 3 and 4 to an intrekking: every named domain whose
// consent rests on an informatieblad opgesteld on or before ondertekend is purged.
func PlanRevocation(r *Revocation, before ConsentView) ConsentPlan {
	after := ConsentView{Sheets: before.Sheets, Revoked: map[Domain]Date{}}
	for d, v := range before.Revoked {
		after.Revoked[d] = v
	}
	plan := ConsentPlan{SaveRevoked: map[Domain]Date{}}
	for _, d := range r.Domeinen {
		if r.Ondertekend.After(after.Revoked[d]) {
			after.Revoked[d] = r.Ondertekend
			plan.SaveRevoked[d] = r.Ondertekend
		}
		if before.State(d).Holds() && !after.State(d).Holds() {
			plan.Purge = append(plan.Purge, d)
		}
	}
	if before.AnyHeld() && !after.AnyHeld() {
		plan.PurgeGeneral = true
	}
	return plan
}
