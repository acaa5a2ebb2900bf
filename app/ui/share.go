package ui

import (
	"fmt"
	"hash/fnv"
	"net/url"
	"strings"
	"time"

	"embudo.app/funnel"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// renderShare offers the link of the current scenario and the <iframe>
// snippet that embeds it in a blog post.
func (c *calculator) renderShare() app.UI {
	t := c.texts()
	return app.Section().Class("card share").Aria("labelledby", "share-title").Body(
		app.H2().ID("share-title").Text(t.ShareTitle),
		app.P().Class("note").Text(t.ShareNote),
		app.Div().Class("actions").Body(
			app.Button().Type("button").DataSet("testid", "copy-link").Text(t.CopyLink).OnClick(handle(c.onCopyLink)),
			app.Button().Type("button").DataSet("testid", "copy-embed").Text(t.CopyEmbed).OnClick(handle(c.onCopyEmbed)),
			app.Span().Class("copied").Attr("role", "status").DataSet("testid", "share-status").Text(c.shareStatus),
		),
		app.If(c.shareManual != "", func() app.UI {
			return app.Div().Class("manual-copy").Body(
				app.Label().For("share-manual").Text(t.CopyBox),
				app.Textarea().ID("share-manual").DataSet("testid", "share-manual").ReadOnly(true).
					Rows(3).Text(c.shareManual),
			)
		}),
		app.If(c.embedCode != "", func() app.UI {
			return app.Textarea().ID("embed-code").DataSet("testid", "embed-code").ReadOnly(true).
				Rows(8).Aria("label", t.CopyEmbed).Text(c.embedCode)
		}),
	)
}

// renderEmbedFooter links an embedded calculator to the full one.
func (c *calculator) renderEmbedFooter() app.UI {
	full := c.sc
	full.Embed = false
	return app.P().Class("embed-footer").Body(
		app.A().Href("?"+queryText(full)).Target("_blank").Rel("noopener").
			DataSet("testid", "open-full").Text(c.texts().OpenFull),
	)
}

// shareURL is the current scenario's link on this page's address.
func (c *calculator) shareURL(ctx app.Context, embed bool) string {
	u := *ctx.Page().URL()
	sc := c.sc
	sc.Embed = embed
	u.RawQuery = queryText(sc)
	u.Fragment = ""
	return u.String()
}

func (c *calculator) onCopyLink(ctx app.Context, e app.Event) {
	c.copy(ctx, c.shareURL(ctx, false), "")
}

// onCopyEmbed copies the snippet and shows it, to select by hand where the
// clipboard is refused.
func (c *calculator) onCopyEmbed(ctx app.Context, e app.Event) {
	c.embedCode = embedSnippet(c.shareURL(ctx, true), c.texts().EmbedTitle)
	c.copy(ctx, c.embedCode, "embed-code")
}

// copy puts text on the clipboard and says so; where the browser refuses,
// it says that and shows the text selected, in box (a box on screen
// already) or else in a box of its own, ready for Ctrl+C.
func (c *calculator) copy(ctx app.Context, text, box string) {
	c.shareStatus, c.shareManual = "", ""
	clipboardWrite(text, func(ok bool) {
		ctx.Dispatch(guard(func(ctx app.Context) {
			if ok {
				c.shareStatus, c.shareManual = c.texts().Copied, ""
				return
			}
			c.shareStatus = c.texts().CopyFail
			if box == "" {
				c.shareManual, box = text, "share-manual"
			}
			selectText(box) // after the render: it waits for the box
		}))
	})
}

// embedSnippet is the <iframe> for src plus the few lines of host-side
// script that size it from the calculator's height messages. The script
// accepts messages only from the calculator's origin and its own frame.
func embedSnippet(src, title string) string {
	u, err := url.Parse(src)
	if err != nil {
		return ""
	}
	origin := u.Scheme + "://" + u.Host
	// A frame the host sandboxes without allow-same-origin posts from the
	// origin "null": its own window (e.source) is the proof then.
	// Each snippet gets its own id, so two embeds in one post (even of the
	// same scenario) size apart.
	h := fnv.New32a()
	h.Write([]byte(src + time.Now().String()))
	id := fmt.Sprintf("embudo-%08x", h.Sum32())
	attr := strings.NewReplacer("&", "&amp;", `"`, "&quot;", "<", "&lt;", ">", "&gt;")
	return `<iframe id="` + id + `" src="` + attr.Replace(src) + `" title="` + attr.Replace(title) + `"` +
		` style="width:100%;max-width:700px;height:900px;border:0" loading="lazy"></iframe>
<script>
addEventListener("message", function (e) {
  var f = document.getElementById("` + id + `");
  if (!f || e.source !== f.contentWindow || e.origin !== "` + origin + `" && e.origin !== "null") return;
  if (e.data && e.data.type === "embudo:height") f.style.height = e.data.height + "px";
});
</script>`
}

// queryText is a scenario as a link's query. Lists keep their commas
// (past=52000,1480,…, as the README writes them): a query may carry them
// as they are, and a link people read and edit should.
func queryText(sc funnel.Scenario) string {
	if inBrowser { // the server renders pages concurrently: no cache there
		for _, q := range lastQueries {
			if q.text != "" && q.sc == sc {
				return q.text
			}
		}
	}
	text := strings.ReplaceAll(sc.Query().Encode(), "%2C", ",")
	if inBrowser {
		lastQueries[1], lastQueries[0] = lastQueries[0], scenarioQueryText{sc, text}
	}
	return text
}

// lastQueries are the last two scenarios' queries, in the browser: a
// slider move asks for its scenario's from the page, the tools and the
// save, and the save for the one it stores (the same but not embedded);
// encoding it each time was about a twentieth of the move's time.
var lastQueries [2]scenarioQueryText

type scenarioQueryText struct {
	sc   funnel.Scenario
	text string
}
