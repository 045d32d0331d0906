package app

// FollowupReadTx reads follow-up per domain and contacts (the follow-up issue fills it).
type FollowupReadTx interface{}

// FollowupTx writes follow-up per domain and contacts.
type FollowupTx interface{}
