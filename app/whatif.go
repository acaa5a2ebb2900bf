package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// renderAnalysis adds the what-if analysis under the results (sensitivity,
// export).
func (c *calculator) renderAnalysis() []app.UI { return nil }

// renderTools adds the full-width tools under the calculator (scenarios and
// comparison, traffic and leads, the lead qualification guide).
func (c *calculator) renderTools() []app.UI { return nil }
