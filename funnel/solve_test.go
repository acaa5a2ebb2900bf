package funnel_test

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"embudo.app/funnel"
)

// TestSolve, by hand (every rate 50 %, ticket 1,000.00, 48 weeks, cap 8):
//
//	r1, 30 reps, goal 100,000: 240,000 visitors x 0.67 % = 1,608.0 leads
//	  -> 804.0 -> 402.0 -> 201.0 -> 100.5 customers = 100,500.00 >= goal;
//	  at 0.66 %: 1,584.0 -> ... -> 99.0 customers = 99,000.00 < goal.
//	reps, goal 100,000: 3 reps review 1,152 MQLs -> 144.0 customers =
//	  144,000.00 (met); 2 reps: 768 -> 96.0 = 96,000.00 < goal.
//	ticket, goal 200,000: 144.0 customers x 1,388.89 = 200,000.16; x
//	  1,388.88 = 199,998.72 < goal.
//	r1, goal 200,000: sales capacity caps revenue at 144,000.00 whatever
//	  r1 is.
func TestSolve(t *testing.T) {
	tests := []struct {
		name  string
		f     funnel.Field
		setup func(in *funnel.Inputs)
		want  funnel.Solution
	}{
		{"r1 feasible", funnel.FieldR1, func(in *funnel.Inputs) { in.Reps, in.Rates[0] = 30, 50 },
			funnel.Solution{Field: funnel.FieldR1, Feasible: true, Value: 67, Max: 10000}},
		{"reps met", funnel.FieldReps, nil,
			funnel.Solution{Field: funnel.FieldReps, Feasible: true, Met: true, Value: 3, Max: 100_000}},
		{"ticket feasible", funnel.FieldTicket, func(in *funnel.Inputs) { in.Goal = 20_000_000 },
			funnel.Solution{Field: funnel.FieldTicket, Feasible: true, Value: 138_889, Max: 1_000_000_000_000_000}},
		{"r1 capped by sales", funnel.FieldR1, func(in *funnel.Inputs) { in.Goal = 20_000_000 },
			funnel.Solution{Field: funnel.FieldR1, Max: 10000, Limit: funnel.BottleneckSales, Ceiling: 14_400_000}},
		{"visits capped by sales", funnel.FieldVisits, func(in *funnel.Inputs) { in.Goal = 20_000_000 },
			funnel.Solution{Field: funnel.FieldVisits, Max: 1_000_000_000_000, Limit: funnel.BottleneckSales, Ceiling: 14_400_000}},
		{"reps capped by traffic", funnel.FieldReps, func(in *funnel.Inputs) { in.Visits = 100 },
			// 1,200 visitors -> 37.5 customers: 37,500.00
			funnel.Solution{Field: funnel.FieldReps, Max: 100_000, Limit: funnel.BottleneckTraffic, Ceiling: 3_750_000}},
		{"cap met at its minimum", funnel.FieldCap, func(in *funnel.Inputs) { in.Goal = 1 },
			funnel.Solution{Field: funnel.FieldCap, Feasible: true, Met: true, Value: 1, Max: 1000}},
		{"r5 met", funnel.FieldR5, nil, // 288.0 opportunities x 34.71 % = 99.96, shown 100.0; x 34.70 % = 99.9
			funnel.Solution{Field: funnel.FieldR5, Feasible: true, Met: true, Value: 3471, Max: 10000}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := funnel.Defaults()
			if tt.setup != nil {
				tt.setup(&in)
			}
			s, err := funnel.Solve(in, tt.f)
			require.NoError(t, err)
			assert.Equal(t, tt.want, s)
			checkSolution(t, in, s)
		})
	}
}

func TestSolveErrors(t *testing.T) {
	in := funnel.Defaults()
	_, err := funnel.Solve(in, funnel.FieldGoal)
	requireFieldError(t, &funnel.FieldError{Field: funnel.FieldGoal, Code: funnel.CodeUnknown}, err)
	_, err = funnel.Solve(in, "nope")
	requireFieldError(t, &funnel.FieldError{Field: "nope", Code: funnel.CodeUnknown}, err)
	in.Weeks = 0
	_, err = funnel.Solve(in, funnel.FieldR1)
	require.Equal(t, funnel.FieldWeeks, fieldErr(t, err).Field)
	assert.True(t, funnel.IsSolveField(funnel.FieldTicket))
	assert.False(t, funnel.IsSolveField(funnel.FieldWeeks))
}

// refReaches is the reference: the forecast's revenue by the spec, in
// big numbers, against the goal.
func refReaches(in funnel.Inputs) bool {
	f := refForward(in)
	rev := f.traffic
	if f.capacity.Cmp(rev) < 0 {
		rev = f.capacity
	}
	return rev.Cmp(big.NewInt(int64(in.Goal))) >= 0
}

