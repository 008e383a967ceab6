package answers

import (
	"reflect"
	"testing"
)

// FuzzParseFile: any bytes either parse into answers that validate and
// survive a write/read round trip, or are refused with an error; never a
// panic.
func FuzzParseFile(f *testing.F) {
	f.Add([]byte("arch: mobile\nclients: [mobile, spa]\nstore: sqlite\nalg: ES256\n"))
	f.Add([]byte("authgen: 0.1.0\narch: monolith\nclients:\n  - browser\nbackends: one\nrevocation: immediate\nstore: memory\nalg: EdDSA\npkg: internal/auth\nissuer: https://auth.example.com\naudience: api\n"))
	f.Add([]byte("issuer: \"x\\\"; panic(1) //\"\n"))
	f.Add([]byte("colour: blue\n"))
	f.Add([]byte("arch: [x\n"))
	f.Add([]byte("pkg: ../../etc\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := ParseFile("fuzz.yaml", data)
		if err != nil {
			return
		}
		filled := file.Answers.Fill()
		if err := filled.Validate(); err != nil {
			t.Fatalf("accepted answers do not validate once filled: %v\n%q", err, data)
		}
		again, err := ParseFile("again.yaml", File{Authgen: file.Authgen, Answers: filled}.Marshal())
		if err != nil {
			t.Fatalf("re-reading what we wrote: %v", err)
		}
		if !reflect.DeepEqual(again.Answers, filled) {
			t.Fatalf("round trip changed the answers:\n%+v\n%+v", filled, again.Answers)
		}
	})
}
