package main

import (
	"flag"
	"io"
	"strconv"
)

// newFlags returns a flag set that reports errors as usage errors instead of printing.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return usagef("Onjuiste opties: %v", err)
	}
	return nil
}

// personFlags are the ways to name one person: --bsn, --skn or --id.
type personFlags struct {
	bsn, skn string
	id       int64
}

func (p *personFlags) register(fs *flag.FlagSet, withSKN bool) {
	fs.StringVar(&p.bsn, "bsn", "", "BSN van de persoon")
	if withSKN {
		fs.StringVar(&p.skn, "skn", "", "SKN van de persoon")
	}
	fs.Int64Var(&p.id, "id", 0, "intern nummer van de persoon")
}

func (p *personFlags) check() error {
	n := 0
	for _, set := range []bool{p.bsn != "", p.skn != "", p.id != 0} {
		if set {
			n++
		}
	}
	if n != 1 {
		return usagef("Geef precies één van --bsn, --skn of --id op.")
	}
	return nil
}

func parseID(s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, usagef("%q is geen geldig nummer.", s)
	}
	return id, nil
}
