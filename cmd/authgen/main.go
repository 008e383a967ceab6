// Command authgen gives a Go service the right authentication, written
// well, in one command.
//
// Usage:
//
//	authgen init        [answer flags] [--yes] [--answers FILE] [--dry-run] [--no-deps] [--force] [--dir DIR]
//	authgen recommend   [answer flags] [--yes] [--json] [--answers FILE]
//	authgen regenerate  [answer flags] [--interactive] [--dry-run] [--no-deps] [--restore-deleted] [--dir DIR]
//	authgen check       [--allow-edits] [--dir DIR]
//	authgen version
//
// Answer flags: --arch, --clients, --backends, --revocation, --strategy,
// --store, --alg, --pkg, --issuer, --audience. Run "authgen help init" for
// the accepted values.
//
// Exit codes: 0 done; 1 error (nothing written); 2 done but conflicts left;
// 3 drift found by check.
package main

import (
	"os"
	"runtime/debug"

	"github.com/authgen/authgen/internal/cli"
)

func main() {
	// authgen is a short-lived process whose heap peaks at about 15 MB while
	// it renders: collecting less often makes a run faster (the GOGC
	// environment variable still wins).
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
