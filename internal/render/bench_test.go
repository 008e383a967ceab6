package render

import (
	"testing"

	"github.com/authgen/authgen/internal/answers"
	"github.com/authgen/authgen/internal/model"
)

// BenchmarkRender renders the largest variant (hybrid with SQLite and
// RS256) from answers to formatted files, all in memory.
func BenchmarkRender(b *testing.B) {
	var big model.Combination
	for _, c := range model.Combinations() {
		if c.Answers.Strategy == answers.Hybrid && c.Answers.Store == answers.SQLite && c.Answers.Alg == answers.RS256 {
			big = c
		}
	}
	m, err := model.FromAnswers("example.com/app", big.Answers, "bench")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Render(m); err != nil {
			b.Fatal(err)
		}
	}
}
