package gomod

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestFindWalksUpAndReadsPath(t *testing.T) {
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, "go.mod"), []byte("module example.com/x\n\ngo 1.25.0\n\nrequire golang.org/x/crypto v0.99.0\n"), 0o644)
	sub := filepath.Join(root, "a", "b")
	os.MkdirAll(sub, 0o755)
	m, err := Find(sub)
	if err != nil {
		t.Fatal(err)
	}
	if m.Path != "example.com/x" || m.Root != root {
		t.Fatalf("found %+v", m)
	}
	need := m.Needed([]string{"golang.org/x/crypto/argon2", "golang.org/x/time/rate", "net/http"})
	if len(need) != 1 || need[0].Path != "golang.org/x/time" {
		t.Fatalf("needed = %v: must add x/time and never downgrade the newer x/crypto", need)
	}
}

func TestFindWithoutModule(t *testing.T) {
	if _, err := Find(t.TempDir()); !errors.Is(err, ErrNoModule) {
		t.Fatalf("err = %v", err)
	}
}
