package postgres

import "strings"

// likePattern is a LIKE pattern matching word anywhere, with % and _ taken literally
// (ESCAPE '\').
func likePattern(word string) string {
	word = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(word)
	return "%" + word + "%"
}
