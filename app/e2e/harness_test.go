//go:build !wasm

// Package e2e drives the real Embudo app (server binary + app.wasm) in
// headless Chromium through chromedp.
//
// TestMain builds the server once, starts it on a free loopback port, and
// starts one shared headless browser. Each test gets a fresh browser context
// (an incognito-like profile: its own cache, storage and service workers),
// and every console error, uncaught exception, error log entry and
// JavaScript dialog of its tabs is collected and, unless a test opts out,
// fails the test at the end.
//
// Without Chromium the tests skip (or, with E2E=required, the run fails).
// With -short they skip. E2E_BASE_URL=http://host:port runs the tests
// against a server that is already running instead of building one.
package e2e

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Timeouts. The wasm is compiled once per browser context, and the machine
// may be small and busy, so waiting for the wasm gets a generous bound.
const (
	tabTimeout   = 60 * time.Second
	readyTimeout = 30 * time.Second
	waitTimeout  = 10 * time.Second
)

var (
	// skipReason is set when the browser tests cannot or must not run.
	skipReason string
	// baseURL is the address of the app server, without a trailing slash.
	baseURL string
	// repoRoot is the folder that holds go.mod.
	repoRoot string
	// browserCtx is the chromedp context of the shared browser.
	browserCtx context.Context
)

func TestMain(m *testing.M) {
	flag.Parse()
	os.Exit(run(m))
}

// run sets everything up, runs the tests and tears everything down. It
// returns the exit code; deferred clean-ups run before os.Exit.
func run(m *testing.M) int {
	if testing.Short() {
		skipReason = "browser tests skipped in -short mode"
		return m.Run()
	}
	chromium := findChromium()
	if chromium == "" {
		if os.Getenv("E2E") == "required" {
			fmt.Fprintln(os.Stderr, "e2e: E2E=required but Chromium is not installed (apt-get install chromium)")
			return 1
		}
		fmt.Println("skipping browser tests: Chromium not installed (apt-get install chromium)")
		skipReason = "Chromium not installed (apt-get install chromium)"
		return m.Run()
	}

	tmp, err := os.MkdirTemp("", "embudo-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(tmp)

	if u := os.Getenv("E2E_BASE_URL"); u != "" {
		baseURL = strings.TrimRight(u, "/")
		repoRoot, _ = findRepoRoot()
	} else {
		stop, err := startServer(tmp)
		if err != nil {
			fmt.Fprintln(os.Stderr, "e2e:", err)
			return 1
		}
		defer stop()
	}

	stopBrowser, err := startBrowser(chromium, tmp)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e: starting Chromium:", err)
		return 1
	}
	defer stopBrowser()

	return m.Run()
}

// findChromium returns the real Chromium binary (not Debian's wrapper
// script), or "" when none is installed.
func findChromium() string {
	if p := os.Getenv("E2E_CHROMIUM"); p != "" { // an explicit choice, e.g. to test the skip
		if _, err := os.Stat(p); err != nil {
			return ""
		}
		return p
	}
	const real = "/usr/lib/chromium/chromium"
	if fi, err := os.Stat(real); err == nil && !fi.IsDir() && fi.Mode()&0o111 != 0 {
		return real
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless_shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// findRepoRoot walks up from the working directory to the folder with go.mod.
func findRepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("go.mod not found above the working directory")
		}
		dir = parent
	}
}

// goTool returns the go command that runs this test.
func goTool() string {
	if p, err := exec.LookPath("go"); err == nil {
		return p
	}
	return filepath.Join(os.Getenv("GOROOT"), "bin", "go")
}

