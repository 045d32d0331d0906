package msg

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/richardlehane/mscfb"
)

// Signature is the first eight bytes of every compound file, and so of every .msg file.
const Signature = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

// IsMsg reports whether raw starts like a compound file (an Outlook .msg).
func IsMsg(raw []byte) bool {
	return bytes.HasPrefix(raw, []byte(Signature))
}

// MaxDepth bounds the nesting of embedded messages.
const MaxDepth = 32

// ErrFormat is wrapped by every error of Parse: the file is not a readable .msg.
var ErrFormat = errors.New("ongeldig Outlook-bericht")

// Message is one Outlook message (the file, or an embedded message in it).
type Message struct {
	Subject   string
	MessageID string // PidTagInternetMessageId as stored (usually with angle brackets)
	Headers   string // PidTagTransportMessageHeaders: the headers of the mail as received
	Body      Text   // PidTagBody
	// Attachments in the order of their number (__attach_version1.0_#00000000 first).
	Attachments []Attachment
}

// Attachment is one attachment: a file (Data) or an embedded message (Embedded).
type Attachment struct {
	Name     string // PidTagAttachLongFilename, or else PidTagAttachFilename
	MimeTag  string // PidTagAttachMimeTag, e.g. "application/xml"
	Data     []byte // PidTagAttachDataBinary
	Embedded *Message
	// Err says why the attachment cannot be read (wrapping ErrFormat); the message and
	// its other attachments are unaffected.
	Err error
}

// Parse reads a .msg file. The error wraps ErrFormat and says, in Dutch, which
// structure is wrong.
func Parse(raw []byte) (*Message, error) {
	if !IsMsg(raw) {
		return nil, formatError("het bestand is geen Outlook-bericht (compound file)")
	}
	r, err := openCompound(raw)
	if err != nil {
		return nil, err
	}
	root, err := buildTree(r)
	if err != nil {
		return nil, err
	}
	rd := &reader{budget: int64(len(raw))}
	return rd.message(root, headerTop, 0)
}

// openCompound opens the compound file, turning a panic of the reader on a hostile
// file into an error.
func openCompound(raw []byte) (r *mscfb.Reader, err error) {
	defer func() {
		if recover() != nil {
			r, err = nil, formatError("de opbouw van het Outlook-bericht (compound file) is ongeldig")
		}
	}()
	r, err = mscfb.New(bytes.NewReader(raw))
	if err != nil {
		return nil, formatError("de opbouw van het Outlook-bericht (compound file) is ongeldig")
	}
	return r, nil
}

// FormatError is the error of Parse and of Attachment.Err: one Dutch sentence that
// names a structure of the file, never its content.
type FormatError struct{ Reason string }

func (e *FormatError) Error() string { return e.Reason }

// Is makes errors.Is(err, ErrFormat) true.
func (e *FormatError) Is(target error) bool { return target == ErrFormat }

func formatError(reason string, args ...any) error {
	return &FormatError{Reason: fmt.Sprintf(reason, args...)}
}
