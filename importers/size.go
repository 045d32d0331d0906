package importers

import "fmt"

// sizeMiB formats a byte count that is a whole number of MiB, e.g. "10 MiB".
func sizeMiB(n int64) string {
	return fmt.Sprintf("%d MiB", n>>20)
}
