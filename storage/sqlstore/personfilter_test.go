package sqlstore

import "testing"

func TestLikePatternEscapes(t *testing.T) {
	if got := LikePattern(`a%b_c\d`); got != `%a\%b\_c\\d%` {
		t.Fatalf("got %q", got)
	}
}
