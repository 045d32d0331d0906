-- 0012: the content hash of the message first imported under each kenmerk.
--
-- A reused kenmerk is not a duplicate (berichtformaat-v2.md, "Version 1, made precise"):
-- only a message with the same content is 'dubbel'. The hash is an HMAC-SHA256 under the
-- installation key over the parsed message (app.Message.ContentHash), so it holds no
-- content and cannot be found by trying values. Messages recorded before this step keep
-- '' and are compared as before, by kenmerk alone.
ALTER TABLE messages ADD COLUMN inhoud TEXT NOT NULL DEFAULT '';
