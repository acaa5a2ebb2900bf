package ui

import (
	"sync/atomic"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCallbacksRelease(t *testing.T) {
	var c callbacks
	noop := func(app.Value, []app.Value) any { return nil }
	c.add(noop)
	c.add(noop)
	assert.Equal(t, 2, c.live())
	c.release()
	assert.Equal(t, 0, c.live())
	c.release() // twice is harmless
}

func TestTickerHalts(t *testing.T) {
	var tk ticker
	var ticks atomic.Int32
	tk.start(time.Millisecond, func() { ticks.Add(1) })
	require.Eventually(t, func() bool { return ticks.Load() > 0 }, 5*time.Second, time.Millisecond)
	done := tk.done
	tk.halt()
	select {
	case <-done:
	default:
		t.Fatal("the ticker's goroutine still runs after halt")
	}
	after := ticks.Load()
	tk.halt() // twice is harmless
	assert.Equal(t, after, ticks.Load())
}

// TestDismountReleasesEverything: what the page hands the browser while it
// lives (the update check, the pending write, the takeover's callbacks) is
// gone once it is dismounted.
func TestDismountReleasesEverything(t *testing.T) {
	c := newCalculator().(*calculator)
	noop := func(app.Value, []app.Value) any { return nil }
	c.updates.start(time.Hour, func() {})
	c.persist.schedule("goal=1", "goal=1")
	c.pre.next = c.pre.funcs.add(noop)
	updates := c.updates.done
	require.Equal(t, 1, c.persist.funcs.live())
	require.Equal(t, 1, c.pre.funcs.live())

	c.OnDismount()
	assert.Equal(t, 0, c.persist.funcs.live())
	assert.Equal(t, 0, c.pre.funcs.live())
	assert.False(t, c.persist.scheduled)
	select {
	case <-updates:
	default:
		t.Fatal("the update check still runs")
	}

	p := &exportPanel{}
	p.beforePrint = p.funcs.add(noop)
	p.OnDismount()
	assert.Equal(t, 0, p.funcs.live())
}
