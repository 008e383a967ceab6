package recommend

import (
	"testing"

	"github.com/authgen/authgen/internal/answers"
)

// FuzzDecide: any valid answers get a strategy, reasons naming their
// trade-off, and a chosen strategy equal to the override when there is one.
func FuzzDecide(f *testing.F) {
	f.Add(uint8(0), uint8(1), uint8(0), uint8(0), uint8(0))
	f.Add(uint8(1), uint8(8), uint8(2), uint8(1), uint8(1))
	f.Add(uint8(2), uint8(6), uint8(0), uint8(0), uint8(3))
	f.Fuzz(func(t *testing.T, arch, clientMask, backends, revocation, strategy uint8) {
		var cs []answers.Client
		for i, c := range answers.Clients {
			if clientMask&(1<<i) != 0 {
				cs = append(cs, c)
			}
		}
		a := answers.Answers{
			Arch:       answers.Archs[int(arch)%len(answers.Archs)],
			Clients:    cs,
			Backends:   answers.BackendsAll[int(backends)%len(answers.BackendsAll)],
			Revocation: answers.Revocations[int(revocation)%len(answers.Revocations)],
		}
		if s := int(strategy) % (len(answers.Strategies) + 1); s > 0 {
			a.Strategy = answers.Strategies[s-1]
		}
		a = a.Fill()
		rec := Decide(a)
		if rec.Strategy == "" || len(rec.Reasons) == 0 {
			t.Fatalf("%+v: %+v", a, rec)
		}
		for _, r := range rec.Reasons {
			if !tradeOff.MatchString(r) {
				t.Fatalf("reason without its trade-off: %q", r)
			}
		}
		if a.Strategy != "" && rec.Chosen != a.Strategy {
			t.Fatalf("override %s not honoured: %s", a.Strategy, rec.Chosen)
		}
		if len(Table(a, rec.Strategy)) == 0 {
			t.Fatal("empty table")
		}
	})
}
