// Package msg reads Outlook .msg files: the property layer of MS-OXMSG on top of
// the compound file reader github.com/richardlehane/mscfb.
//
// Parse reads what an import needs and nothing more: the subject, the plain-text
// body, the Internet Message-ID, the transport headers and the attachments (their
// file name, MIME tag and bytes, or an embedded message). Strings are stored as
// UTF-16LE (type 001F) or as 8-bit text in the message's code page (type 001E).
//
// Every error names the structure that is wrong, never the content: the reasons
// can go into a quarantine entry. A broken attachment does not fail the message;
// its Err says why it cannot be read.
package msg
