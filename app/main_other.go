//go:build !wasm

// Command embudo serves the smarketing SLA calculator, or with -static
// writes it as a pre-rendered site; in the browser it is the app itself
// (main_wasm.go).
package main

import (
	"flag"
	"fmt"
	"log"

	"embudo.app/app/server"
)

func main() {
	addr := flag.String("addr", "localhost:8000", "address to serve on (loopback)")
	web := flag.String("web", "web", "folder of static assets, with app.wasm")
	static := flag.String("static", "", "write the static site into this folder and exit")
	prefix := flag.String("prefix", "", "URL path the static site is served under, e.g. /embudo")
	flag.Parse()

	if *static != "" {
		if err := server.GenerateStatic(*static, *web, *prefix); err != nil {
			log.Fatal(err)
		}
		fmt.Println("static site written to", *static)
		return
	}
	if err := server.ListenAndServe(*addr, *web); err != nil {
		log.Fatal(err)
	}
}
