package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Routes maps the app's pages (idempotent: the server's tests call it too).
func Routes() {
	app.Route("/", newCalculator)
	app.Route("/embed", newCalculator) // the same as ?embed=1
}
