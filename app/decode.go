package app

// Item is the raw bytes of one message as found in a file or an e-mail.
type Item struct {
	Bron      string // file path, or the mail's source plus " deel N"
	Raw       []byte
	MessageID string // the e-mail's Message-ID, when it came in one
	// Reden is set when this part of a file could not be read (an attachment over the
	// size limit, a broken stream; in an e-mail: bad base64, an unknown transfer
	// encoding, cut off): Raw then holds the part's own bytes as received, and the item
	// goes to quarantine with this reason while the file's other items are imported.
	Reden string

	quarantineID int64 // the quarantine entry a retry reads it from; a revocation spares that one
	// canonical is the parsed message's canonical form (Message.canonicalForm), made
	// where the item was parsed; nil: kenmerkUseOf makes it.
	canonical []byte
}

// Decoder turns the bytes of a file or mail into messages. importers/ implements it for
// formats v1 and v2; another source format is another Decoder yielding the same Messages.
type Decoder interface {
	// Extract splits a file or e-mail into its message items. An XML document is one
	// item; an e-mail yields one item per XML part, and none for a notification without
	// a message. A part that cannot be decoded is an item with Reden set. An error of
	// type *InvalidMessageError means the bytes as a whole cannot be read (broken MIME,
	// too large) and belong in quarantine.
	Extract(bron string, raw []byte) ([]Item, error)
	// Parse reads one message and validates it (Message.Validate). Errors are
	// *InvalidMessageError with one Dutch reason.
	Parse(raw []byte) (*Message, error)
}

// MaxMessageSize is the spec's limit for one message document.
const MaxMessageSize = 10 << 20
