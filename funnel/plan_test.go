package funnel_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"embudo.app/funnel"
)

func TestPlanSeed(t *testing.T) {
	p, err := funnel.ComputePlan(funnel.Defaults())
	require.NoError(t, err)

	want := [funnel.NumStages]int64{3200, 1600, 800, 400, 200, 100}
	for s, n := range want {
		assert.Equal(t, n, p.Stages[s].Year, funnel.Stage(s).Key())
	}
	assert.Equal(t, funnel.Per{Year: 800, Quarter: 2000, Month: 667, Week: 167}, p.Stages[funnel.MQLs])
	assert.Equal(t, funnel.Tenths(167), p.Stages[funnel.MQLs].Week, "50/3 = 16.67 shows 16.7")
	assert.Equal(t, funnel.Hundredths(208), p.FTE)
	assert.Equal(t, int64(3), p.Reps)
	assert.Equal(t, funnel.Tenths(56), p.Load, "800 / 48 / 3 = 5.56")
	assert.Equal(t, funnel.Activity{MQLs: 8, SQLs: 400, Calls: 800, Emails: 1200}, p.Activity)
	require.NotNil(t, p.Short)
	assert.Equal(t, funnel.Shortfall{Reps: 2, Covered: 768, Needed: 800, Percent: 9600, Load: 83}, *p.Short)
	assert.InDelta(t, 96.0, p.Short.Percent.Float64(), 1e-9)
}

func TestPlanCustomers(t *testing.T) {
	tests := []struct {
		name         string
		goal, ticket funnel.Money
		want         int64
	}{
		{"seed", 10_000_000, 100_000, 100},
		{"a cent over needs one more", 10_000_001, 100_000, 101},
		{"a cent under still needs all", 9_999_999, 100_000, 100},
		{"ticket larger than goal", 100_000, 10_000_000, 1},
		{"ticket equal to goal", 100_000, 100_000, 1},
		{"one cent goal", 1, 1, 1},
		{"largest goal, smallest ticket", 1_000_000_000_000_000, 1_000_000_000_000_000, 1},
		{"odd cents", 12_345_67, 3_33, 3708},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := funnel.Defaults()
			in.Goal, in.Ticket = tt.goal, tt.ticket
			in.Rates = [funnel.NumRates]funnel.Rate{10000, 10000, 10000, 10000, 10000}
			p, err := funnel.ComputePlan(in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, p.Stages[funnel.Customers].Year)
			assert.Equal(t, tt.want, p.Stages[funnel.Visitors].Year, "100 % rates carry counts unchanged")
		})
	}
}

func TestPlanExactRates(t *testing.T) {
	tests := []struct {
		name  string
		goal  funnel.Money // with ticket 1.00: the customers
		rates [funnel.NumRates]funnel.Rate
		want  [funnel.NumStages]int64
	}{
		{"100 / 50 % is 200, never 201", 100, [5]funnel.Rate{10000, 10000, 10000, 10000, 5000}, [6]int64{200, 200, 200, 200, 200, 100}},
		{"33.33 %", 100, [5]funnel.Rate{10000, 10000, 10000, 10000, 3333}, [6]int64{301, 301, 301, 301, 301, 100}},
		{"33.33 % of 3333 is 1110.9, so 3333 for 1111 is one short", 1111, [5]funnel.Rate{10000, 10000, 10000, 10000, 3333}, [6]int64{3334, 3334, 3334, 3334, 3334, 1111}},
		{"2.75 %", 11, [5]funnel.Rate{275, 10000, 10000, 10000, 10000}, [6]int64{400, 11, 11, 11, 11, 11}},
		{"2.75 % one more", 12, [5]funnel.Rate{275, 10000, 10000, 10000, 10000}, [6]int64{437, 12, 12, 12, 12, 12}},
		{"0.01 %", 1, [5]funnel.Rate{1, 10000, 10000, 10000, 10000}, [6]int64{10000, 1, 1, 1, 1, 1}},
		{"ceil at every step, not once", 1, [5]funnel.Rate{3000, 3000, 3000, 3000, 3000}, [6]int64{524, 157, 47, 14, 4, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := funnel.Defaults()
			in.Goal, in.Ticket, in.Rates = tt.goal, 1, tt.rates
			p, err := funnel.ComputePlan(in)
			require.NoError(t, err)
			for s, n := range tt.want {
				assert.Equal(t, n, p.Stages[s].Year, funnel.Stage(s).Key())
			}
		})
	}
}

