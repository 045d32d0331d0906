package postgres

import (
	"fmt"
	"strings"

	"github.com/terugkeer/terugkeer/app"
)

// domainRank is the position of column col's domain in app.Leefgebieden (0 for any
// other), in literals: the expression of the indexes followups_verlopen and
// plan_agreements_gemeente_naam (migration 0009), which a query must write exactly so
// for the planner to read the index in its order.
func domainRank(col string) string {
	var b strings.Builder
	b.WriteString(`CASE ` + col)
	for i, d := range app.Leefgebieden() {
		fmt.Fprintf(&b, ` WHEN '%s' THEN %d`, d, i)
	}
	b.WriteString(` ELSE 0 END`)
	return b.String()
}
