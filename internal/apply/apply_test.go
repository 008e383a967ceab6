package apply

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/authgen/authgen/internal/plan"
)

func tree(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if d.IsDir() {
			out[rel+"/"] = ""
			return nil
		}
		b, _ := os.ReadFile(p)
		out[rel] = string(b)
		return nil
	})
	return out
}

func TestApplyWritesCreatesAndRemoves(t *testing.T) {
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, "old.go"), []byte("old"), 0o600)
	os.WriteFile(filepath.Join(root, "gone.go"), []byte("gone"), 0o644)
	p := plan.Plan{Actions: []plan.Action{
		{Path: "a/b/new.go", Op: plan.Create, New: []byte("new")},
		{Path: "old.go", Op: plan.Update, Old: []byte("old"), New: []byte("updated")},
		{Path: "gone.go", Op: plan.Remove, Old: []byte("gone")},
		{Path: "x.go", Op: plan.Conflict},
	}}
	if err := Apply(root, p); err != nil {
		t.Fatal(err)
	}
	got := tree(t, root)
	if got["a/b/new.go"] != "new" || got["old.go"] != "updated" {
		t.Fatalf("tree: %v", got)
	}
	if _, ok := got["gone.go"]; ok {
		t.Fatal("removed file still there")
	}
	if _, ok := got["x.go"]; ok {
		t.Fatal("a conflict was written")
	}
	if st, _ := os.Stat(filepath.Join(root, "old.go")); st.Mode().Perm() != 0o600 {
		t.Errorf("mode of an updated file changed to %v", st.Mode().Perm())
	}
	for name := range got {
		if filepath.Ext(name) == ".tmp" {
			t.Errorf("temp file left: %s", name)
		}
	}
}

// TestApplyFailureLeavesDiskAsItWas makes one write fail half-way (its
// directory is read-only) and checks that nothing changed: not the files
// updated before it, not the directories created for it.
func TestApplyFailureLeavesDiskAsItWas(t *testing.T) {
	if os.Geteuid() == 0 {
		// root ignores directory permissions; block the write with a file
		// where a directory must be created instead.
		t.Log("running as root: a file in the way stands in for a read-only directory")
	}
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, "keep.go"), []byte("mine"), 0o644)
	os.WriteFile(filepath.Join(root, "blocker"), []byte("a file, not a directory"), 0o644)
	before := tree(t, root)
	p := plan.Plan{Actions: []plan.Action{
		{Path: "keep.go", Op: plan.Update, Old: []byte("mine"), New: []byte("theirs")},
		{Path: "new/dir/a.go", Op: plan.Create, New: []byte("a")},
		{Path: "blocker/b.go", Op: plan.Create, New: []byte("b")},
	}}
	err := Apply(root, p)
	if err == nil {
		t.Fatal("Apply succeeded through a file in the way")
	}
	if after := tree(t, root); len(after) != len(before) || after["keep.go"] != "mine" {
		t.Fatalf("disk changed after a failed apply:\nbefore %v\nafter  %v", before, after)
	}
}

func TestApplyRenameFailureRollsBack(t *testing.T) {
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, "a.go"), []byte("A"), 0o644)
	// A directory where a file must be renamed to makes the rename fail
	// after a.go has been replaced.
	os.MkdirAll(filepath.Join(root, "z.go", "sub"), 0o755)
	p := plan.Plan{Actions: []plan.Action{
		{Path: "a.go", Op: plan.Update, Old: []byte("A"), New: []byte("A2")},
		{Path: "z.go", Op: plan.Update, Old: []byte("?"), New: []byte("Z")},
	}}
	if err := Apply(root, p); err == nil {
		t.Fatal("rename over a non-empty directory succeeded")
	}
	got := tree(t, root)
	if got["a.go"] != "A" {
		t.Fatalf("a.go not restored: %q", got["a.go"])
	}
	for name := range got {
		if filepath.Ext(name) == ".tmp" {
			t.Errorf("temp file left: %s", name)
		}
	}
}
