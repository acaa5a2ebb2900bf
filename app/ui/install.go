package ui

import (
	"embudo.app/app/text"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Installing the app. go-app's app.js keeps the browser's
// beforeinstallprompt event and tells the wasm (OnAppInstallChange) when
// the browser offers to install the app and when it has been installed;
// the header's toolbar shows an install button meanwhile. The pre-rendered
// page cannot know the browser's offer: its slot is empty, and the slot is
// always there, so the button coming or going never shifts the page's
// parts (go-app matches children by position).

// installOffered tells whether the browser offers to install the app now.
// go-app also counts Apple's browsers as installable (they install from
// the share menu), where there is no prompt to show: the button would do
// nothing there.
func installOffered(ctx app.Context) bool {
	return ctx.IsAppInstallable() && !ctx.IsAppleBrowser()
}

// OnAppInstallChange follows the browser's offer: the button comes with
// it and goes once the app is installed.
func (c *calculator) OnAppInstallChange(ctx app.Context) {
	offered := installOffered(ctx)
	if offered == c.installable {
		ctx.PreventUpdate()
		return
	}
	c.installable = offered
}

// onInstall shows the browser's install prompt. An offer is good for one
// prompt, whatever the reader answers: the button goes, and comes back if
// the browser offers again.
func (c *calculator) onInstall(ctx app.Context, e app.Event) {
	ctx.ShowAppInstallPrompt()
	c.installable = false
}

// renderInstall is the toolbar's install slot: empty unless the browser
// offers to install the app.
func (c *calculator) renderInstall() app.UI {
	slot := app.Span().Class("install-slot")
	if !c.installable {
		return slot
	}
	t := c.texts()
	return slot.Body(app.Button().Type("button").Class("install").DataSet("testid", "install").
		Attr("title", t.InstallHint).Text(t.Install).OnClick(handle(c.onInstall)))
}

// ManifestFile is the web app manifest of a language, at the site's root:
// the fallback language's keeps go-app's name (links and installs made
// before there was one per language), the others have their code in it.
func ManifestFile(lang string) string {
	if _, ok := text.Lookup(lang); !ok || lang == text.Fallback {
		return "manifest.webmanifest"
	}
	return "manifest-" + lang + ".webmanifest"
}

// showLang puts the page's head in the language: its title and manifest
// link (the server links the pre-rendered page's language; a static host
// serves one page for every link, and the reader may switch), and in the
// pre-rendered page, which search engines and link previews read, its
// description too.
func showLang(ctx app.Context, lang string) {
	t := text.For(lang)
	ctx.Page().SetLang(lang)
	ctx.Page().SetTitle(t.PageTitle)
	if !inBrowser { // the wasm leaves it out
		ctx.Page().SetDescription(t.AppDescription)
	}
	linkManifest(ManifestFile(lang))
}