// startServer builds the server binary into tmp and runs it, from the repo
// root, on a free loopback port. It returns a func that stops it.
func startServer(tmp string) (stop func(), err error) {
	root, err := findRepoRoot()
	if err != nil {
		return nil, err
	}
	repoRoot = root
	wasm, err := os.Stat(filepath.Join(root, "web", "app.wasm"))
	if err != nil {
		return nil, fmt.Errorf("%s is missing: run make wasm first", filepath.Join(root, "web", "app.wasm"))
	}
	warnStaleWasm(root, wasm.ModTime())

	bin := filepath.Join(tmp, "embudo")
	build := exec.Command(goTool(), "build", "-o", bin, "./app")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("building the server (go build ./app): %v\n%s", err, out)
	}

	port, err := freePort()
	if err != nil {
		return nil, err
	}
	addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
	cmd := exec.Command(bin, "-addr", addr)
	cmd.Dir = root
	killWithParent(cmd)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	var stderr syncBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting the server: %w", err)
	}
	exited := make(chan error, 1)
	listening := make(chan struct{})
	var out syncBuffer
	go func() {
		sc := bufio.NewScanner(stdout)
		announced := false
		for sc.Scan() {
			line := sc.Text()
			out.Write([]byte(line + "\n"))
			if !announced && strings.Contains(line, "http://") {
				announced = true
				close(listening)
			}
		}
		io.Copy(io.Discard, stdout)
		exited <- cmd.Wait()
	}()

	stop = func() {
		if cmd.ProcessState != nil {
			return
		}
		_ = cmd.Process.Signal(os.Interrupt)
		select {
		case <-exited:
		case <-time.After(5 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
		}
	}

	select {
	case <-listening:
	case err := <-exited:
		return nil, fmt.Errorf("the server exited before listening (%v)\nstdout:\n%s\nstderr:\n%s", err, out.String(), stderr.String())
	case <-time.After(30 * time.Second):
		stop()
		return nil, fmt.Errorf("the server printed no http:// line within 30 s\nstdout:\n%s\nstderr:\n%s", out.String(), stderr.String())
	}
	baseURL = "http://" + addr

	// The line may come a moment before the socket accepts: poll it.
	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, err := http.Get(baseURL + "/")
		if err == nil {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			stop()
			return nil, fmt.Errorf("the server does not answer on %s: %v", baseURL, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	return stop, nil
}

// warnStaleWasm prints a warning when a Go file of the app is newer than
// web/app.wasm: the tests would then drive an old build of the client.
func warnStaleWasm(root string, built time.Time) {
	for _, dir := range []string{"app", "funnel"} {
		filepath.WalkDir(filepath.Join(root, dir), func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.IsDir() && (d.Name() == "server" || d.Name() == "e2e" || d.Name() == "buildtools") {
				return filepath.SkipDir // not in app.wasm
			}
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
				return err
			}
			if fi, err := d.Info(); err == nil && fi.ModTime().After(built) {
				fmt.Printf("e2e: warning: %s is newer than web/app.wasm: run make wasm\n", filepath.Base(p))
				return filepath.SkipAll
			}
			return nil
		})
	}
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// startBrowser starts the one shared headless browser, with its own
// profile and TMPDIR inside tmp. It returns a func that stops it and waits
// for the process.
func startBrowser(chromium, tmp string) (stop func(), err error) {
	profile := filepath.Join(tmp, "profile")
	chromeTmp := filepath.Join(tmp, "chrome-tmp")
	for _, d := range []string{profile, chromeTmp} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			return nil, err
		}
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("lang", "en-US"),
		chromedp.WindowSize(1280, 900),
		chromedp.UserDataDir(profile),
		chromedp.Env("TMPDIR="+chromeTmp, "LANGUAGE=en_US", "LANG=en_US.UTF-8"),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelBrowser := chromedp.NewContext(allocCtx)
	start, cancelStart := context.WithTimeout(ctx, 30*time.Second)
	defer cancelStart()
	// Run on ctx itself (not a timeout child) starts the browser; bound it
	// by a watchdog instead of a context deadline, which would stop the
	// browser when it expires.
	done := make(chan error, 1)
	go func() { done <- chromedp.Do(ctx) }()
	select {
	case err = <-done:
	case <-start.Done():
		err = errors.New("browser did not start within 30 s")
	}
	if err != nil {
		cancelBrowser()
		cancelAlloc()
		return nil, err
	}
	browserCtx = ctx
	return func() {
		cancelBrowser()
		cancelAlloc() // waits for the browser process
	}, nil
}

// syncBuffer is a goroutine-safe bytes buffer for process output.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// needBrowser skips the test when the browser tests cannot run.
func needBrowser(t testing.TB) {
	t.Helper()
	if skipReason != "" {
		t.Skip(skipReason)
	}
}

