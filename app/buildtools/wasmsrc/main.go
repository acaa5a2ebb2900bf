// Command wasmsrc writes the go-app source that app.wasm is built from, and
// a go.mod (for `go build -modfile`) that points the wasm build at it. The
// server and the tests keep the pinned module as it is.
//
// go-app v10.1.10 leaves its server files without a build tag, so every
// wasm imports net/http, and through it crypto/tls, crypto/x509 and
// math/big, whose package initialisers keep about 1 MB of code alive: 340 KB
// of brotli, more than the whole calculator. The copy tags those files
// !wasm (see serverOnly) and keeps what the browser needs from them.
//
// It also makes the engine render right after an event instead of 1/120 s
// later (see renderNow): the numbers follow the slider within the frame.
//
// Each change is an exact edit of the pinned release; a different go-app
// version fails here, loudly, rather than building something untested.
package main

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

const (
	goApp        = "github.com/maxence-charriere/go-app/v10"
	goAppVersion = "v10.1.10"
)

// serverOnly are the files of pkg/app that only the server needs: the HTTP
// handler, and the resource resolvers built on net/http.
var serverOnly = []string{"http.go", "resource.go"}

// browserOnly are files the browser build does without: wasm.go holds only
// a stub of the server's static site generator, which names the Handler.
var browserOnly = []string{"wasm.go"}

// clientResolver names the functions of resource.go that the browser does
// use (RunWhenOnBrowser resolves /web/ URLs with them).
var clientResolver = []string{"clientResourceResolver", "remoteLocation", "webLocation"}

// renderNow: go-app hands each DOM event to its engine goroutine and
// renders on a ticker reset to 1/120 s after the first one, plus the
// latency of Go's timers in the browser: 10 to 20 ms from the input event
// to the DOM, a missed frame. A JS event runs every woken goroutine before
// control returns to the browser, so rendering as soon as the engine has
// drained the event's dispatches puts the new numbers in the DOM within the
// event's own task, before the next paint (and the printout in place within
// beforeprint). Only the dispatches a frame itself queued (say, from a
// Defer) wait for the ticker, so a component that re-dispatches on every
// update cannot keep the page busy; an event that comes meanwhile still
// renders at once.
var renderNow = edit{
	file: "engine.go",
	old: `		case dispatch := <-e.dispatches:
			if currentFrameDuration != activeFrameDuration {
				frames.Reset(activeFrameDuration)
				currentFrameDuration = activeFrameDuration
			}
			dispatch()

		case <-frames.C:
			e.processFrame()
			frames.Reset(iddleFrameDuration)
			currentFrameDuration = iddleFrameDuration
`,
	new: `		case dispatch := <-e.dispatches:
			dispatch()
			if queuedByFrame > 0 {
				queuedByFrame-- // the last frame's own: rendered by the ticker
				continue
			}
			if len(e.dispatches) > 0 {
				continue // more of this event is queued
			}
			// Embudo: render now, within the event's task (app/buildtools/wasmsrc).
			e.processFrame()
			if queuedByFrame = len(e.dispatches); queuedByFrame > 0 && currentFrameDuration != activeFrameDuration {
				frames.Reset(activeFrameDuration)
				currentFrameDuration = activeFrameDuration
			}

		case <-frames.C:
			e.processFrame()
			if queuedByFrame = len(e.dispatches); queuedByFrame > 0 {
				if currentFrameDuration != activeFrameDuration {
					frames.Reset(activeFrameDuration) // render them at the next tick
					currentFrameDuration = activeFrameDuration
				}
				continue
			}
			frames.Reset(iddleFrameDuration)
			currentFrameDuration = iddleFrameDuration
`,
}

// renderNowState declares the count renderNow keeps, beside the ticker.
var renderNowState = edit{
	file: "engine.go",
	old: `	frames := time.NewTicker(currentFrameDuration)
	defer frames.Stop()
`,
	new: `	frames := time.NewTicker(currentFrameDuration)
	defer frames.Stop()
	queuedByFrame := 0 // Embudo: dispatches the last frame queued (renderNow)
`,
}

