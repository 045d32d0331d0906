package sqlstore

// EachRow calls fn with the three columns (an id and two texts) of every row.
func EachRow(tx Querier, query string, arg any, fn func(int64, string, string)) error {
	rows, err := tx.Query(query, arg)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var a, b string
		if err := rows.Scan(&id, &a, &b); err != nil {
			return err
		}
		fn(id, a, b)
	}
	return rows.Err()
}
