package answers

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// FileName is the answers file authgen writes at the module root. The user
// commits it; it never holds a secret.
const FileName = "authgen.yaml"

// File is the content of authgen.yaml.
type File struct {
	// Authgen is the version of authgen that last wrote the file.
	Authgen string `yaml:"authgen"`
	Answers `yaml:",inline"`
}

const fileComment = `# authgen answers. Edit them and run "authgen regenerate" to change the
# architecture. Keys and secrets never belong here: the generated package
# reads them from the environment or files.
`

// Marshal renders the answers file. The output is deterministic.
func (f File) Marshal() []byte {
	var b bytes.Buffer
	b.WriteString(fileComment)
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(f); err != nil {
		// Encoding a struct of strings cannot fail.
		panic(fmt.Sprintf("answers: encode: %v", err))
	}
	return b.Bytes()
}

// ParseFile reads an answers file strictly: unknown keys, wrong types and
// invalid values are errors that name the key. The answers are not filled
// with defaults; name is used in error messages.
func ParseFile(name string, data []byte) (File, error) {
	var f File
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		if errors.Is(err, io.EOF) {
			return File{}, nil // an empty file answers nothing
		}
		return File{}, fmt.Errorf("%s: %s (accepted keys: %s)", name, cleanYAMLError(err), strings.Join(fileKeys, ", "))
	}
	var extra any
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return File{}, fmt.Errorf("%s: more than one YAML document", name)
	}
	if err := f.Answers.validateSet(); err != nil {
		return File{}, fmt.Errorf("%s: %w", name, err)
	}
	return f, nil
}

var fileKeys = []string{"authgen", "arch", "clients", "backends", "revocation", "strategy", "store", "alg", "pkg", "issuer", "audience"}

var notFound = regexp.MustCompile(`field (\S+) not found in type \S+`)

// cleanYAMLError turns the decoder's message into one line that speaks of
// keys, not Go types.
func cleanYAMLError(err error) string {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs := make([]string, len(te.Errors))
		for i, m := range te.Errors {
			msgs[i] = notFound.ReplaceAllString(m, `unknown key "$1"`)
		}
		return strings.Join(msgs, "; ")
	}
	return strings.TrimPrefix(err.Error(), "yaml: ")
}

// validateSet validates only the fields that are set, so that a partial
// answers file is accepted and the gaps are filled later.
func (a Answers) validateSet() error {
	check := func(ok bool, err error) error {
		if ok {
			return nil
		}
		return err
	}
	_, e := ParseArch(string(a.Arch))
	if err := check(a.Arch == "", e); err != nil {
		return err
	}
	for _, c := range a.Clients {
		if _, err := parseEnum("clients", string(c), Clients); err != nil {
			return err
		}
	}
	_, e = ParseBackends(string(a.Backends))
	if err := check(a.Backends == "", e); err != nil {
		return err
	}
	_, e = ParseRevocation(string(a.Revocation))
	if err := check(a.Revocation == "", e); err != nil {
		return err
	}
	_, e = ParseStrategy(string(a.Strategy))
	if err := check(a.Strategy == "", e); err != nil {
		return err
	}
	_, e = ParseStore(string(a.Store))
	if err := check(a.Store == "", e); err != nil {
		return err
	}
	_, e = ParseAlg(string(a.Alg))
	if err := check(a.Alg == "", e); err != nil {
		return err
	}
	if err := check(a.Pkg == "", ValidatePkg(a.Pkg)); err != nil {
		return err
	}
	if err := check(a.Issuer == "", ValidateText("issuer", a.Issuer)); err != nil {
		return err
	}
	return check(a.Audience == "", ValidateText("audience", a.Audience))
}

// Merge returns a with every field that b sets overriding a's.
func (a Answers) Merge(b Answers) Answers {
	if b.Arch != "" {
		a.Arch = b.Arch
	}
	if len(b.Clients) > 0 {
		a.Clients = b.Clients
	}
	if b.Backends != "" {
		a.Backends = b.Backends
	}
	if b.Revocation != "" {
		a.Revocation = b.Revocation
	}
	if b.Strategy != "" {
		a.Strategy = b.Strategy
	}
	if b.Store != "" {
		a.Store = b.Store
	}
	if b.Alg != "" {
		a.Alg = b.Alg
	}
	if b.Pkg != "" {
		a.Pkg = b.Pkg
	}
	if b.Issuer != "" {
		a.Issuer = b.Issuer
	}
	if b.Audience != "" {
		a.Audience = b.Audience
	}
	return a
}
