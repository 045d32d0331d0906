//go:build !windows

package app

import (
	"errors"
	"os"
	"path/filepath"
)

// documentsDir is ~/Documenten or ~/Documents, whichever exists.
func documentsDir() (string, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	for _, name := range []string{"Documenten", "Documents"} {
		dir := filepath.Join(home, name)
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			return dir, nil
		}
	}
	return "", errors.New("geen map voor documenten")
}
