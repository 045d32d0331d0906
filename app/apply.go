package app

import "time"

// applier carries out one valid message against the store, inside its transaction.
type applier struct {
	tx      Tx
	msg     *Message
	now     time.Time
	person  *Person // matched person; nil until one exists
	review  bool    // same BSN with another date of birth, or an intrekking naming an unknown domain
	removed bool    // the person was removed under rule 6
	dropped int
	purged  purgeCount // what the message purged (rule 3, or rule 2 withdrawal)
	// planPurged is what a newer D&R-plan removed of the previous one (v2 rule 2).
	planPurged purgeCount
}

// purgeCount is what one consent plan purged, for the audit log.
type purgeCount struct {
	Domeinen []Domain // domains that lost consent
	Items    int      // topics, hulpvragen and general topics removed
}

func (a *applier) run() error {
	switch a.msg.Soort {
	case MeldingBegin, MeldingEinde:
		return a.melding()
	case Informatieblad:
		return a.sheet()
	case Intrekking:
		return a.revocation()
	case DRPlan:
		return a.drPlan()
	case Risicomelding:
		return Invalid("%s", RisicomeldingReden)
	}
	return Invalid("onbekende soort bericht %s", quoteCode(string(a.msg.Soort)))
}

func (a *applier) personID() int64 {
	if a.person == nil || a.removed {
		return 0
	}
	return a.person.ID
}

// ensurePerson creates the person when none matched, else records what the message adds.
func (a *applier) ensurePerson() error {
	if a.person == nil {
		a.person = newPerson(a.msg.Betrokkene)
		a.person.Aangemaakt = a.now.UTC()
		a.takeCasemanager()
		return a.tx.CreatePerson(a.person)
	}
	return a.touchPerson()
}

// touchPerson updates an existing person: missing identifiers, the review flag and the
// newest DJI casemanager.
func (a *applier) touchPerson() error {
	a.person.absorb(a.msg.Betrokkene)
	if a.review {
		a.person.ControleNodig = true
	}
	a.takeCasemanager()
	return a.tx.UpdatePerson(a.person)
}

func (a *applier) takeCasemanager() {
	cm := a.msg.Casemanager
	if cm == (Contact{}) || a.msg.Verzonden.Before(a.person.CasemanagerVerzonden) {
		return
	}
	a.person.Casemanager, a.person.CasemanagerVerzonden = cm, a.msg.Verzonden.UTC()
}

// melding records legal-basis data: the person and the dates of one detention, matched
// on begindatum. An older melding (by verzonden) does not overwrite a newer one's dates.
func (a *applier) melding() error {
	if err := a.ensurePerson(); err != nil {
		return err
	}
	dets, err := a.tx.Detentions(a.person.ID)
	if err != nil {
		return err
	}
	body := a.msg.Detentie
	d := &Detention{PersonID: a.person.ID, Begindatum: body.Begindatum}
	for i := range dets {
		if dets[i].Begindatum.Equal(body.Begindatum) {
			d = &dets[i]
		}
	}
	if d.ID != 0 && a.msg.Verzonden.Before(d.Verzonden) {
		return nil
	}
	d.InrichtingCode, d.Inrichting, d.Verzonden = a.msg.InrichtingCode, a.msg.Inrichting, a.msg.Verzonden.UTC()
	if !body.Einddatum.IsZero() {
		d.Einddatum, d.EinddatumStatus = body.Einddatum, body.EinddatumStatus
	}
	return a.tx.SaveDetention(d)
}

func (a *applier) consentView() (ConsentView, []string, error) {
	secret, err := a.tx.SecretKey()
	if err != nil {
		return ConsentView{}, nil, err
	}
	keys := keysFor(secret, a.msg.Betrokkene, a.person)
	view, err := loadConsentView(a.tx, keys)
	return view, keys, err
}

// sheet applies an informatieblad (rules 1, 2 and 4). A person is created only when
// the sheet leaves something to store.
func (a *applier) sheet() error {
	view, keys, err := a.consentView()
	if err != nil {
		return err
	}
	plan := PlanSheet(a.msg.Informatieblad, view)
	a.dropped = plan.Dropped
	for d, c := range plan.SaveSheets {
		if err := a.tx.SaveConsent(keys, d, c); err != nil {
			return err
		}
	}
	if a.person == nil && !plan.storesContent() {
		return nil
	}
	if err := a.ensurePerson(); err != nil {
		return err
	}
	a.purged, err = a.carryOut(plan)
	return err
}

