package report

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/terugkeer/terugkeer/app"
)

// The temporary file of WriteFile: tempPrefix, the process id, "-", random, tempSuffix.
const (
	tempPrefix = ".terugkeer-"
	tempSuffix = ".tmp"
)

// WriteFile writes a report to path through a temporary file in the same directory
// (mode 0600), synced and then renamed over path: a reader never sees a partial file, an
// error leaves nothing behind, and the file is readable by its owner only, also when
// path existed with wider permissions (a file dialog creates the file it offers).
//
// The temporary file's name carries the process id (".terugkeer-PID-*.tmp"): one left
// by a run that was killed is removed by the next WriteFile into that folder and by
// RemoveStaleTemp at the next start of the app.
func WriteFile(path string, write func(io.Writer) error) (err error) {
	RemoveStaleTemp(filepath.Dir(path))
	tmp, err := os.CreateTemp(filepath.Dir(path), tempPrefix+strconv.Itoa(os.Getpid())+"-*"+tempSuffix)
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

// RemoveStaleTemp removes, in dir, the temporary files of WriteFile whose process no
// longer runs (a PDF run that was killed): a half-written report must not stay behind.
// Files of a running process are left alone; errors are ignored (tried again next time).
func RemoveStaleTemp(dir string) {
	if dir == "" {
		return
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if pid, ok := tempPID(e.Name()); ok && e.Type().IsRegular() && !app.ProcessRuns(pid) {
			os.Remove(filepath.Join(dir, e.Name())) //nolint:errcheck // tried again next time
		}
	}
}

// tempPID returns the process id in a WriteFile temporary file's name. A name of an
// older version (".terugkeer-RANDOM.tmp", no process id) yields its number, which names
// no running process in practice either.
func tempPID(name string) (int, bool) {
	rest, ok := strings.CutPrefix(name, tempPrefix)
	if !ok || !strings.HasSuffix(rest, tempSuffix) {
		return 0, false
	}
	num, _, _ := strings.Cut(strings.TrimSuffix(rest, tempSuffix), "-")
	pid, err := strconv.Atoi(num)
	return pid, err == nil && pid > 0
}
