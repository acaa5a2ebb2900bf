package server

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// laterBlock is a part sent later, its markup in group 1.
var laterBlock = regexp.MustCompile(`(?s)<script type="` + laterType + `">(.*?)</script>`)

// undoLater puts each part sent later back as it was (what web/embudo.js
// does in the browser, with the line's indent the block took).
func undoLater(page string) string {
	return laterBlock.ReplaceAllStringFunc(page, func(block string) string {
		return laterBlock.FindStringSubmatch(block)[1]
	})
}

// goappPage is a page as go-app renders it, before finishPage.
func goappPage(t *testing.T, target string) string {
	t.Helper()
	mfServer(t) // skips without web/app.wasm
	h, err := newHandler(mfWeb, "")
	require.NoError(t, err)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	require.Equal(t, http.StatusOK, rec.Code, target)
	return rec.Body.String()
}

// TestSendPartsLater: on go-app's own pages, the result cards after the
// first two and every tool become data blocks, in their places, and
// nothing else changes; the embed is sent whole.
func TestSendPartsLater(t *testing.T) {
	for _, tt := range []struct {
		target string
		first  string   // a figure of the first screen, sent as elements
		later  []string // the classes of the parts sent later, in order
	}{
		{"/?lang=en", `data-testid="count-visitors"`, []string{"card team", "card chart-card", "card sensitivity", "card export", "card share",
			"scenario-tools", "tools-pair", "card months", "card calibrate"}},
		{"/?lang=es&mode=forecast&past=52000,1480,610,240,95,31", `data-testid="reachable-customers"`, []string{"card sensitivity", "card export", "card share",
			"scenario-tools", "tools-pair", "card months", "card calibrate"}},
		{"/?lang=pt&r1=12.5&ramp=3&lag=0,0,0,30,45", `data-testid="sla-marketing"`, []string{"card team", "card chart-card", "card sensitivity", "card export", "card share",
			"scenario-tools", "tools-pair", "card months", "card calibrate"}},
	} {
		page := goappPage(t, tt.target)
		sent := string(sendPartsLater([]byte(page)))
		blocks := laterBlock.FindAllStringSubmatch(sent, -1)
		var classes []string
		for _, b := range blocks {
			m := regexp.MustCompile(`^<(\w+)\b[^>]*\bclass="([^"]*)"`).FindStringSubmatch(b[1])
			if assert.NotNil(t, m, "%s: a block starts with its element: %.80q", tt.target, b[1]) {
				assert.True(t, strings.HasSuffix(b[1], "</"+m[1]+">"), "%s: a block is one whole element (%s)", tt.target, m[2])
				classes = append(classes, m[2])
			}
		}
		assert.Equal(t, tt.later, classes, tt.target)
		assert.Equal(t, page, undoLater(sent), "%s: each block is the markup it replaced", tt.target)
		for _, inline := range []string{`class="keybar"`, `class="inputs"`, tt.first} {
			assert.NotContains(t, strings.Join(classes, " "), inline)
			assert.Contains(t, laterBlock.ReplaceAllString(sent, ""), inline, "%s: the first screen is sent as elements", tt.target)
		}
	}

	embed := goappPage(t, "/?lang=en&embed=1")
	assert.Equal(t, embed, string(sendPartsLater([]byte(embed))), "the embed is sent whole")
}

// TestSendPartsLaterLeavesAlone: a page it does not recognize, and a part
// whose markup could end its data block, are sent as they are.
func TestSendPartsLaterLeavesAlone(t *testing.T) {
	results := func(parts ...string) string {
		return "<main id=\"embudo\" class=\"embudo\">\n  <div class=\"layout\">\n    <div class=\"results\">\n" +
			strings.Join(parts, "") + "    </div>\n  </div>\n</main>\n"
	}
	card := func(text string) string {
		return "      <section class=\"card\">\n        <p>" + text + "</p>\n      </section>\n"
	}
	for _, tt := range []struct{ name, in, want string }{
		{"no main", "<div class=\"results\">\n  <p>a</p>\n</div>\n", "<div class=\"results\">\n  <p>a</p>\n</div>\n"},
		{"two cards", results(card("a"), card("b")), results(card("a"), card("b"))},
		{"a third card", results(card("a"), card("b"), card("c")),
			results(card("a"), card("b"), "      <script type=\"text/x-embudo-part\"><section class=\"card\">\n        <p>c</p>\n      </section></script>\n")},
		{"a script end inside", results(card("a"), card("b"), card("</SCRIPT>")), results(card("a"), card("b"), card("</SCRIPT>"))},
		{"a comment inside", results(card("a"), card("b"), card("<!-- x -->")), results(card("a"), card("b"), card("<!-- x -->"))},
		{"text at the children's indent", results(card("a"), card("b"), "      text\n"), results(card("a"), card("b"), "      text\n")},
		{"no end", strings.TrimSuffix(results(card("a"), card("b"), card("c")), "    </div>\n  </div>\n</main>\n"),
			strings.TrimSuffix(results(card("a"), card("b"), card("c")), "    </div>\n  </div>\n</main>\n")},
	} {
		assert.Equal(t, tt.want, string(sendPartsLater([]byte(tt.in))), tt.name)
	}
}