// ---------------------------------------------------------------------------
// Tabs and their console

// tabLog collects what a tab reports that a test must not ignore.
type tabLog struct {
	mu      sync.Mutex
	errors  []string
	dialogs []string
	allowed bool
	ctx     context.Context
}

type tabLogKey struct{}

func (l *tabLog) add(s string) {
	l.mu.Lock()
	l.errors = append(l.errors, s)
	l.mu.Unlock()
}

// listen runs on the tab's event goroutine: it must not block or run a
// command itself.
func (l *tabLog) listen(ev any) {
	switch e := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeAssert {
			l.add("console." + string(e.Type) + ": " + remoteArgs(e.Args) + stackHint(e.StackTrace))
		}
	case *runtime.EventExceptionThrown:
		d := e.ExceptionDetails
		text := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			desc, _, _ := strings.Cut(d.Exception.Description, "\n")
			text += " " + desc
		}
		l.add(fmt.Sprintf("uncaught exception: %s (%s:%d)", text, d.URL, d.LineNumber))
	case *log.EventEntryAdded:
		if e.Entry.Level == log.EntryLevelError {
			l.add(fmt.Sprintf("log error [%s]: %s %s", e.Entry.Source, e.Entry.Text, e.Entry.URL))
		}
	case *page.EventJavascriptDialogOpening:
		l.mu.Lock()
		l.dialogs = append(l.dialogs, string(e.Type)+": "+e.Message)
		ctx := l.ctx
		l.mu.Unlock()
		// A dialog blocks the page: dismiss it so the test can go on and
		// report it.
		if ctx != nil {
			go chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}
}

func remoteArgs(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		switch {
		case len(a.Value) > 0:
			var s string
			if json.Unmarshal(a.Value, &s) == nil {
				parts = append(parts, s)
			} else {
				parts = append(parts, string(a.Value))
			}
		case a.Description != "":
			parts = append(parts, a.Description)
		case a.UnserializableValue != "":
			parts = append(parts, string(a.UnserializableValue))
		default:
			parts = append(parts, string(a.Type))
		}
	}
	return strings.Join(parts, " ")
}

func stackHint(st *runtime.StackTrace) string {
	if st == nil || len(st.CallFrames) == 0 {
		return ""
	}
	f := st.CallFrames[0]
	return fmt.Sprintf(" (%s:%d)", f.URL, f.LineNumber)
}

func logOf(ctx context.Context) *tabLog {
	l, _ := ctx.Value(tabLogKey{}).(*tabLog)
	return l
}

// consoleErrors returns the errors a tab has reported so far.
func consoleErrors(ctx context.Context) []string {
	l := logOf(ctx)
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.errors...)
}

// dialogs returns the JavaScript dialogs (alert, confirm, prompt…) a tab
// opened so far.
func dialogs(ctx context.Context) []string {
	l := logOf(ctx)
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.dialogs...)
}

// allowConsoleErrors turns off the automatic end-of-test console check of a
// tab, for tests that provoke errors on purpose (e.g. blocking the wasm).
func allowConsoleErrors(ctx context.Context) {
	l := logOf(ctx)
	l.mu.Lock()
	l.allowed = true
	l.mu.Unlock()
}

// assertNoConsoleErrors fails the test if the tab reported any console
// error, uncaught exception, error log entry or dialog.
func assertNoConsoleErrors(t testing.TB, ctx context.Context) {
	t.Helper()
	for _, e := range consoleErrors(ctx) {
		t.Errorf("console: %s", e)
	}
	for _, d := range dialogs(ctx) {
		t.Errorf("JavaScript dialog opened: %s", d)
	}
}

