package app

// MailboxReadTx reads the IMAP settings and import state (the IMAP issue fills it).
type MailboxReadTx interface{}

// MailboxTx writes the IMAP settings and import state.
type MailboxTx interface{}
