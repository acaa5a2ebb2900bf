package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGuardRecovers: a panicking handler stops there, and the notice is
// asked for.
func TestGuardRecovers(t *testing.T) {
	faults := 0
	onFault(func() { faults++ })
	defer onFault(nil)
	boom := func() { panic("navigator.clipboard threw") }
	assert.NotPanics(t, func() { handle(func(app.Context, app.Event) { boom() })(app.Context{}, app.Event{}) })
	assert.NotPanics(t, func() { handleAction(func(app.Context, app.Action) { boom() })(app.Context{}, app.Action{Name: "x"}) })
	assert.NotPanics(t, func() { guard(func(app.Context) { boom() })(app.Context{}) })
	assert.Equal(t, 3, faults)
	ran := false
	handle(func(app.Context, app.Event) { ran = true })(app.Context{}, app.Event{})
	assert.True(t, ran)
	assert.Equal(t, 3, faults)
}

// TestEveryHandlerIsGuarded reads the package's sources: every event
// handler (On…), action handler (ctx.Handle), function for ctx.Dispatch
// or ctx.Defer and browser callback goes through its wrapper (guard.go).
func TestEveryHandlerIsGuarded(t *testing.T) {
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	on := regexp.MustCompile(`^On[A-Z]`)
	wrapped := func(e ast.Expr, name string) bool {
		call, ok := e.(*ast.CallExpr)
		if !ok {
			return false
		}
		id, ok := call.Fun.(*ast.Ident)
		return ok && id.Name == name
	}
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || name == "guard.go" {
			continue
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, nil, 0)
		require.NoError(t, err)
		var fn string // the enclosing function
		ast.Inspect(f, func(n ast.Node) bool {
			if d, ok := n.(*ast.FuncDecl); ok {
				fn = d.Name.Name
			}
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			at := fset.Position(call.Pos())
			switch m := sel.Sel.Name; {
			case on.MatchString(m) && len(call.Args) == 1:
				checked++
				assert.True(t, wrapped(call.Args[0], "handle"), "%s: %s without handle()", at, m)
			case m == "Handle" && len(call.Args) == 2:
				checked++
				assert.True(t, wrapped(call.Args[1], "handleAction"), "%s: Handle without handleAction()", at)
			case (m == "Dispatch" || m == "Defer" || m == "Async") && len(call.Args) == 1:
				checked++
				assert.True(t, wrapped(call.Args[0], "guard"), "%s: %s without guard()", at, m)
			case m == "FuncOf":
				checked++
				assert.Contains(t, []string{"add", "jsFunc"}, fn, "%s: FuncOf outside callbacks.add and jsFunc", at)
			}
			return true
		})
	}
	assert.Greater(t, checked, 30)
}
