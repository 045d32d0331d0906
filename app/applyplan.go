package app

// drPlan applies a D&R-plan (v2 rules 1 and 2). It rests on art. 18a Pbw, not on
// consent: a plan for an unknown person creates the person, as a melding does. The
// newest plan replaces the previous one whole; an older plan arriving late is recorded
// as received (its kenmerk is known) and changes nothing.
func (a *applier) drPlan() error {
	if err := a.ensurePerson(); err != nil {
		return err
	}
	cur, err := a.tx.Plan(a.person.ID)
	if err != nil {
		return err
	}
	next := StoredPlan{Kenmerk: a.msg.Kenmerk, Opgesteld: a.msg.Plan.Opgesteld,
		Verzonden: a.msg.Verzonden.UTC(), Plan: *a.msg.Plan}
	if next.Plan.Grondslag == "" {
		next.Plan.Grondslag = GrondslagPlan
	}
	ch := DecidePlan(cur, next)
	if !ch.Current {
		return nil
	}
	if err := a.tx.ReplacePlan(a.person.ID, next); err != nil {
		return err
	}
	if cur != nil { // the previous plan is gone: so are the server copies of plan mails
		if err := queuePersonMails(a.tx, a.person.ID, DRPlan); err != nil {
			return err
		}
	}
	a.planPurged = purgeCount{Domeinen: ch.Domeinen, Items: ch.Removed}
	return nil
}
