package bench

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jwk"
	jwxjwt "github.com/lestrrat-go/jwx/v3/jwt"
)

const (
	jwtIssuer   = "https://issuer.test"
	jwtAudience = "https://api.test"
	jwtKID      = "bench-key-1"
)

// accessClaims has the shape of authgen's AccessClaims, so that the tokens
// verified here carry the same claims as the child's.
type accessClaims struct {
	jwt.RegisteredClaims
	ClientID string `json:"client_id"`
	Scope    string `json:"scope,omitempty"`
}

type jwtAlg struct {
	method jwt.SigningMethod
	jwa    jwa.SignatureAlgorithm
	key    func() (crypto.Signer, error)
}

var jwtAlgs = map[string]jwtAlg{
	"EdDSA": {jwt.SigningMethodEdDSA, jwa.EdDSA(), func() (crypto.Signer, error) {
		_, k, err := ed25519.GenerateKey(rand.Reader)
		return k, err
	}},
	"ES256": {jwt.SigningMethodES256, jwa.ES256(), func() (crypto.Signer, error) {
		return ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	}},
	// authgen's RS256 keys are 3072-bit.
	"RS256": {jwt.SigningMethodRS256, jwa.RS256(), func() (crypto.Signer, error) {
		return rsa.GenerateKey(rand.Reader, 3072)
	}},
}

// benchJWT: raw, authgen and paired come from the child (authgen's
// generated verify middleware; paired is the ratio of the two timed in
// alternating blocks); golangjwt is golang-jwt v5 with the checks authgen
// makes (alg allow-list, typ, kid, iss, aud, exp required, iat, 30 s
// leeway); jwx is jwx v3 jwt.Parse with a key set whose key carries kid
// and alg, iss, aud, exp required and 30 s skew (jwx has no typ check).
func benchJWT(b *testing.B, name string) {
	alg := jwtAlgs[name]
	b.Run("raw", fromChild)
	b.Run("authgen", fromChild)
	b.Run("paired", fromChild)
	priv, err := alg.key()
	if err != nil {
		b.Fatal(err)
	}
	pub := priv.Public()
	now := time.Now().Truncate(time.Second)
	t := jwt.NewWithClaims(alg.method, &accessClaims{
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer: jwtIssuer, Subject: "user-1", Audience: jwt.ClaimStrings{jwtAudience},
			ExpiresAt: jwt.NewNumericDate(now.Add(5 * time.Minute)), IssuedAt: jwt.NewNumericDate(now),
			ID: "0123456789abcdefghijkl",
		},
		ClientID: "client-1", Scope: "read write",
	})
	t.Header["typ"] = "at+jwt"
	t.Header["kid"] = jwtKID
	tok, err := t.SignedString(priv)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("golangjwt", func(b *testing.B) {
		p := jwt.NewParser(
			jwt.WithValidMethods([]string{alg.method.Alg()}),
			jwt.WithIssuer(jwtIssuer),
			jwt.WithAudience(jwtAudience),
			jwt.WithExpirationRequired(),
			jwt.WithIssuedAt(),
			jwt.WithLeeway(30*time.Second),
		)
		keyfunc := func(t *jwt.Token) (any, error) {
			if typ, _ := t.Header["typ"].(string); typ != "at+jwt" {
				return nil, errors.New("typ")
			}
			if kid, _ := t.Header["kid"].(string); kid != jwtKID {
				return nil, errors.New("kid")
			}
			return pub, nil
		}
		b.ReportAllocs()
		defer cpuPerOp(b)()
		for b.Loop() {
			var c accessClaims
			if _, err := p.ParseWithClaims(tok, &c, keyfunc); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("jwx", func(b *testing.B) {
		k, err := jwk.Import(pub)
		if err != nil {
			b.Fatal(err)
		}
		if err := k.Set(jwk.KeyIDKey, jwtKID); err != nil {
			b.Fatal(err)
		}
		if err := k.Set(jwk.AlgorithmKey, alg.jwa); err != nil {
			b.Fatal(err)
		}
		set := jwk.NewSet()
		if err := set.AddKey(k); err != nil {
			b.Fatal(err)
		}
		opts := []jwxjwt.ParseOption{
			jwxjwt.WithKeySet(set),
			jwxjwt.WithIssuer(jwtIssuer),
			jwxjwt.WithAudience(jwtAudience),
			jwxjwt.WithRequiredClaim("exp"),
			jwxjwt.WithAcceptableSkew(30 * time.Second),
		}
		raw := []byte(tok)
		b.ReportAllocs()
		defer cpuPerOp(b)()
		for b.Loop() {
			if _, err := jwxjwt.Parse(raw, opts...); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkJWTVerifyEdDSA(b *testing.B) { benchJWT(b, "EdDSA") }
func BenchmarkJWTVerifyES256(b *testing.B) { benchJWT(b, "ES256") }
func BenchmarkJWTVerifyRS256(b *testing.B) { benchJWT(b, "RS256") }

func BenchmarkHybridRefreshMemory(b *testing.B) {
	b.Run("raw", fromChild)
	b.Run("authgen", fromChild)
}

// The hybrid refresh benchmarks over PostgreSQL and Redis (skipped, with
// the reason, when this version of authgen does not render those stores).
func BenchmarkHybridRefreshPostgres(b *testing.B) {
	b.Run("raw", fromChild)
	b.Run("authgen", fromChild)
}

func BenchmarkHybridRefreshRedis(b *testing.B) {
	b.Run("raw", fromChild)
	b.Run("authgen", fromChild)
}
