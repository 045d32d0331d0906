-- 0019: left free for another change of the same round (renumbered at merge).
SELECT 1;
