package golden

import (
	"path"
	"strings"
	"testing"

	"github.com/authgen/authgen/internal/model"
)

// TestMigrationNumbersDistinctAcrossStrategies: a strategy switch keeps
// the SQL migrations already written (they may have been applied) and adds
// the new strategy's, so for each store no two strategies may give one
// number to different files: the runner would refuse the set, or, keyed by
// number, never run the second file.
func TestMigrationNumbersDistinctAcrossStrategies(t *testing.T) {
	byStore := map[string]map[string]string{} // store -> number -> "scenario: file"
	for _, c := range model.Combinations() {
		s := scenario{name: c.Name, module: "example.com/" + c.Name, answers: c.Answers.Fill()}
		_, files := renderScenario(t, s)
		for p := range files {
			if path.Ext(p) != ".sql" || path.Base(path.Dir(p)) != "migrations" {
				continue
			}
			base := path.Base(p)
			num, _, ok := strings.Cut(base, "_")
			if !ok || num == "" {
				t.Errorf("%s: %s has no number", c.Name, p)
				continue
			}
			store := string(s.answers.Store)
			if byStore[store] == nil {
				byStore[store] = map[string]string{}
			}
			if prev, ok := byStore[store][num]; ok && !strings.HasSuffix(prev, ": "+base) {
				t.Errorf("store %s: migration number %s is %s and %s: %s", store, num, prev, c.Name+": "+base,
					"a strategy switch would keep both; give each strategy its own range")
			}
			byStore[store][num] = c.Name + ": " + base
		}
	}
	if len(byStore["sqlite"]) < 2 || len(byStore["postgres"]) < 2 {
		t.Fatalf("expected the session and hybrid migrations for sqlite and postgres, got %v", byStore)
	}
}