// revocation applies an intrekking (rules 3 and 4). The revocation is remembered under
// the person's keys even when no person is known yet, so that a late informatieblad
// cannot bring the data back.
func (a *applier) revocation() error {
	view, keys, err := a.consentView()
	if err != nil {
		return err
	}
	plan := PlanRevocation(a.msg.Intrekking, view)
	for d, on := range plan.SaveRevoked {
		if err := a.tx.AddRevocation(keys, d, on); err != nil {
			return err
		}
	}
	if a.person == nil {
		return nil
	}
	if a.msg.Intrekking.Onbekend > 0 {
		a.review = true // it also named what we do not recognise: a person must look
	}
	if err := a.touchPerson(); err != nil {
		return err
	}
	a.purged, err = a.carryOut(plan)
	return err
}

func (p ConsentPlan) storesContent() bool {
	for _, d := range p.Replace {
		if !d.Empty() {
			return true
		}
	}
	return p.ReplaceGen && len(p.General) > 0
}

// carryOut writes and purges what a consent plan says, then removes the person when
// nothing remains (rule 6). It returns what was purged.
func (a *applier) carryOut(plan ConsentPlan) (purgeCount, error) {
	var pc purgeCount
	id := a.person.ID
	for _, d := range Domains() {
		if data, ok := plan.Replace[d]; ok {
			if err := a.tx.ReplaceDomainData(id, d, data); err != nil {
				return pc, err
			}
		}
	}
	for _, d := range plan.Purge {
		n, err := purgeDomain(a.tx, id, d)
		if err != nil {
			return pc, err
		}
		pc.Domeinen, pc.Items = append(pc.Domeinen, d), pc.Items+n
	}
	n, err := a.general(plan)
	if err != nil {
		return pc, err
	}
	pc.Items += n
	if err := a.queuePurgedMails(plan); err != nil {
		return pc, err
	}
	return pc, a.removeIfEmpty()
}

// queuePurgedMails queues the server copies of the person's earlier mails whose data
// this plan purged or replaced.
func (a *applier) queuePurgedMails(plan ConsentPlan) error {
	kinds := purgedKinds(a.msg)
	if len(kinds) == 0 || (len(plan.Purge) == 0 && !plan.PurgeGeneral && len(plan.Replace) == 0 && !plan.ReplaceGen) {
		return nil
	}
	return queuePersonMails(a.tx, a.person.ID, kinds...)
}

// general replaces or purges the general topics; it returns how many were purged.
func (a *applier) general(plan ConsentPlan) (int, error) {
	switch {
	case plan.PurgeGeneral:
		return a.tx.PurgeGeneral(a.person.ID)
	case plan.ReplaceGen:
		return 0, a.tx.ReplaceGeneral(a.person.ID, plan.General)
	}
	return 0, nil
}

// removeIfEmpty removes a person with no legal-basis data and no consent data (rule 6).
func (a *applier) removeIfEmpty() error {
	empty, err := personEmpty(a.tx, a.person.ID)
	if err != nil || !empty {
		return err
	}
	a.removed = true
	return deletePerson(a.tx, a.person.ID)
}

// purgeDomain removes what a domain holds on consent when its consent ends (rule 3):
// the informatieblad content and, for a person without a D&R-plan, the domain's
// follow-up. With a plan the follow-up rests on art. 18a Pbw and stays (v2 rule 3).
func purgeDomain(tx Tx, personID int64, d Domain) (int, error) {
	has, err := tx.HasPlan(personID)
	if err != nil {
		return 0, err
	}
	if has {
		return tx.PurgeSheetData(personID, d)
	}
	return tx.PurgeDomainData(personID, d)
}

// personEmpty reports whether a person holds no legal-basis data (detentions, a
// D&R-plan: v2 rule 1) and no consent data (rule 6).
func personEmpty(tx ReadTx, id int64) (bool, error) {
	dets, err := tx.Detentions(id)
	if err != nil || len(dets) > 0 {
		return false, err
	}
	if has, err := tx.HasPlan(id); err != nil || has {
		return false, err
	}
	data, err := tx.DomainData(id)
	if err != nil {
		return false, err
	}
	for _, d := range data {
		if !d.Empty() {
			return false, nil
		}
	}
	gen, err := tx.General(id)
	return err == nil && len(gen) == 0, err
}
