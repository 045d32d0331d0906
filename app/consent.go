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
// consent. Same-day counts as "not after": when in doubt, the revocation wins.
func Effective(c DomainConsent, revokedOn Date) ConsentState {
	revoked := !revokedOn.IsZero()
	switch {
	case revoked && (c.Opgesteld.IsZero() || !c.Opgesteld.After(revokedOn)):
		return ConsentIngetrokken
	case c.Opgesteld.IsZero():
		return ConsentOnbekend
	case c.Gegeven:
		return ConsentJa
	}
	return ConsentNee
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
		cur := before.Sheets[d]
		if !cur.Opgesteld.IsZero() && s.Opgesteld.Before(cur.Opgesteld) {
			after.Sheets[d] = cur // an older sheet changes nothing (rule 2)
			plan.Dropped += content[d].Items()
			continue
		}
		next := DomainConsent{Opgesteld: s.Opgesteld, Gegeven: s.Toestemming[d]}
		after.Sheets[d] = next
		plan.SaveSheets[d] = next
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