func TestPlanResultTooLarge(t *testing.T) {
	tests := []struct {
		name string
		in   func(*funnel.Inputs)
		ok   bool
	}{
		{"every rate 0.01 %", func(in *funnel.Inputs) { in.Rates = [5]funnel.Rate{1, 1, 1, 1, 1} }, false},
		{"largest goal, 1 cent ticket, 1 %", func(in *funnel.Inputs) {
			in.Goal, in.Ticket, in.Rates[0] = 1_000_000_000_000_000, 1, 100
		}, false},
		{"largest goal, 1 cent ticket, 100 %", func(in *funnel.Inputs) {
			in.Goal, in.Ticket = 1_000_000_000_000_000, 1
			in.Rates = [5]funnel.Rate{10000, 10000, 10000, 10000, 10000}
		}, true},
		{"exactly MaxPeople visitors", func(in *funnel.Inputs) {
			in.Goal, in.Ticket = 1_000_000_000_000_0, 1
			in.Rates = [5]funnel.Rate{1000, 10000, 10000, 10000, 10000}
		}, true},
		{"one past MaxPeople visitors", func(in *funnel.Inputs) {
			in.Goal, in.Ticket = 1_000_000_000_000_01, 1
			in.Rates = [5]funnel.Rate{1000, 10000, 10000, 10000, 10000}
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := funnel.Defaults()
			tt.in(&in)
			p, err := funnel.ComputePlan(in)
			if tt.ok {
				require.NoError(t, err)
				assert.LessOrEqual(t, p.Stages[funnel.Visitors].Year, int64(funnel.MaxPeople))
				return
			}
			requireFieldError(t, &funnel.FieldError{Field: funnel.FieldResult, Code: funnel.CodeResultLarge, Max: funnel.MaxPeople}, err)
			assert.Equal(t, funnel.Plan{}, p)
		})
	}
}

func TestPlanStaffing(t *testing.T) {
	tests := []struct {
		name       string
		goal       funnel.Money // ticket 1.00, rates 100 % but r3..r5 keep customers = MQLs
		weeks, cap int64
		fte        funnel.Hundredths
		reps       int64
		load       funnel.Tenths
		short      *funnel.Shortfall
	}{
		{"one rep, part time", 100, 48, 8, 26, 1, 21, nil},
		{"exactly one rep", 384, 48, 8, 100, 1, 80, nil},
		{"exactly two reps: nobody short", 768, 48, 8, 200, 2, 80, nil},
		// 769 / 96 = 8.0104 MQLs a week: half up says 8.0, the cap; the
		// load shows 8.1, above the cap it exceeds.
		{"just over two reps", 769, 48, 8, 200, 3, 53,
			&funnel.Shortfall{Reps: 2, Covered: 768, Needed: 769, Percent: 9986, Load: 81}},
		{"percent rounds down", 1151, 48, 8, 300, 3, 80,
			&funnel.Shortfall{Reps: 2, Covered: 768, Needed: 1151, Percent: 6672, Load: 120}},
		{"one MQL a year", 1, 53, 1000, 0, 1, 0, nil},
		{"exactly five reps", 5, 1, 1, 500, 5, 10, nil},
		{"one week, two and a half reps", 5, 1, 2, 250, 3, 17,
			&funnel.Shortfall{Reps: 2, Covered: 4, Needed: 5, Percent: 8000, Load: 25}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := funnel.Defaults()
			in.Goal, in.Ticket, in.Weeks, in.Cap = tt.goal, 1, tt.weeks, tt.cap
			in.Rates = [5]funnel.Rate{10000, 10000, 10000, 10000, 10000}
			p, err := funnel.ComputePlan(in)
			require.NoError(t, err)
			assert.Equal(t, tt.fte, p.FTE, "FTE")
			assert.Equal(t, tt.reps, p.Reps, "reps")
			assert.Equal(t, tt.load, p.Load, "load")
			assert.Equal(t, tt.short, p.Short, "short")
		})
	}
}

