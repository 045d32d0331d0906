// Package msgtest writes Outlook .msg files for tests: a minimal compound file
// writer (MS-CFB version 3) and the MS-OXMSG properties on top of it. mscfb only
// reads, and no well-kept Go compound file writer exists. Not for production use:
// nothing outside tests imports it.
package msgtest

import (
	"bytes"
	"encoding/binary"
	"sort"
	"strings"
	"unicode/utf16"
)

// Node is a storage (Children) or a stream (Data) of a compound file.
type Node struct {
	Name     string
	Data     []byte
	Children []*Node
	storage  bool
}

// Storage returns a storage node.
func Storage(name string, children ...*Node) *Node {
	return &Node{Name: name, Children: children, storage: true}
}

// Stream returns a stream node.
func Stream(name string, data []byte) *Node {
	return &Node{Name: name, Data: data}
}

const (
	sectorSize   = 512
	miniSize     = 64
	miniCutoff   = 4096
	endOfChain   = 0xFFFFFFFE
	freeSect     = 0xFFFFFFFF
	fatSect      = 0xFFFFFFFD
	difatSect    = 0xFFFFFFFC
	noStream     = 0xFFFFFFFF
	entriesPerFS = sectorSize / 4
)

// entry is one directory entry being laid out.
type entry struct {
	node               *Node
	kind               byte // 1 storage, 2 stream, 5 root
	left, right, child uint32
	red                bool
	start              uint32
	size               uint64
}

// Compound writes the children of a root storage as a compound file.
func Compound(children ...*Node) []byte {
	w := &writer{}
	w.entries = []*entry{{node: Storage("Root Entry", children...), kind: 5, left: noStream, right: noStream, child: noStream}}
	w.addChildren(0)
	return w.bytes()
}

type writer struct {
	entries []*entry
	mini    []byte   // the mini stream
	miniFAT []uint32 // chains in the mini stream
}

// addChildren adds the children of entry i as a red-black tree of siblings.
func (w *writer) addChildren(i int) {
	kids := append([]*Node(nil), w.entries[i].node.Children...)
	sort.Slice(kids, func(a, b int) bool { return less(kids[a].Name, kids[b].Name) })
	ids := make([]uint32, len(kids))
	for k, n := range kids {
		ids[k] = uint32(len(w.entries))
		kind := byte(2)
		if n.storage {
			kind = 1
		}
		w.entries = append(w.entries, &entry{node: n, kind: kind, left: noStream, right: noStream, child: noStream})
	}
	w.entries[i].child = w.tree(ids, 0, depthOf(len(ids)))
	for _, id := range ids {
		if w.entries[id].kind == 1 {
			w.addChildren(int(id))
		}
	}
}

// tree links sorted ids into a balanced tree and returns its root. Nodes on the
// deepest level are red when that level is not full, so every path holds the same
// number of black nodes.
func (w *writer) tree(ids []uint32, depth, maxDepth int) uint32 {
	if len(ids) == 0 {
		return noStream
	}
	mid := len(ids) / 2
	e := w.entries[ids[mid]]
	e.left = w.tree(ids[:mid], depth+1, maxDepth)
	e.right = w.tree(ids[mid+1:], depth+1, maxDepth)
	e.red = depth == maxDepth && maxDepth > 0
	return ids[mid]
}

// depthOf returns the deepest level of a halving tree of n nodes when that level
// is not full, else -1.
func depthOf(n int) int {
	d, full := 0, 1
	for n > full {
		n -= full
		full *= 2
		d++
	}
	if n == full {
		return -1
	}
	return d
}

// less is the compound file's sibling order: shorter names first, then by upper case.
func less(a, b string) bool {
	ua, ub := utf16.Encode([]rune(a)), utf16.Encode([]rune(b))
	if len(ua) != len(ub) {
		return len(ua) < len(ub)
	}
	return strings.ToUpper(a) < strings.ToUpper(b)
}

func (w *writer) bytes() []byte {
	// Small streams into the mini stream, large ones into their own sectors.
	var big []*entry
	for _, e := range w.entries {
		if e.kind != 2 {
			continue
		}
		e.size = uint64(len(e.node.Data))
		switch {
		case len(e.node.Data) == 0:
			e.start = endOfChain
		case len(e.node.Data) < miniCutoff:
			e.start = w.addMini(e.node.Data)
		default:
			big = append(big, e)
		}
	}
	dirSectors := sectors(len(w.entries) * 128)
	miniFATSectors := sectors(len(w.miniFAT) * 4)
	miniSectors := sectors(len(w.mini))
	data := dirSectors + miniFATSectors + miniSectors
	for _, e := range big {
		data += sectors(len(e.node.Data))
	}
	nFAT, nDIFAT := 1, 0
	for nFAT*entriesPerFS < data+nFAT+nDIFAT {
		nFAT++
		nDIFAT = 0
		if nFAT > 109 {
			nDIFAT = (nFAT - 109 + entriesPerFS - 2) / (entriesPerFS - 1)
		}
	}
	fat := make([]uint32, nFAT*entriesPerFS)
	for i := range fat {
		fat[i] = freeSect
	}
	next := uint32(0)
	fatLocs := alloc(fat, &next, nFAT, fatSect)
	difatLocs := alloc(fat, &next, nDIFAT, difatSect)
	dirStart := chain(fat, &next, dirSectors)
	miniFATStart := chain(fat, &next, miniFATSectors)
	miniStart := chain(fat, &next, miniSectors)
	for _, e := range big {
		e.start = chain(fat, &next, sectors(len(e.node.Data)))
	}
	root := w.entries[0]
	root.start, root.size = miniStart, uint64(len(w.mini))
	if len(w.mini) == 0 {
		root.start = endOfChain
	}

	var out bytes.Buffer
	out.Write(header(fatLocs, difatLocs, dirStart, miniFATStart, miniFATSectors))
	for i := 0; i < nFAT; i++ {
		writeUint32s(&out, fat[i*entriesPerFS:(i+1)*entriesPerFS])
	}
	writeDIFAT(&out, fatLocs, difatLocs)
	out.Write(pad(w.directory()))
	mf := append([]uint32(nil), w.miniFAT...)
	for len(mf)*4%sectorSize != 0 {
		mf = append(mf, freeSect)
	}
	writeUint32s(&out, mf)
	out.Write(pad(w.mini))
	for _, e := range big {
		out.Write(pad(e.node.Data))
	}
	return out.Bytes()
}

