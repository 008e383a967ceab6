package model

import (
	"fmt"

	"github.com/authgen/authgen/internal/answers"
)

// Combination is one distinct generated variant: a strategy with the store
// and algorithm that matter to it.
type Combination struct {
	Name    string // e.g. "hybrid-sqlite-es256"
	Answers answers.Answers
}

// Combinations lists every strategy × store × algorithm variant this
// version of authgen renders: sessions per store, JWT per algorithm, hybrid
// per store and algorithm. Tests build and run every one of them.
func Combinations() []Combination {
	var out []Combination
	add := func(name string, s answers.Strategy, st answers.Store, alg answers.Alg) {
		a := answers.Answers{Strategy: s, Store: st, Alg: alg}
		switch s {
		case answers.Session:
			a.Arch, a.Clients = answers.Monolith, []answers.Client{answers.Browser}
		case answers.JWT:
			a.Arch, a.Clients = answers.Microservices, []answers.Client{answers.Service}
		default:
			a.Arch, a.Clients = answers.Mobile, []answers.Client{answers.MobileC, answers.SPA}
		}
		out = append(out, Combination{Name: name, Answers: a.Fill()})
	}
	for _, st := range answers.StoresFor(answers.Session) {
		add(fmt.Sprintf("session-%s", st), answers.Session, st, answers.DefaultAlg)
	}
	for _, alg := range answers.Algs {
		add(fmt.Sprintf("jwt-%s", lower(alg)), answers.JWT, answers.DefaultStore, alg)
	}
	for _, st := range answers.StoresFor(answers.Hybrid) {
		for _, alg := range answers.Algs {
			add(fmt.Sprintf("hybrid-%s-%s", st, lower(alg)), answers.Hybrid, st, alg)
		}
	}
	return out
}

func lower(a answers.Alg) string {
	b := []byte(a)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
