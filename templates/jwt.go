package templates

// jwtFiles are the JWT strategy's files. Rows For tokens (signing, key ring,
// verifier, JWKS, remote JWKS, denylist and their tests) are shared with
// hybrid, which uses them for its access tokens; rows For jwtOnly are the
// JWT strategy's own (Config, the /token endpoint, examples, README).
var jwtFiles = []File{
	{Tmpl: "jwt/token_keys.go.tmpl", Out: "token_keys.go", For: tokens},
	{Tmpl: "jwt/token_signer.go.tmpl", Out: "token_signer.go", For: tokens},
	{Tmpl: "jwt/token_verifier.go.tmpl", Out: "token_verifier.go", For: tokens},
	{Tmpl: "jwt/token_decode.go.tmpl", Out: "token_decode.go", For: tokens},
	{Tmpl: "jwt/token_jwks.go.tmpl", Out: "token_jwks.go", For: tokens},
	{Tmpl: "jwt/token_remote.go.tmpl", Out: "token_remote.go", For: tokens},
	{Tmpl: "jwt/token_denylist.go.tmpl", Out: "token_denylist.go", For: tokens},
	{Tmpl: "jwt/token_helpers_test.go.tmpl", Out: "token_helpers_test.go", For: tokens},
	{Tmpl: "jwt/token_attack_test.go.tmpl", Out: "token_attack_test.go", For: tokens},
	{Tmpl: "jwt/token_decode_test.go.tmpl", Out: "token_decode_test.go", For: tokens},
	{Tmpl: "jwt/token_keys_test.go.tmpl", Out: "token_keys_test.go", For: tokens},
	{Tmpl: "jwt/token_jwks_test.go.tmpl", Out: "token_jwks_test.go", For: tokens},
	{Tmpl: "jwt/token_remote_test.go.tmpl", Out: "token_remote_test.go", For: tokens},
	{Tmpl: "jwt/token_bench_test.go.tmpl", Out: "token_bench_test.go", For: tokens},
	{Tmpl: "jwt/token_fuzz_test.go.tmpl", Out: "token_fuzz_test.go", For: tokens},

	{Tmpl: "jwt/doc.go.tmpl", Out: "doc.go", For: jwtOnly},
	{Tmpl: "jwt/jwt_config.go.tmpl", Out: "jwt_config.go", For: jwtOnly},
	{Tmpl: "jwt/jwt_endpoint.go.tmpl", Out: "jwt_endpoint.go", For: jwtOnly},
	{Tmpl: "jwt/jwt_endpoint_test.go.tmpl", Out: "jwt_endpoint_test.go", For: jwtOnly},
	{Tmpl: "jwt/README.md.tmpl", Out: "README.md", For: jwtOnly},
	{Tmpl: "jwt/example/issuer/main.go.tmpl", Out: "example/issuer/main.go", For: jwtOnly},
	{Tmpl: "jwt/example/resource/main.go.tmpl", Out: "example/resource/main.go", For: jwtOnly},
}
