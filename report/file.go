package report

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
)

// WriteFile writes a report to path through a temporary file in the same directory
// (mode 0600), synced and then renamed over path: a reader never sees a partial file, an
// error leaves nothing behind, and the file is readable by its owner only, also when
// path existed with wider permissions (a file dialog creates the file it offers).
func WriteFile(path string, write func(io.Writer) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".terugkeer-*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = tmp.Chmod(0o600); err != nil {
		return err
	}
	bw := bufio.NewWriter(tmp)
	if err = write(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
