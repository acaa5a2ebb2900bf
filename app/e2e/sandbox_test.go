//go:build !wasm

package e2e

import (
	"html"
	"testing"
)

// sandboxedSnippet is the embed code as a blog platform that frames
// third-party content rewrites it: the iframe in sandbox="allow-scripts"
// (no allow-same-origin), so the calculator runs in an opaque origin and
// its messages come from origin "null"; the host then trusts the frame's
// window alone (README, "Embedding in a blog post").
func sandboxedSnippet(src string) string {
	return `<iframe id="embudo-sandboxed" sandbox="allow-scripts" src="` + html.EscapeString(src) + `"
  title="Embudo: smarketing SLA calculator"
  style="width:100%;max-width:700px;height:900px;border:0" loading="lazy"></iframe>
<script>
addEventListener("message", function (e) {
  var f = document.getElementById("embudo-sandboxed");
  if (!f || e.source !== f.contentWindow) return;
  if (e.data && e.data.type === "embudo:height") f.style.height = e.data.height + "px";
});
</script>`
}

// TestEmbedSandboxed hosts the embed on another loopback origin in an
// iframe with sandbox="allow-scripts": an opaque origin, where storage and
// service workers throw, and app.wasm and the scripts are cross-origin
// fetches. The calculator still starts (the assets carry CORS headers),
// posts its height (the iframe fits its content), computes as a slider
// moves, and reports no error in its console.
func TestEmbedSandboxed(t *testing.T) {
	needBrowser(t)
	src := baseURL + embedLink + "&embed=1"
	blogHost := "localhost"
	if mustParseURL(t, baseURL).Hostname() == "localhost" {
		blogHost = "127.0.0.1"
	}
	hostURL := serveBlogPost(t, blogHost, sandboxedSnippet(src))

	host := newTab(t)
	navigate(t, host, hostURL)
	frame, frameProbe := attachFrame(t, host, src)

	if origin := eval[string](t, frame, `String(self.origin)`); origin != "null" {
		t.Fatalf("the frame's origin is %q, want the opaque origin \"null\" of a sandbox without allow-same-origin", origin)
	}

	// The wasm starts (app.wasm is fetched cross-origin) and computes.
	waitReady(t, frame)
	waitNumber(t, frame, "count-visitors", 6400)
	fit := waitFrameFits(t, host, frame)
	t.Logf("after load: %s", fit)

	// Storage reads as empty and refuses writes instead of throwing (a
	// throwing read would stop the wasm).
	if got := eval[string](t, frame, `(() => {
		try {
			localStorage.getItem('embudo');
			sessionStorage.getItem('embudo');
			return 'ok';
		} catch (err) {
			return String(err);
		}
	})()`); got != "ok" {
		t.Errorf("reading storage in the frame: %s", got)
	}

	// A slider moves the numbers: r1 from 25 % to 50 % halves the visitors.
	if got := setSlider(t, frame, "input-r1", "50"); got != "50" {
		t.Fatalf("[data-testid=input-r1] holds %q after setting 50", got)
	}
	waitNumber(t, frame, "count-visitors", 3200)
	assertNumber(t, frame, "count-leads", 1600)

	// The height follows the content: forecast mode.
	if !eval[bool](t, frame, `(() => {
		const r = document.querySelector('[data-testid=mode-forecast]');
		if (!r) return false;
		r.click();
		return true;
	})()`) {
		t.Fatal("no [data-testid=mode-forecast] in the embed")
	}
	waitJS(t, frame, `!!document.querySelector('[data-testid=reachable-revenue]')`, waitTimeout, "forecast mode in the frame")
	fit = waitFrameFits(t, host, frame)
	t.Logf("after switching to forecast: %s", fit)

	msgs := eval[[]hostMessage](t, host, `window.__msgs`)
	for _, m := range msgs {
		if m.Origin != "null" || !m.FromFrame || m.Data["type"] != "embudo:height" {
			t.Errorf("a message from %s (from the frame: %v) reached the host: %v", m.Origin, m.FromFrame, m.Data)
		}
	}
	t.Logf("%d height messages: %v", len(msgs), messageHeights(msgs))

	if !frameProbe.sawProbe() {
		t.Error("the frame's console probe was not seen: its errors would go unnoticed")
	}
	assertNoConsoleErrors(t, frame)
}