func TestPlanPerRoundsHalfUp(t *testing.T) {
	in := funnel.Defaults()
	in.Goal, in.Ticket, in.Weeks = 6, 1, 4
	in.Rates = [5]funnel.Rate{10000, 10000, 10000, 10000, 10000}
	p, err := funnel.ComputePlan(in)
	require.NoError(t, err)
	// 6/4 = 1.5 exactly, 6/12 = 0.5 exactly, 6/4 weeks = 1.5.
	assert.Equal(t, funnel.Per{Year: 6, Quarter: 15, Month: 5, Week: 15}, p.Stages[funnel.Customers])

	in.Goal, in.Weeks = 1, 53
	p, err = funnel.ComputePlan(in)
	require.NoError(t, err)
	// 1/4 = 0.25 -> 0.3; 1/12 = 0.083 -> 0.1; 1/53 = 0.019 -> 0.0.
	assert.Equal(t, funnel.Per{Year: 1, Quarter: 3, Month: 1, Week: 0}, p.Stages[funnel.Customers])
}

func TestPlanActivity(t *testing.T) {
	tests := []struct {
		name          string
		cap           int64
		r3            funnel.Rate
		calls, emails int64
		sqls, cl, em  funnel.Hundredths
	}{
		{"seed", 8, 5000, 2, 3, 400, 800, 1200},
		{"no calls or emails", 8, 5000, 0, 0, 400, 0, 0},
		{"2.75 % of 10", 10, 275, 3, 1, 28, 83, 28},          // 0.275 -> 0.28; 0.825 -> 0.83
		{"half a hundredth rounds up", 1, 50, 1, 3, 1, 1, 2}, // 0.005; 0.005; 0.015
		{"largest", 1000, 10000, 100, 100, 100000, 10000000, 10000000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := funnel.Defaults()
			in.Cap, in.Rates[2], in.Calls, in.Emails = tt.cap, tt.r3, tt.calls, tt.emails
			p, err := funnel.ComputePlan(in)
			require.NoError(t, err)
			assert.Equal(t, funnel.Activity{MQLs: tt.cap, SQLs: tt.sqls, Calls: tt.cl, Emails: tt.em}, p.Activity)
		})
	}
}

func TestPlanValidatesFirstError(t *testing.T) {
	in := funnel.Defaults()
	in.Visits, in.Reps = 0, -1 // the plan does not read them
	_, err := funnel.ComputePlan(in)
	require.NoError(t, err)

	in.Rates[3], in.Weeks, in.Ticket = 0, 54, 0
	_, err = funnel.ComputePlan(in)
	assert.Equal(t, funnel.FieldTicket, fieldErr(t, err).Field, "first in field order")

	_, err = funnel.ComputePlan(funnel.Inputs{})
	assert.Equal(t, funnel.FieldGoal, fieldErr(t, err).Field, "the zero value is invalid")
}

func TestPlanAllocations(t *testing.T) {
	in := funnel.Defaults()
	assert.LessOrEqual(t, testing.AllocsPerRun(100, func() { _, _ = funnel.ComputePlan(in) }), 1.0, "only Short")
	in.Goal = 768 * 100_000 / 8
	assert.Zero(t, testing.AllocsPerRun(100, func() { _, _ = funnel.ComputePlan(in) }))
}
