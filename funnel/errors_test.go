package funnel_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"embudo.app/funnel"
)

// TestSuccessIsNilError checks every fallible function returns a nil
// error, not a nil *FieldError inside a non-nil error, when all is well.
func TestSuccessIsNilError(t *testing.T) {
	in, s := funnel.Defaults(), funnel.DefaultScenario()
	results := map[string]func() error{
		"ComputePlan":        func() error { _, err := funnel.ComputePlan(in); return err },
		"ComputeForecast":    func() error { _, err := funnel.ComputeForecast(in); return err },
		"ComputeSensitivity": func() error { _, err := funnel.ComputeSensitivity(in, funnel.ModeForecast, 100); return err },
		"Compare":            func() error { _, err := funnel.Compare(in, in); return err },
		"Inputs.Set":         func() error { return in.Set(funnel.FieldGoal, "5") },
		"Inputs.SetValue":    func() error { return in.SetValue(funnel.FieldGoal, 5) },
		"Scenario.Set input": func() error { return s.Set(funnel.FieldGoal, "5") },
		"Scenario.Set mode":  func() error { return s.Set(funnel.FieldMode, "plan") },
		"ParseCount":         func() error { _, err := funnel.ParseCount(funnel.FieldLeads, "5"); return err },
		"LeadsFromVisitors":  func() error { _, err := funnel.LeadsFromVisitors(5, 300); return err },
		"VisitorsForLeads":   func() error { _, err := funnel.VisitorsForLeads(5, 300); return err },
	}
	for name, f := range results {
		err := f()
		assert.True(t, err == nil, "%s: %#v", name, err)
	}
}

// TestErrorText: every code has its own plain English problem.
func TestErrorText(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range funnel.Codes {
		msg := (&funnel.FieldError{Field: funnel.FieldGoal, Code: c, Max: 100, Scale: 2}).Error()
		assert.NotEqual(t, "goal: "+string(c), msg, c)
		assert.False(t, seen[msg], "%s: %q twice", c, msg)
		seen[msg] = true
	}
	assert.Equal(t, "goal: x", (&funnel.FieldError{Field: funnel.FieldGoal, Code: "x"}).Error())
}
