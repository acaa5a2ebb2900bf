package funnel

// Comparison is scenario B against scenario A (deltas are B - A).
type Comparison struct {
	A, B         Plan
	StageDelta   [NumStages]int64 // B - A yearly count at each stage
	RepsDelta    int64
	GoalDelta    Money
	FA, FB       Forecast
	RevenueDelta Money // FB.Revenue - FA.Revenue
}

// Compare computes both scenarios' plans and forecasts and their
// differences. Both must be valid in full (forecast inputs included); the
// first error is a's, then b's, a *FieldError.
func Compare(a, b Inputs) (Comparison, error) {
	var c Comparison
	var err error
	if c.A, c.FA, err = planAndForecast(a); err != nil {
		return Comparison{}, err
	}
	if c.B, c.FB, err = planAndForecast(b); err != nil {
		return Comparison{}, err
	}
	for s := range c.StageDelta {
		c.StageDelta[s] = c.B.Stages[s].Year - c.A.Stages[s].Year
	}
	c.RepsDelta = c.B.Reps - c.A.Reps
	c.GoalDelta = b.Goal - a.Goal
	c.RevenueDelta = c.FB.Revenue - c.FA.Revenue
	return c, nil
}

func planAndForecast(in Inputs) (Plan, Forecast, error) {
	f, err := ComputeForecast(in) // validates every field, the plan's too
	if err != nil {
		return Plan{}, Forecast{}, err
	}
	p, err := ComputePlan(in)
	return p, f, err
}