// adoptMount: where go-app replaces a child by a new one (updateHTML), the
// new one adopts the old one's nodes when those are pre-rendered (see
// adopt.go.src, added to the copy as adopt_embudo.go).
var adoptMount = edit{
	file: "node.go",
	old: `		newChild, err := m.Mount(ctx, v.depth()+1, newChildren[i])
		if err != nil {
			return nil, errors.New("mounting child failed").
				WithTag("type", reflect.TypeOf(v)).
				WithTag("tag", v.Tag()).
				WithTag("depth", v.depth()).
				WithTag("index", i).
				Wrap(err)
		}
		v.JSValue().replaceChild(newChild, child)
`,
	new: `		newChild, adopted, err := m.mountAdopting(ctx, v.depth()+1, newChildren[i], child)
		if err != nil {
			return nil, errors.New("mounting child failed").
				WithTag("type", reflect.TypeOf(v)).
				WithTag("tag", v.Tag()).
				WithTag("depth", v.depth()).
				WithTag("index", i).
				Wrap(err)
		}
		if !adopted { // Embudo: an adopted node is in place already (app/buildtools/wasmsrc)
			v.JSValue().replaceChild(newChild, child)
		}
`,
}

// adoptPage: the first Load's placeholder is the pre-rendered page, which
// the routed component adopts.
var adoptPage = edit{
	file: "engine.go",
	old: `		firstChild = firstChild.setParent(body).(HTMLDiv)
`,
	new: `		firstChild = firstChild.setParent(body).(HTMLDiv)
		adoptPlaceholder = firstChild // Embudo: the routed component adopts it (app/buildtools/wasmsrc)
`,
}

// startInTwo: go-app adopts the page and starts its engine in one task
// (about 50 ms on a 2-core machine); the copy yields to the browser in
// between (yieldAfterAdopt, adopt.go.src).
var startInTwo = edit{
	file: "app.go",
	old: `	engine.Navigate(window.URL(), false)
	engine.Start(120)
`,
	new: `	engine.Navigate(window.URL(), false)
	yieldAfterAdopt() // Embudo: two shorter tasks (app/buildtools/wasmsrc)
	engine.Start(120)
`,
}

// noCrypto: go-app encrypts a state or a value only when asked to
// (Context.Encrypt, SetState with Encrypt), which the calculator never
// does; AES-GCM and crypto/rand kept about 140 KB of code in app.wasm.
// The copy's encrypt and decrypt fail instead.
var noCrypto = edit{
	file: "crypto.go",
	old: `import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"io"

	"github.com/maxence-charriere/go-app/v10/pkg/errors"
)

func encrypt(key string, v []byte) ([]byte, error) {
	c, err := aes.NewCipher([]byte(key))
	if err != nil {
		return nil, err
	}

	gcm, err := cipher.NewGCM(c)
	if err != nil {
		return nil, err
	}

	nonce := make([]byte, gcm.NonceSize())
	if _, err = io.ReadFull(rand.Reader, nonce); err != nil {
		return nil, err
	}

	return gcm.Seal(nonce, nonce, v, nil), nil
}

func decrypt(key string, v []byte) ([]byte, error) {
	c, err := aes.NewCipher([]byte(key))
	if err != nil {
		return nil, err
	}

	gcm, err := cipher.NewGCM(c)
	if err != nil {
		return nil, err
	}

	nonceSize := gcm.NonceSize()
	if len(v) < nonceSize {
		return nil, errors.New("ciphertext too short")
	}

	nonce, ciphertext := v[:nonceSize], v[nonceSize:]
	return gcm.Open(nil, nonce, ciphertext, nil)
}
`,
	new: `import (
	"github.com/maxence-charriere/go-app/v10/pkg/errors"
)

// Embudo: no encryption in the browser build (app/buildtools/wasmsrc).
func encrypt(key string, v []byte) ([]byte, error) {
	return nil, errors.New("encryption is not in this build")
}

func decrypt(key string, v []byte) ([]byte, error) {
	return nil, errors.New("encryption is not in this build")
}
`,
}

