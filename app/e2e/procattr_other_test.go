//go:build !linux && !wasm

package e2e

import "os/exec"

func killWithParent(cmd *exec.Cmd) {}
