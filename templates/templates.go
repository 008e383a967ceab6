// Package templates embeds authgen's text/template files and the registry
// that says which file each one renders to. A new generated file is one row
// in a registry table plus one template.
package templates

import (
	"embed"
	"slices"

	"github.com/authgen/authgen/internal/answers"
	"github.com/authgen/authgen/internal/model"
)

// FS holds every template. Paths are "<folder>/<name>.tmpl".
//
//go:embed common session jwt hybrid
var FS embed.FS

// File is one row of the registry.
type File struct {
	// Tmpl is the template's path in FS, e.g. "session/middleware.go.tmpl".
	Tmpl string
	// Out is the output path relative to the generated package's directory,
	// slash-separated, e.g. "middleware.go" or "example/main.go".
	Out string
	// For lists the strategies that produce the file.
	For []answers.Strategy
	// When further restricts the file to some models (a store, an
	// algorithm); nil means always.
	When func(model.Model) bool
}

var (
	all     = []answers.Strategy{answers.Session, answers.JWT, answers.Hybrid}
	cookies = []answers.Strategy{answers.Session, answers.Hybrid}
	tokens  = []answers.Strategy{answers.JWT, answers.Hybrid}
	session = []answers.Strategy{answers.Session}
	jwtOnly = []answers.Strategy{answers.JWT}
	hybrid  = []answers.Strategy{answers.Hybrid}
)

// Registry returns every row, in a fixed order: common, session, jwt, hybrid.
func Registry() []File {
	return slices.Concat(commonFiles, sessionFiles, jwtFiles, hybridFiles)
}

// For returns the rows that m produces.
func For(m model.Model) []File {
	var out []File
	for _, f := range Registry() {
		if slices.Contains(f.For, m.Strategy()) && (f.When == nil || f.When(m)) {
			out = append(out, f)
		}
	}
	return out
}
