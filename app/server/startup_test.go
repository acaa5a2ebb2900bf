package server

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// maxStartRSS bounds the server's resident memory once it listens, before
// any request (README, Limits).
const maxStartRSS = 100 << 20

// TestStartupMemory builds the server binary, starts it and reads its
// resident memory (and the peak on the way) from /proc once it listens.
func TestStartupMemory(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc/<pid>/status: Linux only")
	}
	if testing.Short() {
		t.Skip("-short: builds the server")
	}
	if _, err := os.Stat(filepath.Join(mfWeb, "app.wasm")); err != nil {
		skipOrFail(t, "web/app.wasm is missing: run make wasm")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	bin := filepath.Join(t.TempDir(), "embudo")
	build := exec.Command(goTool, "build", "-trimpath", "-o", bin, "embudo.app/app")
	out, err := build.CombinedOutput()
	require.NoError(t, err, "go build: %s", out)

	cmd := exec.Command(bin, "-addr", "127.0.0.1:0", "-web", mfWeb)
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	line, err := bufio.NewReader(stdout).ReadString('\n')
	require.NoError(t, err, "the server's first line")
	require.Contains(t, line, "Embudo on http://", "the server listens")

	status, err := os.ReadFile("/proc/" + strconv.Itoa(cmd.Process.Pid) + "/status")
	require.NoError(t, err)
	kb := func(field string) int {
		for _, l := range strings.Split(string(status), "\n") {
			if v, ok := strings.CutPrefix(l, field+":"); ok {
				n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
				require.NoError(t, err, l)
				return n
			}
		}
		t.Fatalf("no %s in /proc/<pid>/status", field)
		return 0
	}
	rss, peak := kb("VmRSS"), kb("VmHWM")
	t.Logf("after start: VmRSS %d kB, peak VmHWM %d kB (limit %d kB)", rss, peak, maxStartRSS>>10)
	require.LessOrEqual(t, rss, maxStartRSS>>10, "VmRSS after start, kB")
	require.LessOrEqual(t, peak, maxStartRSS>>10, "peak VmHWM during start, kB")
}
