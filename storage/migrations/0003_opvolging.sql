-- Follow-up per domain and contact log: filled by the follow-up issue.
SELECT 1;
