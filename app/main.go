// Command embudo is the smarketing SLA calculator: in the browser it is the
// go-app PWA (app.wasm); on a machine it serves or pre-renders it.
package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

func main() {
	registerRoutes()
	yieldToBrowser()
	app.RunWhenOnBrowser()
	serve()
}

// registerRoutes maps the pages (tests call it too; it is idempotent).
func registerRoutes() {
	app.Route("/", newCalculator)
	app.Route("/embed", newCalculator) // the same as ?embed=1
}