// checkSolution asserts what must hold of any solution: a feasible value
// is in range and reaches the goal, one step below does not (or it is the
// minimum), Met says whether the lever as given reaches it, and ComputeForecast
// agrees; an infeasible one fails even at the maximum, with the ceiling
// the reference computes there.
func checkSolution(t testing.TB, in funnel.Inputs, s funnel.Solution) {
	t.Helper()
	sp, _ := funnel.SpecOf(s.Field)
	cur, _ := in.Value(s.Field)
	at := func(v int64) funnel.Inputs {
		x := in
		require.NoError(t, x.SetValue(s.Field, v))
		return x
	}
	require.Equal(t, refReaches(in), s.Met, "met")
	if !s.Feasible {
		require.False(t, s.Met)
		top := at(sp.Limits.Max)
		require.False(t, refReaches(top), "infeasible: not even at the maximum")
		f := refForward(top)
		ceiling := f.traffic
		limit := funnel.BottleneckTraffic
		if f.capacity.Cmp(ceiling) < 0 {
			ceiling, limit = f.capacity, funnel.BottleneckSales
		}
		require.Equal(t, ceiling.Int64(), int64(s.Ceiling))
		require.Equal(t, limit, s.Limit)
		return
	}
	require.GreaterOrEqual(t, s.Value, sp.Limits.Min)
	require.LessOrEqual(t, s.Value, sp.Limits.Max)
	require.True(t, refReaches(at(s.Value)), "the value reaches the goal")
	if s.Value > sp.Limits.Min {
		require.False(t, refReaches(at(s.Value-1)), "one step below does not")
	}
	if s.Met {
		require.LessOrEqual(t, s.Value, cur)
	} else {
		require.Greater(t, s.Value, cur)
	}
	// The forecast at the solved value agrees: it reaches the goal (or
	// its revenue is past what it can report).
	if f, err := funnel.ComputeForecast(at(s.Value)); err == nil {
		require.GreaterOrEqual(t, f.Revenue, in.Goal)
		require.Zero(t, f.Gap)
	} else {
		require.Equal(t, funnel.CodeResultLarge, fieldErr(t, err).Code)
	}
	if s.Value > sp.Limits.Min {
		if f, err := funnel.ComputeForecast(at(s.Value - 1)); err == nil {
			require.Less(t, f.Revenue, in.Goal)
		}
	}
}

func TestPropertySolve(t *testing.T) {
	r := newRand(15)
	for range 3000 {
		in := randomInputs(r)
		if _, err := funnel.ComputeForecast(in); err != nil {
			continue
		}
		f := funnel.SolveFields[r.IntN(len(funnel.SolveFields))]
		s, err := funnel.Solve(in, f)
		require.NoError(t, err)
		checkSolution(t, in, s)
	}
}

// TestSolveBruteForce walks every value of small ranges (every rate, reps
// and cap up to 300, visits and ticket up to 3,000) with ComputeForecast
// (itself checked against the reference) and compares the first that
// reaches the goal with Solve's.
func TestSolveBruteForce(t *testing.T) {
	r := newRand(16)
	for range 40 {
		in := funnel.Defaults()
		in.Visits = pick(r, 1, 3000)
		in.Reps = pick(r, 0, 20)
		in.Cap = pick(r, 1, 300)
		in.Weeks = pick(r, 1, 53)
		in.Ticket = funnel.Money(pick(r, 1, 3000))
		for i := range in.Rates {
			in.Rates[i] = funnel.Rate(pick(r, 1, 10000))
		}
		in.Goal = funnel.Money(pick(r, 1, 2_000_000))
		for _, f := range funnel.SolveFields {
			sp, _ := funnel.SpecOf(f)
			hi := sp.Limits.Max
			switch f {
			case funnel.FieldVisits, funnel.FieldTicket:
				hi = 3000
			case funnel.FieldReps, funnel.FieldCap:
				hi = 300
			}
			first := int64(-1)
			for v := sp.Limits.Min; v <= hi; v++ {
				x := in
				require.NoError(t, x.SetValue(f, v))
				// The forecast fails when the plan's needs pass MaxPeople: the
				// reference answers then.
				f, err := funnel.ComputeForecast(x)
				if err == nil && f.Revenue >= in.Goal || err != nil && refReaches(x) {
					first = v
					break
				}
			}
			s, err := funnel.Solve(in, f)
			require.NoError(t, err)
			if first >= 0 {
				require.True(t, s.Feasible, "%s %+v", f, in)
				require.Equal(t, first, s.Value, "%s %+v", f, in)
			} else if hi == sp.Limits.Max {
				require.False(t, s.Feasible, "%s %+v", f, in)
			} else if s.Feasible {
				require.Greater(t, s.Value, hi)
			}
		}
	}
}

func FuzzSolve(f *testing.F) {
	f.Add(int64(20_000), int64(3), int64(10_000_000), int64(100_000), int64(5000), int64(5000), int64(5000), int64(48), int64(8), uint8(0))
	f.Add(int64(1), int64(0), int64(1_000_000_000_000_000), int64(1), int64(1), int64(1), int64(10000), int64(1), int64(1), uint8(8))
	f.Fuzz(func(t *testing.T, visits, reps, goal, ticket, r1, r2, r5, weeks, cap int64, lever uint8) {
		in := funnel.Defaults()
		in.Visits, in.Reps, in.Goal, in.Ticket, in.Weeks, in.Cap = visits, reps, funnel.Money(goal), funnel.Money(ticket), weeks, cap
		in.Rates[0], in.Rates[1], in.Rates[4] = funnel.Rate(r1), funnel.Rate(r2), funnel.Rate(r5)
		field := funnel.SolveFields[int(lever)%len(funnel.SolveFields)]
		s, err := funnel.Solve(in, field)
		if len(in.Validate()) > 0 {
			require.Error(t, err)
			return
		}
		require.NoError(t, err)
		checkSolution(t, in, s)
	})
}
