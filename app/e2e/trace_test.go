//go:build !wasm

package e2e

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

// traceEvent is one event of a Chromium trace (JSON trace format).
type traceEvent struct {
	Name string          `json:"name"`
	Cat  string          `json:"cat"`
	Ph   string          `json:"ph"`
	Ts   float64         `json:"ts"`  // µs
	Dur  float64         `json:"dur"` // µs
	Pid  int             `json:"pid"`
	Tid  int             `json:"tid"`
	Args json.RawMessage `json:"args"`
}

// mainTask is a task of the page's main thread: when it started (ms after
// the navigation), how long it ran, and what took most of it.
type mainTask struct {
	At, Dur float64
	What    string
}

func (m mainTask) String() string {
	return fmt.Sprintf("%.1f ms at %.0f ms: %s", m.Dur, m.At, m.What)
}

// readyMark is the performance mark the probe sets once [data-wasm=ready].
const readyMark = "embudo-ready"

// traceToReady loads url in a fresh tab under a trace and returns the main
// thread's tasks from the navigation to [data-wasm=ready], longest first.
func traceToReady(t *testing.T, url string) []mainTask {
	ctx := newTab(t)
	addProbe(t, ctx, `new MutationObserver((_, mo) => {
		if (document.querySelector('[data-wasm=ready]')) { performance.mark('`+readyMark+`'); mo.disconnect(); }
	}).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ['data-wasm']});`)
	var (
		mu     sync.Mutex
		events []traceEvent
		done   = make(chan struct{})
	)
	if err := chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *tracing.EventDataCollected:
			mu.Lock()
			for _, raw := range e.Value {
				var te traceEvent
				if json.Unmarshal(raw, &te) == nil {
					events = append(events, te)
				}
			}
			mu.Unlock()
		case *tracing.EventTracingComplete:
			close(done)
		}
	}); err != nil {
		t.Fatalf("listening to the trace: %v", err)
	}
	if _, err := chromedp.Call(ctx, tracing.Start, tracing.StartParams{
		TransferMode: tracing.StartTransferModeReportEvents,
		TraceConfig: &tracing.TraceConfig{IncludedCategories: []string{
			"toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing", "v8.execute", "v8.wasm", "disabled-by-default-v8.wasm.detailed",
		}},
	}); err != nil {
		t.Fatalf("starting the trace: %v", err)
	}
	navigate(t, ctx, url)
	waitReady(t, ctx)
	waitJS(t, ctx, `performance.getEntriesByName('`+readyMark+`').length > 0`, waitTimeout, "the ready mark")
	readyAt := eval[float64](t, ctx, `performance.getEntriesByName('`+readyMark+`')[0].startTime`)
	if _, err := chromedp.Call(ctx, tracing.End, cdp.Empty{}); err != nil {
		t.Fatalf("ending the trace: %v", err)
	}
	select {
	case <-done:
	case <-time.After(readyTimeout):
		t.Fatal("the trace never completed")
	}
	mu.Lock()
	defer mu.Unlock()
	return mainTasks(t, events, readyAt)
}

// mainTasks picks the page's main thread (the one that set the ready
// mark, readyAt ms after the navigation) and its tasks from the
// navigation to the mark.
func mainTasks(t *testing.T, events []traceEvent, readyAt float64) []mainTask {
	var ready *traceEvent
	for i := range events {
		if events[i].Name == readyMark && (ready == nil || events[i].Ts < ready.Ts) {
			ready = &events[i]
		}
	}
	if ready == nil {
		t.Fatal("the trace has no ready mark")
	}
	from := ready.Ts - readyAt*1000 // the navigation, in trace time
	var thread []traceEvent
	for _, e := range events {
		if e.Pid == ready.Pid && e.Tid == ready.Tid && e.Ph == "X" && e.Ts >= from && e.Ts <= ready.Ts {
			thread = append(thread, e)
		}
	}
	// A task is an outermost RunTask (the scheduler nests them).
	isTask := func(e traceEvent) bool { return e.Name == "RunTask" || e.Name == "ThreadControllerImpl::RunTask" }
	var tasks []mainTask
	for _, e := range thread {
		if !isTask(e) || slices.ContainsFunc(thread, func(o traceEvent) bool {
			return isTask(o) && o.Ts <= e.Ts && o.Ts+o.Dur >= e.Ts+e.Dur && (o.Ts != e.Ts || o.Dur > e.Dur)
		}) {
			continue
		}
		tasks = append(tasks, mainTask{At: (e.Ts - from) / 1000, Dur: e.Dur / 1000, What: whatRan(e, thread)})
	}
	slices.SortFunc(tasks, func(a, b mainTask) int { return int(1000 * (b.Dur - a.Dur)) })
	return tasks
}

// traceParts is how many pieces whatRan names.
var traceParts = 4

// traceDetail is the shortest piece of work whatRan names, in µs.
var traceDetail = 2000.0

// whatRan names the biggest pieces of work inside a task.
func whatRan(task traceEvent, thread []traceEvent) string {
	type part struct {
		name string
		dur  float64
	}
	var parts []part
	for _, e := range thread {
		if e.Ts < task.Ts || e.Ts+e.Dur > task.Ts+task.Dur || strings.HasSuffix(e.Name, "RunTask") || e.Dur < traceDetail {
			continue
		}
		name := e.Name
		var a struct {
			Data struct {
				URL          string `json:"url"`
				FunctionName string `json:"functionName"`
				Type         string `json:"type"`
			} `json:"data"`
		}
		if json.Unmarshal(e.Args, &a) == nil {
			if a.Data.Type != "" {
				name += " " + a.Data.Type
			}
			if u := a.Data.URL; u != "" {
				name += " " + u[strings.LastIndex(u, "/")+1:]
			}
			if a.Data.FunctionName != "" {
				name += " " + a.Data.FunctionName
			}
		}
		parts = append(parts, part{name, e.Dur / 1000})
	}
	slices.SortFunc(parts, func(a, b part) int { return int(1000 * (b.dur - a.dur)) })
	var out []string
	for i, p := range parts {
		if i == traceParts {
			break
		}
		out = append(out, fmt.Sprintf("%s %.0f ms", p.name, p.dur))
	}
	if len(out) == 0 {
		return "(no traced work over 2 ms)"
	}
	return strings.Join(out, "; ")
}
