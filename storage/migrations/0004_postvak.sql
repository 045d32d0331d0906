-- IMAP settings and import state: filled by the IMAP issue.
SELECT 1;
