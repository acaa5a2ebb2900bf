package funnel

// stepLimits is the range of a sensitivity step: 0.01 to 100 points.
var stepLimits = Limits{Min: 1, Max: 10000, Scale: 2}

// ComputeSensitivity raises each rate by step (capped at 100 %) and
// measures visitors needed (plan) or revenue in minor units (forecast). It
// validates like ComputePlan or ComputeForecast, and fails with FieldMode
// CodeUnknown for another mode and FieldStep for a step outside 1..10000.
// The error is a *FieldError.
func ComputeSensitivity(in Inputs, mode Mode, step Rate) (Sensitivity, error) {
	if mode != ModePlan && mode != ModeForecast {
		return Sensitivity{}, &FieldError{Field: FieldMode, Code: CodeUnknown}
	}
	if err := checkRange(FieldStep, stepLimits, int64(step)); err != nil {
		return Sensitivity{}, err
	}
	// Same errors as ComputePlan or ComputeForecast (which needs the plan).
	if err := in.firstError(mode == ModeForecast); err != nil {
		return Sensitivity{}, err
	}
	if _, err := stagesNeeded(&in); err != nil {
		return Sensitivity{}, err
	}
	before, err := measure(mode, &in)
	if err != nil {
		return Sensitivity{}, err
	}

	s := Sensitivity{Mode: mode, Step: step}
	for i, from := range in.Rates {
		raised := in
		raised.Rates[i] = min(from+step, 10000)
		// A higher rate needs fewer people and carries more revenue, so
		// only forecast revenue can newly fail (past MaxRevenue).
		after, err := measure(mode, &raised)
		if err != nil {
			return Sensitivity{}, err
		}
		s.Levers[i] = Lever{
			Rate: i + 1, From: from, To: raised.Rates[i],
			Before: before, After: after, Delta: after - before,
		}
	}
	sortLevers(&s.Levers)
	return s, nil
}

// measure is what a lever moves: visitors needed in plan mode, revenue in
// forecast mode. A plain switch, not a func value, keeps the inputs on the
// stack.
func measure(mode Mode, in *Inputs) (int64, *FieldError) {
	if mode == ModePlan {
		need, err := stagesNeeded(in)
		return need[Visitors], err
	}
	f, err := forward(in)
	return int64(f.Revenue), err
}

// sortLevers orders by |Delta| descending, then rate number: an insertion
// sort, stable and allocation-free for five items.
func sortLevers(ls *[NumRates]Lever) {
	for i := 1; i < len(ls); i++ {
		for j := i; j > 0 && leverBefore(ls[j], ls[j-1]); j-- {
			ls[j], ls[j-1] = ls[j-1], ls[j]
		}
	}
}

func leverBefore(a, b Lever) bool {
	da, db := abs(a.Delta), abs(b.Delta)
	if da != db {
		return da > db
	}
	return a.Rate < b.Rate
}

func abs(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}
