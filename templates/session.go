package templates

import "github.com/authgen/authgen/internal/model"

// sharedStore reports a store that several app instances share over the
// network (PostgreSQL, Redis): its tests need a real server.
func sharedStore(m model.Model) bool { return m.StorePostgres() || m.StoreRedis() }

// sqlStore reports a store with SQL migrations (SQLite, PostgreSQL).
func sqlStore(m model.Model) bool { return m.StoreSQLite() || m.StorePostgres() }

// sessionFiles are the session strategy's files. The memory store is
// always rendered (tests and the example use it); the other stores and
// their migrations only when chosen. Rows For cookies (the SQLite,
// PostgreSQL and Redis connections with their migration runners and tests,
// and the test servers) serve the hybrid strategy too.
var sessionFiles = []File{
	{Tmpl: "session/doc.go.tmpl", Out: "doc.go", For: session},
	{Tmpl: "session/config.go.tmpl", Out: "config.go", For: session},
	{Tmpl: "session/session.go.tmpl", Out: "session.go", For: session},
	{Tmpl: "session/handlers.go.tmpl", Out: "handlers.go", For: session},
	{Tmpl: "session/csrf_tokens.go.tmpl", Out: "csrf_tokens.go", For: session},
	{Tmpl: "session/store.go.tmpl", Out: "store.go", For: session},
	{Tmpl: "session/store_memory.go.tmpl", Out: "store_memory.go", For: session},
	{Tmpl: "session/migrations.go.tmpl", Out: "migrations.go", For: cookies, When: sqlStore},
	{Tmpl: "session/sqlite.go.tmpl", Out: "sqlite.go", For: cookies, When: model.Model.StoreSQLite},
	{Tmpl: "session/store_sqlite.go.tmpl", Out: "store_sqlite.go", For: session, When: model.Model.StoreSQLite},
	{Tmpl: "session/migrations/0001_sessions.sql.tmpl", Out: "migrations/0001_sessions.sql", For: session, When: model.Model.StoreSQLite},
	{Tmpl: "session/postgres.go.tmpl", Out: "postgres.go", For: cookies, When: model.Model.StorePostgres},
	{Tmpl: "session/store_postgres.go.tmpl", Out: "store_postgres.go", For: session, When: model.Model.StorePostgres},
	{Tmpl: "session/migrations/postgres/0001_sessions.sql.tmpl", Out: "migrations/0001_sessions.sql", For: session, When: model.Model.StorePostgres},
	{Tmpl: "session/redis.go.tmpl", Out: "redis.go", For: cookies, When: model.Model.StoreRedis},
	{Tmpl: "session/store_redis.go.tmpl", Out: "store_redis.go", For: session, When: model.Model.StoreRedis},
	{Tmpl: "session/harness_test.go.tmpl", Out: "harness_test.go", For: session},
	{Tmpl: "session/session_test.go.tmpl", Out: "session_test.go", For: session},
	{Tmpl: "session/login_test.go.tmpl", Out: "login_test.go", For: session},
	{Tmpl: "session/csrf_tokens_test.go.tmpl", Out: "csrf_tokens_test.go", For: session},
	{Tmpl: "session/store_test.go.tmpl", Out: "store_test.go", For: session},
	{Tmpl: "session/sqlite_test.go.tmpl", Out: "sqlite_test.go", For: cookies, When: model.Model.StoreSQLite},
	{Tmpl: "session/store_sqlite_test.go.tmpl", Out: "store_sqlite_test.go", For: session, When: model.Model.StoreSQLite},
	{Tmpl: "session/testserver_test.go.tmpl", Out: "testserver_test.go", For: cookies, When: sharedStore},
	{Tmpl: "session/testserver_postgres_test.go.tmpl", Out: "testserver_postgres_test.go", For: cookies, When: model.Model.StorePostgres},
	{Tmpl: "session/postgres_test.go.tmpl", Out: "postgres_test.go", For: cookies, When: model.Model.StorePostgres},
	{Tmpl: "session/testserver_redis_test.go.tmpl", Out: "testserver_redis_test.go", For: cookies, When: model.Model.StoreRedis},
	{Tmpl: "session/store_shared_test.go.tmpl", Out: "store_shared_test.go", For: session, When: sharedStore},
	{Tmpl: "session/store_postgres_test.go.tmpl", Out: "store_postgres_test.go", For: session, When: model.Model.StorePostgres},
	{Tmpl: "session/store_redis_test.go.tmpl", Out: "store_redis_test.go", For: session, When: model.Model.StoreRedis},
	{Tmpl: "session/bench_test.go.tmpl", Out: "bench_test.go", For: session},
	{Tmpl: "session/session_fuzz_test.go.tmpl", Out: "session_fuzz_test.go", For: session},
	{Tmpl: "session/README.md.tmpl", Out: "README.md", For: session},
	{Tmpl: "session/example/main.go.tmpl", Out: "example/main.go", For: session},
}