// noRegexp: go-app's router keeps RouteWithRegexp's patterns as
// *regexp.Regexp, so every wasm links the regexp package (about 270 KB of
// code) whether or not a route uses one. The calculator routes by path:
// a route the copy's RouteWithRegexp adds panics when matched.
var noRegexp = []edit{
	{file: "route.go", old: "\t\"regexp\"\n", new: ""},
	{file: "route.go", old: "\t\tregexp:       regexp.MustCompile(pattern),\n", new: "\t\tregexp:       noPattern(pattern), // Embudo: no regexp (app/buildtools/wasmsrc)\n"},
	{file: "route.go", old: "\tregexp       *regexp.Regexp\n", new: "\tregexp       noPattern\n"},
	{file: "route.go", old: "type regexpRoute struct {\n", new: `// noPattern stands for a regular expression (Embudo: app/buildtools/wasmsrc).
type noPattern string

func (p noPattern) MatchString(string) bool {
	panic("app.RouteWithRegexp(" + string(p) + "): this build has no regular expressions")
}

type regexpRoute struct {
`},
}

// noUUID: go-app makes two random IDs (a device ID and a broadcast
// channel's) with github.com/google/uuid, which brings crypto/rand, md5,
// sha1 and the FIPS module into app.wasm. The copy asks the browser
// instead (newUUID in uuid.go.src).
var noUUID = []edit{
	{file: "context.go", old: "\t\"github.com/google/uuid\"\n", new: ""},
	{file: "context.go", old: "\tid = uuid.NewString()\n", new: "\tid = newUUID() // Embudo: the browser's (app/buildtools/wasmsrc)\n"},
	{file: "state.go", old: "\t\"github.com/google/uuid\"\n", new: ""},
	{file: "state.go", old: "\t\tm.broadcastStoreID = uuid.NewString()\n", new: "\t\tm.broadcastStoreID = newUUID() // Embudo: the browser's (app/buildtools/wasmsrc)\n"},
}

//go:embed uuid.go.src
var uuidSource []byte

//go:embed adopt.go.src
var adoptSource []byte

type edit struct{ file, old, new string }

// goCmd is the go command that lists modules and builds.
var goCmd = "go"

func main() {
	out := flag.String("out", "build/wasm-src", "directory to write the go-app copy and its go.mod into")
	flag.StringVar(&goCmd, "go", "go", "the go command (make passes $(GO))")
	flag.Parse()
	if err := run(*out); err != nil {
		log.Fatalf("wasmsrc: %v", err)
	}
}

func run(out string) error {
	mod, err := goList()
	if err != nil {
		return err
	}
	if mod.Version != goAppVersion {
		return fmt.Errorf("%s is %s; these edits are for %s: check them against the new release", goApp, mod.Version, goAppVersion)
	}
	out, err = filepath.Abs(out)
	if err != nil {
		return err
	}
	dst := filepath.Join(out, "go-app")
	if err := os.RemoveAll(dst); err != nil {
		return err
	}
	for _, f := range []string{"go.mod", "LICENSE"} {
		if err := copyFile(filepath.Join(mod.Dir, f), filepath.Join(dst, f)); err != nil {
			return err
		}
	}
	for _, pkg := range []string{"pkg/app", "pkg/errors"} {
		if err := copyPackage(filepath.Join(mod.Dir, pkg), filepath.Join(dst, pkg)); err != nil {
			return err
		}
	}
	appDir := filepath.Join(dst, "pkg/app")
	if err := extractFuncs(filepath.Join(appDir, "resource.go"), filepath.Join(appDir, "resource_browser.go"), clientResolver); err != nil {
		return err
	}
	for _, f := range serverOnly {
		if err := tagServerOnly(filepath.Join(appDir, f)); err != nil {
			return err
		}
	}
	for _, f := range browserOnly {
		if err := os.Remove(filepath.Join(appDir, f)); err != nil {
			return err
		}
	}
	edits := append([]edit{renderNow, renderNowState, adoptMount, adoptPage, startInTwo, noCrypto}, noUUID...)
	for _, e := range append(edits, noRegexp...) {
		if err := e.apply(appDir); err != nil {
			return err
		}
	}
	if err := os.WriteFile(filepath.Join(appDir, "adopt_embudo.go"), adoptSource, 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(appDir, "uuid_embudo.go"), uuidSource, 0o644); err != nil {
		return err
	}
	return writeModFile(out, dst)
}

