package server

import (
	"bytes"
	"regexp"
)

// The first paint waits for the browser to parse, style and lay out the
// whole page it was sent, and the pre-rendered page is long: its first
// screen (header, key figures, inputs, the SLA and the stage table) is a
// third of it. The parts under it (the result cards after the first two
// and the tools) are sent as inert text, in a <script> data block the
// parser skips over, and web/embudo.js turns each into its elements after
// the first paint, one per frame. They are the same elements, in the same
// place, before the wasm starts (it waits for them: app.js), and nothing
// the reader sees moves: they come under what is on screen. The embed is
// short and is sent whole.

// laterType is the type of the data blocks web/embudo.js looks for.
const laterType = "text/x-embudo-part"

// shownResults is how many result cards come as elements: the SLA and the
// stage table (the forecast and what it would take, in forecast mode).
const shownResults = 2

var (
	// pageMain is the page's <main> start tag (attributes in map order).
	pageMain = regexp.MustCompile(`<main\b[^>]*>`)
	// embedClass is the class an embed's <main> has.
	embedClass = regexp.MustCompile(`\bclass="[^"]*\bembed\b`)
	// resultsStart and toolsStart are the containers of the parts sent
	// later, on lines of their own (go-app writes an element per line,
	// each child indented two spaces more).
	resultsStart = regexp.MustCompile(`(?m)^( *)<div class="results[^"]*">$`)
	toolsStart   = regexp.MustCompile(`(?m)^( *)<div class="tools">$`)
	// unsafeInData is what would end a script data block early or change
	// how the parser reads it.
	unsafeInData = regexp.MustCompile(`(?i)</script|<!--`)
)

// sendPartsLater turns the parts under the first screen of a pre-rendered
// page into data blocks; a page it does not recognize is left as it is.
func sendPartsLater(page []byte) []byte {
	m := pageMain.Find(page)
	if m == nil || embedClass.Match(m) {
		return page
	}
	page = laterChildren(page, resultsStart, shownResults)
	return laterChildren(page, toolsStart, 0)
}

// laterChildren turns the children of the container start matches into
// data blocks, all but the first keep of them.
func laterChildren(page []byte, start *regexp.Regexp, keep int) []byte {
	loc := start.FindSubmatchIndex(page)
	if loc == nil {
		return page
	}
	indent := string(page[loc[2]:loc[3]])
	body := loc[1] + 1 // after the start tag's line
	end := bytes.Index(page[body:], []byte("\n"+indent+"</div>\n"))
	if end < 0 {
		return page
	}
	end += body + 1 // the container's end tag's line
	children := splitChildren(page[body:end], indent+"  ")
	if children == nil {
		return page
	}
	var out bytes.Buffer
	out.Write(page[:body])
	for i, child := range children {
		if i < keep || unsafeInData.Match(child) {
			out.Write(child)
			continue
		}
		out.WriteString(indent + `  <script type="` + laterType + `">`)
		out.Write(bytes.TrimRight(bytes.TrimLeft(child, " "), "\n"))
		out.WriteString("</script>\n")
	}
	out.Write(page[end:])
	return out.Bytes()
}

// splitChildren cuts a container's body into its children: each starts on
// a line at the children's indent with a start tag (a child's own lines
// are indented further, and text never starts with "<": it is escaped).
// nil if the body is not made of such children.
func splitChildren(body []byte, indent string) [][]byte {
	var children [][]byte
	first := []byte(indent + "<")
	for len(body) > 0 {
		if !bytes.HasPrefix(body, first) || bytes.HasPrefix(body, []byte(indent+"</")) {
			return nil
		}
		next := len(body)
		for i := bytes.IndexByte(body, '\n'); i >= 0 && i+1 < len(body); {
			rest := body[i+1:]
			if bytes.HasPrefix(rest, first) && !bytes.HasPrefix(rest, []byte(indent+"</")) {
				next = i + 1
				break
			}
			j := bytes.IndexByte(rest, '\n')
			if j < 0 {
				break
			}
			i += 1 + j
		}
		children = append(children, body[:next])
		body = body[next:]
	}
	return children
}
