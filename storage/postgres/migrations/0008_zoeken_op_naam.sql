-- 0008: a search word that many persons have (issue 16 item 9; 'berg': 2,217 of
-- 150,000) lists its first page by name from an index alone. The planner walks
-- persons_sorteernaam for it and tests every person on the way against the word: at
-- 150,000 persons 4,314 of them for 50 matches, each a read of its row in the table
-- (4,561 buffers, 8 ms median and 28 ms p95 on a loaded machine). With zoek in the
-- index the walk tests the word in the index (an index-only scan; the query finds the
-- page's ids first, storage/postgres/search.go) and reads the rows of the 50 shown:
-- 442 buffers. A rare word still goes through the trigram index persons_zoek.
CREATE INDEX persons_sorteernaam_zoek ON persons (sorteernaam, id) INCLUDE (zoek);
