// Command precompress writes the .br and .gz siblings of the compressible
// files in the folders it is given (make wasm runs it on web/), so servers
// and static hosts send compressed bytes without compressing per request.
package main

import (
	"log"
	"os"

	"embudo.app/app/internal/precompress"
)

func main() {
	if len(os.Args) < 2 {
		log.Fatal("usage: precompress DIR...")
	}
	for _, dir := range os.Args[1:] {
		if err := precompress.Dir(dir); err != nil {
			log.Fatalf("precompress: %v", err)
		}
	}
}
