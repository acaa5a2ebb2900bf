package funnel

// Comparison is scenario B against scenario A (deltas are B - A).
type Comparison struct {
	A, B Plan
	// Inputs is every input of both scenarios, in InputSpecs' order (the
	// forecast's visits and reps included).
	Inputs     [len(InputSpecs)]InputChange
	StageDelta [NumStages]int64 // B - A yearly count at each stage
	// MQLsWeekDelta is B - A MQLs a week, in tenths, between the figures
	// as the plans give them (Stages[MQLs].Week, each rounded half up),
	// so that it is the difference of the two numbers shown beside it:
	// 16.7 to 33.3 is +16.6, though the exact weekly MQLs differ by
	// 16.67.
	MQLsWeekDelta int64
	RepsDelta     int64 // B - A reps needed
	GoalDelta     Money
	FA, FB        Forecast
	RevenueDelta  Money // FB.Revenue - FA.Revenue
}

// InputChange is one input in both scenarios, in the fixed point of its
// field (Inputs.Value: minor units, hundredths of a percent, whole
// counts), and its change B - A.
type InputChange struct {
	Field Field
	A, B  int64
	Delta int64
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
	for i := range InputSpecs {
		sp := &InputSpecs[i]
		va, vb := *sp.ptr(&a), *sp.ptr(&b)
		c.Inputs[i] = InputChange{Field: sp.Field, A: va, B: vb, Delta: vb - va}
	}
	for s := range c.StageDelta {
		c.StageDelta[s] = c.B.Stages[s].Year - c.A.Stages[s].Year
	}
	c.MQLsWeekDelta = int64(c.B.Stages[MQLs].Week) - int64(c.A.Stages[MQLs].Week)
	c.RepsDelta = c.B.Reps - c.A.Reps
	c.GoalDelta = b.Goal - a.Goal
	c.RevenueDelta = c.FB.Revenue - c.FA.Revenue
	return c, nil
}

// Input is the change of input f; false when f is not a numeric input.
func (c Comparison) Input(f Field) (InputChange, bool) {
	for _, ic := range c.Inputs {
		if ic.Field == f {
			return ic, true
		}
	}
	return InputChange{}, false
}

func planAndForecast(in Inputs) (Plan, Forecast, error) {
	f, err := ComputeForecast(in) // validates every field, the plan's too
	if err != nil {
		return Plan{}, Forecast{}, err
	}
	p, err := ComputePlan(in)
	return p, f, err
}