// newTab opens a blank tab in a fresh browser context (own cache, storage
// and service workers). The tab closes and the end-of-test console check
// runs when the test ends.
func newTab(t testing.TB) context.Context {
	t.Helper()
	needBrowser(t)
	l := &tabLog{}
	tctx, cancelTimeout := context.WithTimeout(browserCtx, tabTimeout)
	ctx, cancel := chromedp.NewContext(tctx,
		chromedp.WithNewBrowserContext(),
		chromedp.WithListener(l.listen),
	)
	ctx = context.WithValue(ctx, tabLogKey{}, l)
	l.mu.Lock()
	l.ctx = ctx
	l.mu.Unlock()
	t.Cleanup(func() {
		cancel()
		cancelTimeout()
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	// Runs before the tab closes (clean-ups run last-in first-out).
	t.Cleanup(func() {
		l.mu.Lock()
		allowed := l.allowed
		l.mu.Unlock()
		if !allowed {
			assertNoConsoleErrors(t, ctx)
		}
	})
	return ctx
}

// open opens path (e.g. "/?r1=25") of the app in a fresh browser context
// and waits for the load event (not for the wasm: see waitReady).
func open(t testing.TB, path string) context.Context {
	t.Helper()
	ctx := newTab(t)
	navigate(t, ctx, path)
	return ctx
}

// navigate loads path of the app in the tab and waits for the load event.
func navigate(t testing.TB, ctx context.Context, path string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(appURL(path))); err != nil {
		t.Fatalf("navigating to %s: %v", path, err)
	}
}

// appURL turns a path of the app, or an absolute URL, into an absolute URL.
func appURL(path string) string {
	if strings.HasPrefix(path, "http://") || strings.HasPrefix(path, "https://") {
		return path
	}
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	return baseURL + path
}

// waitReady waits until the wasm has mounted ([data-wasm=ready]).
func waitReady(t testing.TB, ctx context.Context) {
	t.Helper()
	waitJS(t, ctx, `!!document.querySelector('[data-wasm=ready]')`, readyTimeout,
		"the wasm to mount ([data-wasm=ready])")
}

// waitJS polls the boolean JavaScript expression until it is true.
func waitJS(t testing.TB, ctx context.Context, expr string, timeout time.Duration, what string) {
	t.Helper()
	if err := pollJS(ctx, expr, timeout); err != nil {
		t.Fatalf("waiting for %s: %v", what, err)
	}
}

// pollJS polls the boolean JavaScript expression until it is true, for at
// most timeout. Errors from the page (e.g. during a navigation) are retried.
func pollJS(ctx context.Context, expr string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	var lastErr error
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { try { return !!(`+expr+`); } catch (e) { return false; } })()`))
		if err == nil && ok {
			return nil
		}
		if err != nil {
			lastErr = err
			if ctx.Err() != nil {
				return err
			}
		}
		if time.Now().After(deadline) {
			if lastErr != nil {
				return fmt.Errorf("timed out after %v (last error: %v)", timeout, lastErr)
			}
			return fmt.Errorf("timed out after %v", timeout)
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// eval evaluates a JavaScript expression and decodes its value.
func eval[T any](t testing.TB, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %s: %v", abbrev(expr, 200), err)
	}
	return v
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// byTestID is the CSS selector of a data-testid hook.
func byTestID(id string) string {
	return `[data-testid=` + jsString(id) + `]`
}

// text returns the trimmed text of the element with that data-testid. The
// test fails if there is none.
func text(t testing.TB, ctx context.Context, testid string) string {
	t.Helper()
	s, err := textOf(ctx, testid)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func textOf(ctx context.Context, testid string) (string, error) {
	v, err := chromedp.Run(ctx, chromedp.Evaluate[*string](`(() => {
		const el = document.querySelector(`+jsString(byTestID(testid))+`);
		return el ? el.textContent.replace(/\s+/g, ' ').trim() : null;
	})()`))
	if err != nil {
		return "", fmt.Errorf("reading [data-testid=%s]: %v", testid, err)
	}
	if v == nil {
		return "", fmt.Errorf("no element [data-testid=%s] on the page", testid)
	}
	return *v, nil
}

// texts returns the text of every element with that data-testid.
func texts(t testing.TB, ctx context.Context, testid string) []string {
	t.Helper()
	return eval[[]string](t, ctx, `[...document.querySelectorAll(`+jsString(byTestID(testid))+`)]
		.map(el => el.textContent.replace(/\s+/g, ' ').trim())`)
}

// setSlider sets the value of the element with that data-testid (a range
// slider or a number field) as a user would, and dispatches a bubbling
// input event. It returns the value the element holds afterwards (a range
// input clamps and snaps to its step).
func setSlider(t testing.TB, ctx context.Context, testid, value string) string {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[*string](`(() => {
		const el = document.querySelector(`+jsString(byTestID(testid))+`);
		if (!el) return null;
		el.focus();
		el.value = `+jsString(value)+`;
		el.dispatchEvent(new Event('input', {bubbles: true}));
		return el.value;
	})()`))
	if err != nil {
		t.Fatalf("setting [data-testid=%s] to %s: %v", testid, value, err)
	}
	if v == nil {
		t.Fatalf("no element [data-testid=%s] on the page", testid)
	}
	return *v
}

// currentURL returns location.href.
func currentURL(t testing.TB, ctx context.Context) string {
	t.Helper()
	return eval[string](t, ctx, `location.href`)
}

// queryParam returns the value of a parameter of the page's location.search,
// and whether it is there.
func queryParam(t testing.TB, ctx context.Context, name string) (string, bool) {
	t.Helper()
	v := eval[*string](t, ctx, `new URLSearchParams(location.search).get(`+jsString(name)+`)`)
	if v == nil {
		return "", false
	}
	return *v, true
}

// waitParamIs waits until the page's link holds name=want, and fails with
// the value it holds.
func waitParamIs(t testing.TB, ctx context.Context, name, want string) {
	t.Helper()
	if err := pollJS(ctx, `new URLSearchParams(location.search).get(`+jsString(name)+`) === `+jsString(want), waitTimeout); err != nil {
		got, _ := queryParam(t, ctx, name)
		t.Fatalf("the link's %s: want %s, got %s", name, want, got)
	}
}

// waitNumber waits until the number shown by testid equals want, and fails
// with the last text seen.
func waitNumber(t testing.TB, ctx context.Context, testid string, want float64) {
	t.Helper()
	deadline := time.Now().Add(waitTimeout)
	last := ""
	for {
		s, err := textOf(ctx, testid)
		if err == nil {
			last = s
			if got, perr := parseNum(s); perr == nil && nearlyEqual(got, want) {
				return
			}
		} else {
			last = err.Error()
		}
		if time.Now().After(deadline) {
			t.Fatalf("[data-testid=%s]: want %v, got %q (after %v)", testid, want, last, waitTimeout)
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// assertNumber checks, now, that testid shows want.
func assertNumber(t testing.TB, ctx context.Context, testid string, want float64) {
	t.Helper()
	s, err := textOf(ctx, testid)
	if err != nil {
		t.Error(err)
		return
	}
	got, err := parseNum(s)
	if err != nil {
		t.Errorf("[data-testid=%s]: want %v, got %q (%v)", testid, want, s, err)
		return
	}
	if !nearlyEqual(got, want) {
		t.Errorf("[data-testid=%s]: want %v, got %q", testid, want, s)
	}
}

func nearlyEqual(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b))
}

// parseNum reads a number as the page shows it in any of the app's
// locales: "3,200" (en, es-MX), "3.200" / "3 200" / "3200" (es-ES and
// others), "16.7" / "16,7", "2.08" / "2,08", "$1,000.00", "−5". Every
// character but digits, separators and a minus sign is dropped. The last
// separator is the decimal one if one or two digits follow it (the app
// shows at most two decimals), otherwise every separator groups digits.
func parseNum(s string) (float64, error) {
	var b strings.Builder
	neg := false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9', r == ',', r == '.':
			b.WriteRune(r)
		case r == '-' || r == '\u2212':
			if b.Len() == 0 {
				neg = true
			}
		}
	}
	str := strings.Trim(b.String(), ",.")
	if str == "" {
		return 0, fmt.Errorf("no number in %q", s)
	}
	intPart, frac := str, ""
	if i := strings.LastIndexAny(str, ",."); i >= 0 {
		if n := len(str) - i - 1; n == 1 || n == 2 {
			intPart, frac = str[:i], str[i+1:]
		}
	}
	intPart = strings.NewReplacer(",", "", ".", "").Replace(intPart)
	num := intPart
	if frac != "" {
		num += "." + frac
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return 0, fmt.Errorf("no number in %q: %v", s, err)
	}
	if neg {
		v = -v
	}
	return v, nil
}

func abbrev(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
