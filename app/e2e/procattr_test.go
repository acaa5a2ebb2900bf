//go:build !wasm

package e2e

import (
	"os/exec"
	"reflect"
	"syscall"
)

// killWithParent makes the kernel kill the server if the test binary dies
// first (e.g. go test's -timeout), so no server is left behind. Only Linux
// has Pdeathsig; elsewhere the server is stopped by the test's cleanup.
func killWithParent(cmd *exec.Cmd) {
	attr := &syscall.SysProcAttr{}
	if f := reflect.ValueOf(attr).Elem().FieldByName("Pdeathsig"); f.IsValid() && f.CanSet() {
		f.Set(reflect.ValueOf(syscall.Signal(9))) // SIGKILL
		cmd.SysProcAttr = attr
	}
}
