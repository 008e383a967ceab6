package templates

import "github.com/authgen/authgen/internal/model"

// hybridFiles are the hybrid strategy's own files: refresh-token families
// (rotation, reuse detection, transports, devices) over a RefreshStore.
// The access-token files (jwt/ rows For tokens), the shared pieces
// (common/ rows For all or cookies) and the SQLite/PostgreSQL/Redis
// connection, migration-runner and test-server files (session/ rows For
// cookies) are listed by their owners, not here.
var hybridFiles = []File{
	{Tmpl: "hybrid/doc.go.tmpl", Out: "doc.go", For: hybrid},
	{Tmpl: "hybrid/hybrid.go.tmpl", Out: "hybrid.go", For: hybrid},
	{Tmpl: "hybrid/hybrid_store.go.tmpl", Out: "hybrid_store.go", For: hybrid},
	{Tmpl: "hybrid/hybrid_refresh.go.tmpl", Out: "hybrid_refresh.go", For: hybrid},
	{Tmpl: "hybrid/hybrid_http.go.tmpl", Out: "hybrid_http.go", For: hybrid},
	{Tmpl: "hybrid/hybrid_store_memory.go.tmpl", Out: "hybrid_store_memory.go", For: hybrid, When: model.Model.StoreMemory},
	{Tmpl: "hybrid/hybrid_store_sqlite.go.tmpl", Out: "hybrid_store_sqlite.go", For: hybrid, When: model.Model.StoreSQLite},
	{Tmpl: "hybrid/migrations/0101_refresh_tokens.sql.tmpl", Out: "migrations/0101_refresh_tokens.sql", For: hybrid, When: model.Model.StoreSQLite},
	{Tmpl: "hybrid/hybrid_store_postgres.go.tmpl", Out: "hybrid_store_postgres.go", For: hybrid, When: model.Model.StorePostgres},
	{Tmpl: "hybrid/migrations/postgres/0101_refresh_tokens.sql.tmpl", Out: "migrations/0101_refresh_tokens.sql", For: hybrid, When: model.Model.StorePostgres},
	{Tmpl: "hybrid/hybrid_store_redis.go.tmpl", Out: "hybrid_store_redis.go", For: hybrid, When: model.Model.StoreRedis},
	{Tmpl: "hybrid/hybrid_helpers_test.go.tmpl", Out: "hybrid_helpers_test.go", For: hybrid},
	{Tmpl: "hybrid/hybrid_test.go.tmpl", Out: "hybrid_test.go", For: hybrid},
	{Tmpl: "hybrid/hybrid_bench_test.go.tmpl", Out: "hybrid_bench_test.go", For: hybrid},
	{Tmpl: "hybrid/hybrid_fuzz_test.go.tmpl", Out: "hybrid_fuzz_test.go", For: hybrid},
	{Tmpl: "hybrid/hybrid_store_memory_test.go.tmpl", Out: "hybrid_store_memory_test.go", For: hybrid, When: model.Model.StoreMemory},
	{Tmpl: "hybrid/hybrid_store_sqlite_test.go.tmpl", Out: "hybrid_store_sqlite_test.go", For: hybrid, When: model.Model.StoreSQLite},
	{Tmpl: "hybrid/hybrid_store_shared_test.go.tmpl", Out: "hybrid_store_shared_test.go", For: hybrid, When: sharedStore},
	{Tmpl: "hybrid/hybrid_store_postgres_test.go.tmpl", Out: "hybrid_store_postgres_test.go", For: hybrid, When: model.Model.StorePostgres},
	{Tmpl: "hybrid/hybrid_store_redis_test.go.tmpl", Out: "hybrid_store_redis_test.go", For: hybrid, When: model.Model.StoreRedis},
	{Tmpl: "hybrid/README.md.tmpl", Out: "README.md", For: hybrid},
	{Tmpl: "hybrid/example/main.go.tmpl", Out: "example/main.go", For: hybrid},
}
