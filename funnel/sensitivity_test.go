package funnel_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"embudo.app/funnel"
)

func TestSensitivitySeedPlan(t *testing.T) {
	s, err := funnel.ComputeSensitivity(funnel.Defaults(), funnel.ModePlan, 100)
	require.NoError(t, err)
	assert.Equal(t, funnel.ModePlan, s.Mode)
	assert.Equal(t, funnel.Rate(100), s.Step)
	// 51 % at one stage: r1 and r2 save the most, tied, so by rate number.
	want := []struct {
		rate         int
		after, delta int64
	}{{1, 3138, -62}, {2, 3138, -62}, {3, 3140, -60}, {4, 3144, -56}, {5, 3152, -48}}
	for i, w := range want {
		l := s.Levers[i]
		assert.Equal(t, funnel.Lever{Rate: w.rate, From: 5000, To: 5100, Before: 3200, After: w.after, Delta: w.delta}, l)
	}
}

func TestSensitivitySeedForecast(t *testing.T) {
	s, err := funnel.ComputeSensitivity(funnel.Defaults(), funnel.ModeForecast, 100)
	require.NoError(t, err)
	// Sales binds (144,000.00 < 7,500,000.00), so only r3..r5, which
	// capacity goes through, move revenue. From 1,152 MQLs:
	//   r3 51 %: 587.52 -> 587.5; x 50 % = 293.75 -> 293.8; x 50 % = 146.9
	//   r4 51 %: 576.0; x 51 % = 293.76 -> 293.8; x 50 % = 146.9
	//   r5 51 %: 576.0; 288.0; x 51 % = 146.88 -> 146.9
	// 146.9 x 1,000.00 = 146,900.00, up 2,900.00 on 144,000.00 each; tied,
	// so by rate number. r1 or r2 at 51 % raises only traffic.
	order := []int{3, 4, 5, 1, 2}
	deltas := []int64{290_000, 290_000, 290_000, 0, 0}
	for i, l := range s.Levers {
		assert.Equal(t, order[i], l.Rate)
		assert.Equal(t, deltas[i], l.Delta)
		assert.Equal(t, int64(14_400_000), l.Before)
		assert.Equal(t, l.Before+l.Delta, l.After)
	}
}

func TestSensitivityCapsAt100(t *testing.T) {
	in := funnel.Defaults()
	in.Rates = [funnel.NumRates]funnel.Rate{10000, 9950, 5000, 1, 10000}
	s, err := funnel.ComputeSensitivity(in, funnel.ModePlan, 10000)
	require.NoError(t, err)
	to := map[int]funnel.Rate{}
	for _, l := range s.Levers {
		to[l.Rate] = l.To
		assert.LessOrEqual(t, l.Delta, int64(0))
		if l.From == 10000 {
			assert.Zero(t, l.Delta, "r%d is already 100 %%", l.Rate)
		}
	}
	assert.Equal(t, map[int]funnel.Rate{1: 10000, 2: 10000, 3: 10000, 4: 10000, 5: 10000}, to)
	assert.Equal(t, 4, s.Levers[0].Rate, "0.01 % to 100 % matters most")
	assert.Equal(t, []int{1, 5}, []int{s.Levers[3].Rate, s.Levers[4].Rate}, "no effect, by rate number")
}

func TestSensitivityErrors(t *testing.T) {
	stepErr := func(c funnel.Code) *funnel.FieldError {
		return &funnel.FieldError{Field: funnel.FieldStep, Code: c, Min: 1, Max: 10000, Scale: 2}
	}
	tests := []struct {
		name string
		in   func(*funnel.Inputs)
		mode funnel.Mode
		step funnel.Rate
		err  *funnel.FieldError
	}{
		{"step 0", nil, funnel.ModePlan, 0, stepErr(funnel.CodeTooSmall)},
		{"negative step", nil, funnel.ModeForecast, -100, stepErr(funnel.CodeTooSmall)},
		{"step past 100 points", nil, funnel.ModePlan, 10001, stepErr(funnel.CodeTooLarge)},
		{"smallest step", nil, funnel.ModePlan, 1, nil},
		{"unknown mode", nil, "", 100, &funnel.FieldError{Field: funnel.FieldMode, Code: funnel.CodeUnknown}},
		{"plan ignores visits", func(in *funnel.Inputs) { in.Visits = 0 }, funnel.ModePlan, 100, nil},
		{"forecast checks visits", func(in *funnel.Inputs) { in.Visits = 0 }, funnel.ModeForecast, 100,
			&funnel.FieldError{Field: funnel.FieldVisits, Code: funnel.CodeTooSmall, Min: 1, Max: 1_000_000_000_000}},
		{"plan checks rates", func(in *funnel.Inputs) { in.Rates[4] = 0 }, funnel.ModePlan, 100,
			&funnel.FieldError{Field: funnel.FieldR5, Code: funnel.CodeTooSmall, Min: 1, Max: 10000, Scale: 2}},
		{"plan past MaxPeople", func(in *funnel.Inputs) { in.Rates = [5]funnel.Rate{1, 1, 1, 1, 1} }, funnel.ModePlan, 100,
			&funnel.FieldError{Field: funnel.FieldResult, Code: funnel.CodeResultLarge, Max: funnel.MaxPeople}},
		{"forecast needs the plan too", func(in *funnel.Inputs) { in.Rates = [5]funnel.Rate{1, 1, 1, 1, 1} }, funnel.ModeForecast, 100,
			&funnel.FieldError{Field: funnel.FieldResult, Code: funnel.CodeResultLarge, Max: funnel.MaxPeople}},
		{"forecast base past MaxRevenue", func(in *funnel.Inputs) {
			in.Ticket, in.Reps, in.Cap, in.Weeks, in.Visits = 1_000_000_000_000_000, 1000, 1, 1, 1
			in.Rates = [5]funnel.Rate{10000, 10000, 10000, 10000, 10000}
		}, funnel.ModeForecast, 100,
			&funnel.FieldError{Field: funnel.FieldResult, Code: funnel.CodeResultLarge, Max: int64(funnel.MaxRevenue), Scale: 2}},
		{"a raised rate past MaxRevenue", func(in *funnel.Inputs) {
			in.Ticket, in.Reps, in.Cap, in.Weeks, in.Visits = 1_000_000_000_000_000, 101, 1, 1, 1
			in.Rates = [5]funnel.Rate{10000, 10000, 10000, 10000, 9000}
		}, funnel.ModeForecast, 2000,
			&funnel.FieldError{Field: funnel.FieldResult, Code: funnel.CodeResultLarge, Max: int64(funnel.MaxRevenue), Scale: 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := funnel.Defaults()
			if tt.in != nil {
				tt.in(&in)
			}
			s, err := funnel.ComputeSensitivity(in, tt.mode, tt.step)
			requireFieldError(t, tt.err, err)
			if err != nil {
				assert.Equal(t, funnel.Sensitivity{}, s)
			}
		})
	}
}

func TestSensitivityAllocations(t *testing.T) {
	in := funnel.Defaults()
	assert.Zero(t, testing.AllocsPerRun(100, func() { _, _ = funnel.ComputeSensitivity(in, funnel.ModePlan, 100) }))
	assert.Zero(t, testing.AllocsPerRun(100, func() { _, _ = funnel.ComputeSensitivity(in, funnel.ModeForecast, 100) }))
}
