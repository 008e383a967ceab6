//go:build load

package bench

// This file is compiled into this package and, copied by the load test
// with its package clause changed, into the child's generated Redis session
// package, so that both servers of the load test are served the same way.

import (
	"fmt"
	"net"
	"net/http"
	"sync"
	"syscall"
	"testing"
	"time"
)

// loadServe serves h at /me on loopback for the load test. It prints
// "LOADSERVER <addr> <cookie>" and serves until GET /quit or 10 minutes.
// GET /cpu returns the process's CPU time (user + system, in ns), so that
// the driver, another process, measures the server's CPU alone.
func loadServe(t testing.TB, h http.Handler, cookie string) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	quit := make(chan struct{})
	var once sync.Once
	mux := http.NewServeMux()
	mux.Handle("/me", h)
	mux.HandleFunc("/cpu", func(w http.ResponseWriter, r *http.Request) {
		var ru syscall.Rusage
		if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		fmt.Fprint(w, ru.Utime.Nano()+ru.Stime.Nano())
	})
	mux.HandleFunc("/quit", func(w http.ResponseWriter, r *http.Request) { once.Do(func() { close(quit) }) })
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	fmt.Printf("LOADSERVER %s %s\n", ln.Addr(), cookie)
	select {
	case <-quit:
	case <-time.After(10 * time.Minute):
	}
	srv.Close()
}
