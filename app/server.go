//go:build !wasm

package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"time"
)

// serve runs the server side: it serves the app, or with -static writes
// the pre-rendered site into a folder.
func serve() {
	addr := flag.String("addr", "localhost:8000", "address to serve on (loopback)")
	web := flag.String("web", "web", "folder of static assets, with app.wasm")
	static := flag.String("static", "", "write the static site into this folder and exit")
	prefix := flag.String("prefix", "", "URL path the static site is served under, e.g. /embudo")
	flag.Parse()

	if *static != "" {
		if err := generateStatic(*static, *web, *prefix); err != nil {
			log.Fatal(err)
		}
		fmt.Println("static site written to", *static)
		return
	}

	h, err := newHandler(*web, "")
	if err != nil {
		log.Fatal(err)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("Embudo on http://%s/\n", ln.Addr())
	handler, err := newServer(h, *web)
	if err != nil {
		log.Fatal(err)
	}
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second}
	if err := srv.Serve(ln); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
