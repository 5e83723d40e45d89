import type { SqlClient } from './sql-client';

/**
 * One value per SQL client, made on first use and gone with the client: what every store opened
 * on the same client (a service's own, and the readers of its log) must share.
 */
export function perClient<Value>(create: (sql: SqlClient) => Value): (sql: SqlClient) => Value {
  const values = new WeakMap<SqlClient, Value>();
  return (sql) => {
    let value = values.get(sql);
    if (value === undefined) {
      value = create(sql);
      values.set(sql, value);
    }
    return value;
  };
}
