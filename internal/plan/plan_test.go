package plan

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestInitPlan(t *testing.T) {
	disk := fstest.MapFS{
		"same.go":  {Data: []byte("same")},
		"mine.go":  {Data: []byte("mine")},
		"other.go": {Data: []byte("x")},
	}
	files := map[string][]byte{"new.go": []byte("n"), "same.go": []byte("same"), "mine.go": []byte("generated")}
	p, err := Init(disk, files, false)
	if err != nil {
		t.Fatal(err)
	}
	ops := map[string]Op{}
	for _, a := range p.Actions {
		ops[a.Path] = a.Op
	}
	if ops["new.go"] != Create || ops["same.go"] != Same || ops["mine.go"] != Conflict || len(ops) != 3 {
		t.Fatalf("ops = %v", ops)
	}
	if c := p.Conflicts(); len(c) != 1 || c[0] != "mine.go" {
		t.Fatalf("conflicts = %v", c)
	}
	if len(p.Changes()) != 1 {
		t.Fatalf("changes = %v", p.Changes())
	}
	forced, _ := Init(disk, files, true)
	for _, a := range forced.Actions {
		if a.Path == "mine.go" && (a.Op != Update || string(a.New) != "generated") {
			t.Fatalf("--force: %+v", a)
		}
	}
	s := p.Summary(true)
	for _, want := range []string{"create   new.go", "conflict mine.go", "+++ b/new.go", "--- /dev/null"} {
		if !strings.Contains(s, want) {
			t.Errorf("summary lacks %q:\n%s", want, s)
		}
	}
}
