package sqlite

// boolValue is the stored form of b: 1 or 0.
func boolValue(b bool) int {
	if b {
		return 1
	}
	return 0
}
