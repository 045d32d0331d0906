package msgtest

import (
	"encoding/binary"
	"fmt"
	"unicode/utf16"
)

// Message is an Outlook message to write.
type Message struct {
	Subject   string
	MessageID string // PidTagInternetMessageId, e.g. "<abc@example.nl>"
	Headers   string // PidTagTransportMessageHeaders
	Body      string // PidTagBody, as UTF-16 (001F) unless Body8 is set
	// Body8 is the body as 8-bit text (001E) in Codepage, written instead of Body.
	Body8       []byte
	Codepage    int // PidTagInternetCodepage and PidTagMessageCodepage; 0 writes neither
	Attachments []Attachment
}

// Attachment is a file (Data) or an embedded message (Embedded).
type Attachment struct {
	Name     string // PidTagAttachLongFilename
	MimeTag  string
	Data     []byte
	Embedded *Message
}

// property is one entry of a property stream.
type property struct {
	tag   uint32 // id<<16 | type
	value uint64
}

// File returns the .msg file of m.
func File(m *Message) []byte {
	nodes := m.nodes(32)
	nodes = append(nodes, Storage("__nameid_version1.0",
		Stream("__substg1.0_00020102", nil),
		Stream("__substg1.0_00030102", nil),
		Stream("__substg1.0_00040102", nil)))
	return Compound(nodes...)
}

// nodes returns the streams and storages of a message whose property stream
// header is headerLen bytes (32 for the file, 24 for an embedded message).
func (m *Message) nodes(headerLen int) []*Node {
	var nodes []*Node
	var props []property
	str := func(id uint16, s string) {
		if s == "" {
			return
		}
		nodes = append(nodes, unicodeStream(id, s))
		props = append(props, property{uint32(id)<<16 | 0x001F, uint64(2*len(utf16.Encode([]rune(s))) + 2)})
	}
	str(0x001A, "IPM.Note")
	str(0x0037, m.Subject)
	str(0x1035, m.MessageID)
	str(0x007D, m.Headers)
	if m.Body8 != nil {
		nodes = append(nodes, Stream(fmt.Sprintf("__substg1.0_%04X001E", 0x1000), m.Body8))
		props = append(props, property{0x1000<<16 | 0x001E, uint64(len(m.Body8) + 1)})
	} else {
		str(0x1000, m.Body)
	}
	if m.Codepage != 0 {
		props = append(props, property{0x3FDE<<16 | 0x0003, uint64(m.Codepage)})
		props = append(props, property{0x3FFD<<16 | 0x0003, uint64(m.Codepage)})
	}
	for i, a := range m.Attachments {
		nodes = append(nodes, a.storage(i))
	}
	header := make([]byte, headerLen)
	le := binary.LittleEndian
	le.PutUint32(header[12:], uint32(len(m.Attachments))) // next attachment id
	le.PutUint32(header[20:], uint32(len(m.Attachments))) // attachment count
	return append(nodes, Stream("__properties_version1.0", propertyStream(header, props)))
}

func (a Attachment) storage(i int) *Node {
	var nodes []*Node
	var props []property
	if a.Name != "" {
		nodes = append(nodes, unicodeStream(0x3707, a.Name))
		props = append(props, property{0x3707<<16 | 0x001F, uint64(2*len(utf16.Encode([]rune(a.Name))) + 2)})
	}
	if a.MimeTag != "" {
		nodes = append(nodes, unicodeStream(0x370E, a.MimeTag))
		props = append(props, property{0x370E<<16 | 0x001F, uint64(2*len(a.MimeTag) + 2)})
	}
	method := uint64(1) // afByValue
	if a.Embedded != nil {
		method = 5 // afEmbeddedMessage
		nodes = append(nodes, Storage("__substg1.0_3701000D", a.Embedded.nodes(24)...))
		props = append(props, property{0x3701<<16 | 0x000D, 0xFFFFFFFF})
	} else {
		nodes = append(nodes, Stream("__substg1.0_37010102", a.Data))
		props = append(props, property{0x3701<<16 | 0x0102, uint64(len(a.Data))})
	}
	props = append(props, property{0x3705<<16 | 0x0003, method})
	nodes = append(nodes, Stream("__properties_version1.0", propertyStream(make([]byte, 8), props)))
	return Storage(fmt.Sprintf("__attach_version1.0_#%08X", i), nodes...)
}

func unicodeStream(id uint16, s string) *Node {
	u := utf16.Encode([]rune(s))
	b := make([]byte, 2*len(u))
	for i, c := range u {
		binary.LittleEndian.PutUint16(b[2*i:], c)
	}
	return Stream(fmt.Sprintf("__substg1.0_%04X001F", id), b)
}

func propertyStream(header []byte, props []property) []byte {
	out := append([]byte(nil), header...)
	for _, p := range props {
		e := make([]byte, 16)
		binary.LittleEndian.PutUint32(e[0:], p.tag)
		binary.LittleEndian.PutUint32(e[4:], 6) // readable, writable
		binary.LittleEndian.PutUint64(e[8:], p.value)
		out = append(out, e...)
	}
	return out
}
