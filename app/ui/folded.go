package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// folded is a panel in a <details> that renders its content only once
// opened: closed in the browser, it is its summary alone (the pre-rendered
// page has it all, for readers without the wasm).
type folded struct {
	open   bool // the reader opened it: its content is rendered
	closed bool // the reader closed it (a panel open by default stays closed)
}

// isOpen: opened by the reader, or open by default and not closed since.
func (f *folded) isOpen(byDefault bool) bool { return f.open || byDefault && !f.closed }

// render is details with its summary, and the content when open.
func (f *folded) render(details app.HTMLDetails, summary app.UI, byDefault bool, content func() []app.UI) app.UI {
	open := f.isOpen(byDefault)
	if inBrowser && !open {
		return details.Body(summary)
	}
	if open {
		details = details.Open(true) // Open(false) would pre-render as open
	}
	return details.Body(append([]app.UI{summary}, content()...)...)
}

// mounted: a reader may open the panel before the wasm takes the page
// over; the takeover keeps the open node, and its content comes with it.
func (f *folded) mounted(ctx app.Context, node app.Value) {
	if node != nil && node.Get("open").Truthy() && !f.open {
		f.open = true
		ctx.Update()
	}
}

// toggled follows the reader opening and closing the panel.
func (f *folded) toggled(ctx app.Context, byDefault bool) {
	open := ctx.JSSrc().Get("open").Bool()
	if open == f.isOpen(byDefault) {
		ctx.PreventUpdate()
	}
	f.open, f.closed = open, !open
}
