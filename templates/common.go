package templates

import "github.com/authgen/authgen/internal/model"

// commonFiles are produced by every strategy (or by the strategies named):
// passwords, rate limits, client IP, audit log, opaque tokens, keys, HTTP
// hygiene, the user-store interface, and (for cookie strategies) CSRF.
var commonFiles = []File{
	{Tmpl: "common/decisions.md.tmpl", Out: "AUTH_DECISIONS.md", For: all},
	{Tmpl: "common/keyload.go.tmpl", Out: "keyload.go", For: all},
	{Tmpl: "common/opaque_token.go.tmpl", Out: "opaque_token.go", For: all},
	{Tmpl: "common/httpx.go.tmpl", Out: "httpx.go", For: all},
	{Tmpl: "common/clientip.go.tmpl", Out: "clientip.go", For: all},
	{Tmpl: "common/ratelimit.go.tmpl", Out: "ratelimit.go", For: all},
	{Tmpl: "common/ratelimit_redis.go.tmpl", Out: "ratelimit_redis.go", For: all, When: model.Model.StoreRedis},
	{Tmpl: "common/userstore.go.tmpl", Out: "userstore.go", For: all},
	{Tmpl: "common/passwords.go.tmpl", Out: "passwords.go", For: all},
	{Tmpl: "common/common_passwords.txt.tmpl", Out: "common_passwords.txt", For: all},
	{Tmpl: "common/audit.go.tmpl", Out: "audit.go", For: all},
	{Tmpl: "common/csrf.go.tmpl", Out: "csrf.go", For: cookies},
	{Tmpl: "common/clock_test.go.tmpl", Out: "clock_test.go", For: all},
	{Tmpl: "common/userstore_test.go.tmpl", Out: "userstore_test.go", For: all},
	{Tmpl: "common/opaque_token_test.go.tmpl", Out: "opaque_token_test.go", For: all},
	{Tmpl: "common/opaque_token_fuzz_test.go.tmpl", Out: "opaque_token_fuzz_test.go", For: all},
	{Tmpl: "common/httpx_test.go.tmpl", Out: "httpx_test.go", For: all},
	{Tmpl: "common/clientip_test.go.tmpl", Out: "clientip_test.go", For: all},
	{Tmpl: "common/ratelimit_test.go.tmpl", Out: "ratelimit_test.go", For: all},
	{Tmpl: "common/ratelimit_redis_test.go.tmpl", Out: "ratelimit_redis_test.go", For: all, When: model.Model.StoreRedis},
	{Tmpl: "common/passwords_test.go.tmpl", Out: "passwords_test.go", For: all},
	{Tmpl: "common/passwords_fuzz_test.go.tmpl", Out: "passwords_fuzz_test.go", For: all},
	{Tmpl: "common/audit_test.go.tmpl", Out: "audit_test.go", For: all},
	{Tmpl: "common/csrf_test.go.tmpl", Out: "csrf_test.go", For: cookies},
}

var _ = model.Model{}
