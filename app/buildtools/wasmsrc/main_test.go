package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestWasmSource writes the copy and checks what the wasm build then
// imports: go-app without net/http and the crypto/tls behind it, the
// server keeping them; and the engine's edit in place.
func TestWasmSource(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	out := t.TempDir()
	require.NoError(t, run(out))

	engine, err := os.ReadFile(filepath.Join(out, "go-app/pkg/app/engine.go"))
	require.NoError(t, err)
	assert.Contains(t, string(engine), "render now, within the event's task")
	assert.Contains(t, string(engine), "adoptPlaceholder = firstChild")
	node, err := os.ReadFile(filepath.Join(out, "go-app/pkg/app/node.go"))
	require.NoError(t, err)
	assert.Contains(t, string(node), "m.mountAdopting(ctx, v.depth()+1, newChildren[i], child)")
	assert.FileExists(t, filepath.Join(out, "go-app/pkg/app/adopt_embudo.go"))

	deps := func(env ...string) string {
		cmd := exec.Command("go", "list", "-deps", "-modfile="+filepath.Join(out, "go.mod"), "embudo.app/app")
		cmd.Env = append(os.Environ(), env...)
		b, err := cmd.CombinedOutput()
		require.NoError(t, err, "%s", b)
		return "\n" + string(b)
	}
	wasm := deps("GOOS=js", "GOARCH=wasm")
	for _, pkg := range []string{"net/http", "crypto/tls", "crypto/x509", "embudo.app/app/server"} {
		assert.NotContains(t, wasm, "\n"+pkg+"\n", "the wasm imports %s", pkg)
	}
	assert.Contains(t, wasm, "\ngithub.com/maxence-charriere/go-app/v10/pkg/app\n")
	assert.True(t, strings.Contains(deps(), "\nnet/http\n"), "the server still has net/http")
}
