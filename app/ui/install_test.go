package ui

import (
	"regexp"
	"testing"

	"embudo.app/app/text"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
)

// TestInstallSlot renders the header in every language, with and without
// the browser's offer to install, full page and embed: the full page's
// toolbar always ends with the install slot (so the button coming or going
// shifts no sibling), which holds the button only while the browser offers
// to install; an embed has neither.
func TestInstallSlot(t *testing.T) {
	slot := regexp.MustCompile(`<span class="install-slot">\s*(.*?)\s*</span>`)
	for _, lang := range text.Codes() {
		for _, tt := range []struct {
			name               string
			embed, installable bool
			slot, button       bool
		}{
			{name: "page", slot: true},
			{name: "page offered install", installable: true, slot: true, button: true},
			{name: "embed", embed: true},
			{name: "embed offered install", embed: true, installable: true},
		} {
			t.Run(lang+"/"+tt.name, func(t *testing.T) {
				c := &calculator{state: newState(), installable: tt.installable}
				c.sc.Lang, c.sc.Embed = lang, tt.embed
				html := app.HTMLString(c.renderHeader())
				if tt.embed {
					html = app.HTMLString(c.renderToolbar()) // an embed's toolbar is under "All inputs"
				}
				m := slot.FindStringSubmatch(html)
				if !tt.slot {
					assert.Nil(t, m, "an install slot in %s", html)
					assert.NotContains(t, html, `data-testid="install"`)
					return
				}
				if !assert.NotNil(t, m, "no install slot in %s", html) {
					return
				}
				assert.Regexp(t, `install-slot">[\s\S]*</span>\s*</div>\s*</header>`, html,
					"the slot is the toolbar's last child")
				if !tt.button {
					assert.Empty(t, m[1], "the slot is empty while the browser offers nothing")
					return
				}
				tx := text.For(lang)
				assert.Regexp(t, `<button\b[^>]*data-testid="install"`, m[1])
				assert.Contains(t, m[1], `type="button"`)
				assert.Contains(t, m[1], `title="`+tx.InstallHint+`"`)
				assert.Contains(t, m[1], ">"+tx.Install+"</button>")
			})
		}
	}
}

func TestManifestFile(t *testing.T) {
	for _, tt := range []struct{ lang, want string }{
		{text.Fallback, "manifest.webmanifest"},
		{"es", "manifest-es.webmanifest"},
		{"pt", "manifest-pt.webmanifest"},
		{"", "manifest.webmanifest"},
		{"xx", "manifest.webmanifest"}, // not in the registry: the fallback's
		{"../es", "manifest.webmanifest"},
	} {
		assert.Equal(t, tt.want, ManifestFile(tt.lang), "lang %q", tt.lang)
	}
}
