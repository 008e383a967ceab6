// Package lock reads and writes .authgen/lock.json: for every file authgen
// generated, the exact content it last wrote. That content is the merge
// base of the next regenerate, so no git history, tag or old binary is
// needed to tell the user's edits from authgen's.
package lock

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
)

// Path is the lock's location relative to the module root.
const Path = ".authgen/lock.json"

// Format is the lock file format version; a lock of another format is
// refused rather than misread.
const Format = 1

// Lock is the content of the lock file.
type Lock struct {
	Format  int    `json:"format"`
	Authgen string `json:"authgen"` // version of authgen that wrote it
	// Files maps a generated file's slash path (relative to the module
	// root) to what authgen wrote there.
	Files map[string]Entry `json:"files"`
}

// Entry is one generated file.
type Entry struct {
	SHA256  string `json:"sha256"`  // hex SHA-256 of Content
	Content string `json:"content"` // the exact bytes written
}

// New builds a lock for the given files.
func New(version string, files map[string][]byte) Lock {
	l := Lock{Format: Format, Authgen: version, Files: make(map[string]Entry, len(files))}
	for p, b := range files {
		l.Files[p] = Entry{SHA256: Sum(b), Content: string(b)}
	}
	return l
}

// Sum is the hex SHA-256 of b.
func Sum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// Marshal encodes the lock deterministically (encoding/json sorts map keys).
func (l Lock) Marshal() []byte {
	b, err := json.MarshalIndent(l, "", "  ")
	if err != nil {
		panic(fmt.Sprintf("lock: encode: %v", err)) // strings and ints only
	}
	return append(b, '\n')
}

// Parse decodes a lock and checks its integrity.
func Parse(data []byte) (Lock, error) {
	var l Lock
	if err := json.Unmarshal(data, &l); err != nil {
		return Lock{}, fmt.Errorf("%s: %w", Path, err)
	}
	if l.Format != Format {
		return Lock{}, fmt.Errorf("%s: format %d, this authgen reads format %d", Path, l.Format, Format)
	}
	for _, p := range l.Paths() {
		if Sum([]byte(l.Files[p].Content)) != l.Files[p].SHA256 {
			return Lock{}, fmt.Errorf("%s: entry %q does not match its hash; restore the lock from version control", Path, p)
		}
	}
	return l, nil
}

// Paths returns the locked paths in sorted order.
func (l Lock) Paths() []string {
	ps := make([]string, 0, len(l.Files))
	for p := range l.Files {
		ps = append(ps, p)
	}
	slices.Sort(ps)
	return ps
}
