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

// Limits bound how long one connection may hold the server's sockets and
// files, and how much request header it may send (README, Limits).
type Limits struct {
	ReadHeader time.Duration // from a request's first byte to its last header byte
	Read       time.Duration // the whole request (no request has a body)
	Write      time.Duration // from the request read to the response's last byte
	Idle       time.Duration // a keep-alive connection waiting for its next request
	HeaderSize int           // request line and headers, bytes (Go allows 4 KB more)
}

// DefaultLimits are make run's, sized for app.wasm (1.3 MB in brotli,
// 1.8 MB in gzip) over a slow mobile link: Write lets 1.35 MB through at
// 90 kbit/s; a link of every parameter is under 400 bytes.
var DefaultLimits = Limits{
	ReadHeader: 10 * time.Second,
	Read:       15 * time.Second,
	Write:      2 * time.Minute,
	Idle:       30 * time.Second,
	HeaderSize: 16 << 10,
}

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
	return newHTTPServer(handler, DefaultLimits).Serve(ln)
}

// newHTTPServer is the http.Server that applies l to every connection.
func newHTTPServer(h http.Handler, l Limits) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: l.ReadHeader,
		ReadTimeout:       l.Read,
		WriteTimeout:      l.Write,
		IdleTimeout:       l.Idle,
		MaxHeaderBytes:    l.HeaderSize,
	}
}
