package msg

import (
	"io"
	"sort"
	"strings"

	"github.com/richardlehane/mscfb"
)

// storage is one storage of the compound file: its streams and sub-storages by name.
type storage struct {
	streams map[string]*mscfb.File
	subs    map[string]*storage
}

func newStorage() *storage {
	return &storage{streams: map[string]*mscfb.File{}, subs: map[string]*storage{}}
}

// buildTree arranges the directory entries (listed with their parent path) into
// storages. The root entry itself is r.File[0].
func buildTree(r *mscfb.Reader) (*storage, error) {
	root := newStorage()
	for _, f := range r.File[1:] {
		parent := root
		for _, name := range f.Path {
			parent = parent.sub(name)
		}
		if f.FileInfo().IsDir() {
			parent.sub(f.Name)
		} else {
			parent.streams[strings.ToUpper(f.Name)] = f
		}
	}
	return root, nil
}

func (s *storage) sub(name string) *storage {
	name = strings.ToUpper(name) // compound file names compare case-insensitively
	c, ok := s.subs[name]
	if !ok {
		c = newStorage()
		s.subs[name] = c
	}
	return c
}

// attachments returns the attachment storages in the order of their number.
func (s *storage) attachments() []*storage {
	var names []string
	for name := range s.subs {
		if strings.HasPrefix(name, "__ATTACH_VERSION1.0_#") {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	out := make([]*storage, len(names))
	for i, n := range names {
		out[i] = s.subs[n]
	}
	return out
}

// reader reads streams within a budget: all streams together may not hold more
// bytes than the file itself, whatever sizes a hostile directory declares.
type reader struct {
	budget int64
}

// read returns a stream's bytes.
func (rd *reader) read(f *mscfb.File) (data []byte, err error) {
	defer func() {
		if recover() != nil {
			data, err = nil, formatError("een gegevensstroom in het Outlook-bericht is onleesbaar")
		}
	}()
	if f.Size > rd.budget {
		return nil, formatError("de gegevensstromen in het Outlook-bericht zijn groter dan het bestand zelf")
	}
	data = make([]byte, f.Size)
	n, err := io.ReadFull(f, data)
	rd.budget -= int64(n)
	if err != nil {
		return nil, formatError("een gegevensstroom in het Outlook-bericht is onleesbaar of afgebroken")
	}
	return data, nil
}
