package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// auditJSON is one element of audit --json; the field names are a contract.
type auditJSON struct {
	ID        int64    `json:"id"`
	Tijd      string   `json:"tijd"`
	Actie     string   `json:"actie"`
	Object    string   `json:"object"`
	ObjectID  int64    `json:"object_id"`
	Resultaat string   `json:"resultaat"`
	Grondslag string   `json:"grondslag"`
	Actor     string   `json:"actor"`
	Bron      string   `json:"bron"`
	Domeinen  []string `json:"domeinen"`
	Aantal    int      `json:"aantal"`
	PrevHash  string   `json:"prev_hash"`
	Hash      string   `json:"hash"`
}

func cmdAudit(ctx context.Context, e *env) error {
	fs := newFlags("audit")
	asJSON := fs.Bool("json", false, "JSON-array")
	verify := fs.Bool("verify", false, "controleer de hashketen")
	if err := parse(fs, e.args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("Onverwacht argument %q.", fs.Arg(0))
	}
	if *verify {
		return auditVerify(ctx, e)
	}
	entries, err := e.svc.AuditLog(ctx, app.AuditFilter{})
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]auditJSON, 0, len(entries))
		for _, a := range entries {
			out = append(out, toAuditJSON(a))
		}
		return writeJSON(e, out)
	}
	if len(entries) == 0 {
		fmt.Fprintln(e.stdout, "Het logboek is leeg.")
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "Nr\tTijd\tActie\tObject\tResultaat\tGrondslag\tGebruiker\tBron\tDomeinen\tAantal")
	for _, a := range entries {
		obj := a.Object
		if a.ObjectID != 0 {
			obj = fmt.Sprintf("%s %d", a.Object, a.ObjectID)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\n", a.ID, a.Tijd.In(zone()).Format("02-01-2006 15:04:05"),
			app.Visible(a.Actie), app.Visible(obj), app.Visible(a.Resultaat), orDash(app.Visible(a.Grondslag)),
			orDash(app.Visible(a.Actor)), orDash(app.Visible(a.Bron)),
			orDash(strings.Join(domainStrings(a.Domeinen), ",")), a.Aantal)
	}
	return tw.Flush()
}

func toAuditJSON(a app.AuditEntry) auditJSON {
	return auditJSON{ID: a.ID, Tijd: a.Tijd.UTC().Format(time.RFC3339Nano), Actie: a.Actie, Object: a.Object,
		ObjectID: a.ObjectID, Resultaat: a.Resultaat, Grondslag: a.Grondslag, Actor: a.Actor, Bron: a.Bron,
		Domeinen: domainStrings(a.Domeinen), Aantal: a.Aantal, PrevHash: a.PrevHash, Hash: a.Hash}
}

func domainStrings(ds []app.Domain) []string {
	out := make([]string, 0, len(ds))
	for _, d := range ds {
		out = append(out, string(d))
	}
	return out
}

func auditVerify(ctx context.Context, e *env) error {
	c, err := e.svc.VerifyAudit(ctx)
	if err != nil {
		return err
	}
	if !c.Intact {
		return errors.New("het logboek is niet intact: " + auditProblems(c))
	}
	fmt.Fprintf(e.stdout, "Het logboek is intact: %d regels gecontroleerd.\n", c.Entries)
	return nil
}

// auditProblems words what VerifyAudit found, the chain first, then the seal.
func auditProblems(c app.AuditCheck) string {
	var out []string
	if c.FirstBad != 0 {
		out = append(out, fmt.Sprintf("regel %d past niet in de hashketen "+
			"(de regel is gewijzigd, of een regel ervoor is verwijderd)", c.FirstBad))
	}
	if p := sealProblem(c); p != "" {
		out = append(out, p)
	}
	return strings.Join(out, "; ")
}

func sealProblem(c app.AuditCheck) string {
	counts := fmt.Sprintf("(het zegel telt %d regels, er zijn er %d)", c.Verwacht, c.Aanwezig)
	switch c.Zegel {
	case app.ZegelOntbreekt:
		return "het zegel van het logboek ontbreekt (het is verwijderd)"
	case app.ZegelVervalst:
		return "het zegel van het logboek is buiten Terugkeer gewijzigd (de controlecode klopt niet)"
	case app.ZegelBegin:
		if c.Aanwezig == 0 {
			return "alle regels zijn verwijderd " + counts
		}
		return "de oudste regels zijn verwijderd " + counts
	case app.ZegelEind:
		if c.Aanwezig == 0 {
			return "alle regels zijn verwijderd " + counts
		}
		return "de nieuwste regels zijn verwijderd " + counts
	case app.ZegelAantal:
		return "het aantal regels klopt niet " + counts
	case app.ZegelAnker:
		return "het anker van het logboek is gewijzigd"
	}
	return ""
}
