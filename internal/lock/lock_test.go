package lock

import (
	"strings"
	"testing"
)

func TestLockRoundTripAndIntegrity(t *testing.T) {
	l := New("1.0.0", map[string][]byte{"b.go": []byte("B"), "a.go": []byte("A\n")})
	data := l.Marshal()
	if strings.Index(string(data), `"a.go"`) > strings.Index(string(data), `"b.go"`) {
		t.Fatal("lock is not sorted")
	}
	back, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if back.Files["a.go"].Content != "A\n" || back.Authgen != "1.0.0" {
		t.Fatalf("round trip: %+v", back)
	}
	tampered := strings.Replace(string(data), `"content": "B"`, `"content": "C"`, 1)
	if _, err := Parse([]byte(tampered)); err == nil || !strings.Contains(err.Error(), `"b.go" does not match its hash`) {
		t.Fatalf("tampered lock: %v", err)
	}
	if _, err := Parse([]byte(`{"format": 99}`)); err == nil || !strings.Contains(err.Error(), "format 99") {
		t.Fatalf("future format: %v", err)
	}
}
