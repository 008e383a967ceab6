// Package e2e drives headless Chromium against the example apps that
// authgen generates, served over HTTPS on loopback, to prove in a real
// browser what httptest cannot: cookie attributes, what JavaScript can and
// cannot see, cross-origin form posts, and logout across browser contexts.
//
// The tests render the session and hybrid variants from the current
// templates into temporary modules, build their example binaries, and start
// one per test on a free loopback port. They need a Chromium (Debian's
// chromium package; E2E_CHROME names another binary); scripts/test.sh
// installs it. Without one the tests fail when CI is set and skip otherwise.
//
//	go test ./e2e/...
//
// The JWT test needs no browser and never skips: it builds the jwt
// variant's issuer and resource examples, runs them together on loopback
// (plain HTTP, the resource with -dev-loopback-http) as their README says,
// and checks a client-credentials token against the resource.
//
// Screenshots of the main steps go to e2e/artifacts/<test>/ (E2E_ARTIFACTS
// names another folder).
package e2e
