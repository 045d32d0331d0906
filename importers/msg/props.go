package msg

import (
	"encoding/binary"
	"fmt"
	"strings"
	"unicode/utf16"
)

// Property identifiers (MS-OXPROPS) this package reads.
const (
	pidSubject           = 0x0037
	pidTransportHeaders  = 0x007D
	pidBody              = 0x1000
	pidInternetMessageID = 0x1035
	pidAttachData        = 0x3701
	pidAttachFilename    = 0x3704
	pidAttachLongName    = 0x3707
	pidAttachMimeTag     = 0x370E
	pidInternetCodepage  = 0x3FDE
	pidMessageCodepage   = 0x3FFD
)

// Property types (MS-OXCDATA).
const (
	typeInt32   = 0x0003
	typeObject  = 0x000D
	typeString8 = 0x001E
	typeUnicode = 0x001F
	typeBinary  = 0x0102
)

// Header lengths of the property stream (MS-OXMSG 2.4): the message of the file,
// an embedded message, and an attachment or recipient.
const (
	headerTop      = 32
	headerEmbedded = 24
	headerAttach   = 8
)

// propsStream is the name of the property stream in every storage.
const propsStream = "__PROPERTIES_VERSION1.0"

// streamName is the name of a variable-length property's stream, e.g.
// __SUBSTG1.0_0037001F (upper case, as the tree keys it).
func streamName(id, typ uint16) string {
	return fmt.Sprintf("__SUBSTG1.0_%04X%04X", id, typ)
}

// fixedProps reads the 32-bit integer properties of a property stream, by id.
// A missing or short stream yields none: these properties only refine decoding.
func fixedProps(data []byte, headerLen int) map[uint16]uint32 {
	out := map[uint16]uint32{}
	if len(data) < headerLen {
		return out
	}
	for e := data[headerLen:]; len(e) >= 16; e = e[16:] {
		tag := binary.LittleEndian.Uint32(e[0:4])
		if uint16(tag) == typeInt32 {
			out[uint16(tag>>16)] = binary.LittleEndian.Uint32(e[8:12])
		}
	}
	return out
}

// Text is a string property as stored: UTF-16LE or 8-bit text in a code page.
type Text struct {
	Data     []byte
	Unicode  bool // type 001F (UTF-16LE); otherwise 001E in Codepage
	Codepage int  // the Windows code page of 8-bit text (0: unknown, read as 1252)
}

// String decodes the text to UTF-8, without a terminating NUL.
func (t Text) String() string {
	if t.Unicode {
		return utf16String(t.Data)
	}
	return decode8(t.Data, t.Codepage)
}

func utf16String(b []byte) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = binary.LittleEndian.Uint16(b[2*i:])
	}
	return strings.TrimRight(string(utf16.Decode(u)), "\x00")
}