// addMini appends a stream to the mini stream and returns its first mini sector.
func (w *writer) addMini(data []byte) uint32 {
	start := uint32(len(w.miniFAT))
	n := (len(data) + miniSize - 1) / miniSize
	for i := 0; i < n; i++ {
		w.miniFAT = append(w.miniFAT, uint32(len(w.miniFAT)+1))
	}
	w.miniFAT[len(w.miniFAT)-1] = endOfChain
	w.mini = append(w.mini, data...)
	for len(w.mini)%miniSize != 0 {
		w.mini = append(w.mini, 0)
	}
	return start
}

func sectors(n int) int { return (n + sectorSize - 1) / sectorSize }

// alloc marks n sectors with a special value and returns their numbers.
func alloc(fat []uint32, next *uint32, n int, mark uint32) []uint32 {
	var locs []uint32
	for i := 0; i < n; i++ {
		fat[*next] = mark
		locs = append(locs, *next)
		*next++
	}
	return locs
}

// chain allocates n consecutive sectors as one chain and returns its start.
func chain(fat []uint32, next *uint32, n int) uint32 {
	if n == 0 {
		return endOfChain
	}
	start := *next
	for i := 0; i < n; i++ {
		fat[*next] = *next + 1
		*next++
	}
	fat[*next-1] = endOfChain
	return start
}

func header(fatLocs, difatLocs []uint32, dirStart, miniFATStart uint32, miniFATSectors int) []byte {
	h := make([]byte, sectorSize)
	copy(h, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
	le := binary.LittleEndian
	le.PutUint16(h[24:], 0x003E)
	le.PutUint16(h[26:], 3)
	le.PutUint16(h[28:], 0xFFFE)
	le.PutUint16(h[30:], 9)
	le.PutUint16(h[32:], 6)
	le.PutUint32(h[44:], uint32(len(fatLocs)))
	le.PutUint32(h[48:], dirStart)
	le.PutUint32(h[56:], miniCutoff)
	le.PutUint32(h[60:], miniFATStart)
	le.PutUint32(h[64:], uint32(miniFATSectors))
	difatStart := uint32(endOfChain)
	if len(difatLocs) > 0 {
		difatStart = difatLocs[0]
	}
	le.PutUint32(h[68:], difatStart)
	le.PutUint32(h[72:], uint32(len(difatLocs)))
	for i := 0; i < 109; i++ {
		v := uint32(freeSect)
		if i < len(fatLocs) {
			v = fatLocs[i]
		}
		le.PutUint32(h[76+4*i:], v)
	}
	return h
}

// writeDIFAT writes the DIFAT sectors: the FAT sector numbers beyond the header's 109.
func writeDIFAT(out *bytes.Buffer, fatLocs, difatLocs []uint32) {
	rest := fatLocs[min(109, len(fatLocs)):]
	for i := range difatLocs {
		s := make([]uint32, entriesPerFS)
		for j := 0; j < entriesPerFS-1; j++ {
			s[j] = freeSect
			if k := i*(entriesPerFS-1) + j; k < len(rest) {
				s[j] = rest[k]
			}
		}
		s[entriesPerFS-1] = endOfChain
		if i+1 < len(difatLocs) {
			s[entriesPerFS-1] = difatLocs[i+1]
		}
		writeUint32s(out, s)
	}
}

func (w *writer) directory() []byte {
	var out []byte
	for _, e := range w.entries {
		out = append(out, e.bytes()...)
	}
	for len(out)%sectorSize != 0 {
		empty := &entry{left: noStream, right: noStream, child: noStream}
		out = append(out, empty.bytes()...)
	}
	return out
}

func (e *entry) bytes() []byte {
	b := make([]byte, 128)
	le := binary.LittleEndian
	if e.node != nil {
		name := utf16.Encode([]rune(e.node.Name))
		for i, c := range name {
			le.PutUint16(b[2*i:], c)
		}
		le.PutUint16(b[64:], uint16(2*len(name)+2))
	}
	b[66] = e.kind
	b[67] = 1 // black
	if e.red {
		b[67] = 0
	}
	le.PutUint32(b[68:], e.left)
	le.PutUint32(b[72:], e.right)
	le.PutUint32(b[76:], e.child)
	le.PutUint32(b[116:], e.start)
	le.PutUint64(b[120:], e.size)
	return b
}

func pad(b []byte) []byte {
	if len(b)%sectorSize == 0 {
		return b
	}
	return append(append([]byte(nil), b...), make([]byte, sectorSize-len(b)%sectorSize)...)
}

func writeUint32s(out *bytes.Buffer, v []uint32) {
	b := make([]byte, 4*len(v))
	for i, x := range v {
		binary.LittleEndian.PutUint32(b[4*i:], x)
	}
	out.Write(b)
}
