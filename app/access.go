package app

import (
	"context"
	"slices"
)

// DefaultAccessLimit is how many entries "Wie heeft dit dossier ingezien" shows at once.
const DefaultAccessLimit = 50

// PersonAccessLog is what the audit log holds about one person's file (NEN 7513: who,
// when, which action): the newest entries first, at most the limit asked for, beside the
// number of all of them.
type PersonAccessLog struct {
	Entries []AuditEntry // newest first
	Totaal  int          // entries about the person in the whole log
}

// PersonAccess returns who viewed, exported or changed the file of person id, newest
// first: the last limit entries about the person (limit 0: DefaultAccessLimit) and the
// true total. It reads the log by object id (index audit_object) and keeps the entries
// about a person, not those about another object that has the same number. Reading the
// log is not an inzage of the file: as the Logboek, it writes no audit entry.
func (s *Service) PersonAccess(ctx context.Context, id int64, limit int) (PersonAccessLog, error) {
	if limit <= 0 {
		limit = DefaultAccessLimit
	}
	if id <= 0 {
		return PersonAccessLog{}, ErrNotFound
	}
	all, err := s.AuditLog(ctx, AuditFilter{ObjectID: id})
	if err != nil {
		return PersonAccessLog{}, err
	}
	all = slices.DeleteFunc(all, func(e AuditEntry) bool { return e.Object != ObjectPersoon })
	slices.Reverse(all)
	out := PersonAccessLog{Totaal: len(all)}
	out.Entries = all[:min(limit, len(all))]
	return out, nil
}