type module struct{ Dir, Version, GoMod string }

// goList finds the pinned go-app in the module cache (downloading it if
// needed) and the project's go.mod.
func goList() (module, error) {
	var m module
	b, err := exec.Command(goCmd, "list", "-m", "-json", goApp).Output()
	if err != nil {
		return m, fmt.Errorf("go list -m %s: %w", goApp, err)
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return m, err
	}
	if m.Dir == "" {
		if err := exec.Command(goCmd, "mod", "download", goApp).Run(); err != nil {
			return m, fmt.Errorf("go mod download %s: %w", goApp, err)
		}
		return goList()
	}
	return m, nil
}

func copyPackage(src, dst string) error {
	entries, err := os.ReadDir(src)
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		if err := copyFile(filepath.Join(src, name), filepath.Join(dst, name)); err != nil {
			return err
		}
	}
	return nil
}

func copyFile(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return os.WriteFile(dst, b, 0o644)
}

// tagServerOnly keeps a file out of the wasm build.
func tagServerOnly(file string) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	if bytes.Contains(b, []byte("//go:build")) {
		return fmt.Errorf("%s already has a build constraint", file)
	}
	return os.WriteFile(file, append([]byte("//go:build !wasm\n\n"), b...), 0o644)
}

// extractFuncs copies the named functions of src, verbatim, into a new
// wasm-only file.
func extractFuncs(src, dst string, names []string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, src, b, parser.ParseComments)
	if err != nil {
		return err
	}
	var body bytes.Buffer
	found := 0
	for _, d := range f.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Recv != nil || !slices.Contains(names, fn.Name.Name) {
			continue
		}
		start, end := fset.Position(fn.Pos()).Offset, fset.Position(fn.End()).Offset
		body.Write(b[start:end])
		body.WriteString("\n\n")
		found++
	}
	if found != len(names) {
		return fmt.Errorf("%s: found %d of the functions %v", src, found, names)
	}
	head := "//go:build wasm\n\n// Copied by app/buildtools/wasmsrc from resource.go, which is server-only there.\n\npackage app\n\nimport \"strings\"\n\n"
	return os.WriteFile(dst, append([]byte(head), bytes.TrimRight(body.Bytes(), "\n")...), 0o644)
}

func (e edit) apply(dir string) error {
	file := filepath.Join(dir, e.file)
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	if n := bytes.Count(b, []byte(e.old)); n != 1 {
		return fmt.Errorf("%s: the code to edit appears %d times, want once", file, n)
	}
	return os.WriteFile(file, bytes.Replace(b, []byte(e.old), []byte(e.new), 1), 0o644)
}

// writeModFile writes out/go.mod and out/go.sum: the project's own, plus a
// replace of go-app by the copy.
func writeModFile(out, copyDir string) error {
	root, err := exec.Command(goCmd, "env", "GOMOD").Output()
	if err != nil {
		return err
	}
	gomod := strings.TrimSpace(string(root))
	if gomod == "" || gomod == os.DevNull {
		return errors.New("run from inside the module")
	}
	mod, err := os.ReadFile(gomod)
	if err != nil {
		return err
	}
	sum, err := os.ReadFile(strings.TrimSuffix(gomod, ".mod") + ".sum")
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	// Relative to the module, so no folder of this machine ends up in
	// app.wasm's build information (nor changes its bytes).
	target := copyDir
	if rel, err := filepath.Rel(filepath.Dir(gomod), copyDir); err == nil && !strings.HasPrefix(rel, "..") {
		target = "./" + filepath.ToSlash(rel)
	}
	mod = fmt.Appendf(mod, "\nreplace %s => %s\n", goApp, target)
	if err := os.WriteFile(filepath.Join(out, "go.mod"), mod, 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "go.sum"), sum, 0o644)
}
