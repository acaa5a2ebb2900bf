// Package server serves the calculator: go-app's handler with the pages
// pre-rendered, pre-compressed assets, the cache and security headers, the
// service worker and the manifest; or writes all of it as a static site.
// Only the server's main imports it, so none of it reaches app.wasm.
package server

import (
	"fmt"
	"net"
	"net/http"
	"time"
)

// ListenAndServe serves the app with the assets in web on addr (loopback).
func ListenAndServe(addr, web string) error {
	h, err := newHandler(web, "")
	if err != nil {
		return err
	}
	handler, err := newServer(h, web)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	fmt.Printf("Embudo on http://%s/\n", ln.Addr())
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second}
	return srv.Serve(ln)
}
