package funnel_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"embudo.app/funnel"
)

func TestCompare(t *testing.T) {
	a := funnel.Defaults()
	b := funnel.Defaults()
	b.Goal = 20_000_000 // twice the goal
	b.Reps = 6

	c, err := funnel.Compare(a, b)
	require.NoError(t, err)
	assert.Equal(t, int64(3200), c.A.Stages[funnel.Visitors].Year)
	assert.Equal(t, int64(6400), c.B.Stages[funnel.Visitors].Year)
	assert.Equal(t, [funnel.NumStages]int64{3200, 1600, 800, 400, 200, 100}, c.StageDelta)
	assert.Equal(t, int64(2), c.RepsDelta, "3 to 5 reps")
	assert.Equal(t, funnel.Money(10_000_000), c.GoalDelta)
	assert.Equal(t, funnel.Money(14_400_000), c.FA.Revenue)
	assert.Equal(t, funnel.Money(28_800_000), c.FB.Revenue)
	assert.Equal(t, funnel.Money(14_400_000), c.RevenueDelta)

	same, err := funnel.Compare(a, a)
	require.NoError(t, err)
	assert.Equal(t, same.A, same.B)
	assert.Zero(t, same.StageDelta)
	assert.Zero(t, same.RevenueDelta)
}

func TestCompareErrors(t *testing.T) {
	good := funnel.Defaults()
	bad := funnel.Defaults()
	bad.Weeks = 0
	worse := funnel.Defaults()
	worse.Goal = 0

	_, err := funnel.Compare(good, bad)
	assert.Equal(t, funnel.FieldWeeks, fieldErr(t, err).Field)

	_, err = funnel.Compare(worse, bad)
	assert.Equal(t, funnel.FieldGoal, fieldErr(t, err).Field, "a's error first")

	huge := funnel.Defaults()
	huge.Rates = [funnel.NumRates]funnel.Rate{1, 1, 1, 1, 1}
	c, err := funnel.Compare(good, huge)
	assert.Equal(t, funnel.CodeResultLarge, fieldErr(t, err).Code)
	assert.Equal(t, funnel.Comparison{}, c)
}

// TestCompareInputsAndSLA: every input side by side with its change, and
// the SLA's two figures (MQLs a week, reps needed) with theirs.
func TestCompareInputsAndSLA(t *testing.T) {
	tests := []struct {
		name   string
		b      func(in *funnel.Inputs) // B from the seed (A)
		deltas map[funnel.Field]int64  // every other input's change is 0
		// MQLs a week in tenths (A's is the seed's 800 / 48 = 16.7) and
		// the change between the figures as shown.
		mqlsWeekB  funnel.Tenths
		mqlsDelta  int64
		repsB      int64 // reps needed (A: 2.08 FTE, 3 reps)
		revenueDif funnel.Money
	}{
		{name: "the same scenario", b: func(*funnel.Inputs) {}, mqlsWeekB: 167, repsB: 3},
		{
			// 1,600 MQLs: 33.3 a week (33.33), 4.17 FTE.
			name: "twice the goal", b: func(in *funnel.Inputs) { in.Goal = 20_000_000 },
			deltas: map[funnel.Field]int64{funnel.FieldGoal: 10_000_000}, mqlsWeekB: 333, mqlsDelta: 166, repsB: 5,
			revenueDif: 0, // the team carries 144 customers either way
		},
		{
			// 3,200 MQLs: 66.7 a week, 8.33 FTE; the team of 3 closes 72
			// customers at 25 % instead of 144.
			name: "twice the goal and r5 at 25 %", b: func(in *funnel.Inputs) { in.Goal, in.Rates[4] = 20_000_000, 2500 },
			deltas:    map[funnel.Field]int64{funnel.FieldGoal: 10_000_000, funnel.FieldR5: -2500},
			mqlsWeekB: 667, mqlsDelta: 500, repsB: 9, revenueDif: -7_200_000,
		},
		{
			// 800 MQLs in 40 weeks: 20.0 a week, 2.5 FTE; the team reviews
			// 3 x 8 x 40 = 960 MQLs: 120 customers.
			name: "fewer weeks", b: func(in *funnel.Inputs) { in.Weeks = 40 },
			deltas:    map[funnel.Field]int64{funnel.FieldWeeks: -8},
			mqlsWeekB: 200, mqlsDelta: 33, repsB: 3, revenueDif: -2_400_000,
		},
		{
			// 16.7 MQLs a week at 4 each: 4.17 FTE; 3 x 4 x 48 = 576 MQLs
			// a year, 72 customers.
			name: "cap and activity", b: func(in *funnel.Inputs) { in.Cap, in.Calls, in.Emails = 4, 5, 0 },
			deltas:    map[funnel.Field]int64{funnel.FieldCap: -4, funnel.FieldCalls: 3, funnel.FieldEmails: -3},
			mqlsWeekB: 167, repsB: 5, revenueDif: -7_200_000,
		},
		{
			// The plan does not read them: one rep carries 48 customers.
			name: "forecast inputs only", b: func(in *funnel.Inputs) { in.Visits, in.Reps = 10_000, 1 },
			deltas:    map[funnel.Field]int64{funnel.FieldVisits: -10_000, funnel.FieldReps: -2},
			mqlsWeekB: 167, repsB: 3, revenueDif: -9_600_000,
		},
		{
			name: "ticket and r1", b: func(in *funnel.Inputs) { in.Ticket, in.Rates[0] = 200_000, 2500 },
			// A ticket of 2,000 takes 50 customers: 400 MQLs, 8.3 a week
			// (1.04 FTE, 2 reps), whatever r1 (it moves the visitors only);
			// the team's 144 customers are worth twice as much.
			deltas:    map[funnel.Field]int64{funnel.FieldTicket: 100_000, funnel.FieldR1: -2500},
			mqlsWeekB: 83, mqlsDelta: -84, repsB: 2, revenueDif: 14_400_000,
		},
	}
	a := funnel.Defaults()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := funnel.Defaults()
			tt.b(&b)
			c, err := funnel.Compare(a, b)
			require.NoError(t, err)
			for i, ic := range c.Inputs {
				f := funnel.InputFields[i]
				va, _ := a.Value(f)
				vb, _ := b.Value(f)
				assert.Equal(t, funnel.InputChange{Field: f, A: va, B: vb, Delta: tt.deltas[f]}, ic, f)
				got, ok := c.Input(f)
				assert.True(t, ok, f)
				assert.Equal(t, ic, got, f)
			}
			assert.Equal(t, funnel.Tenths(167), c.A.Stages[funnel.MQLs].Week)
			assert.Equal(t, tt.mqlsWeekB, c.B.Stages[funnel.MQLs].Week)
			assert.Equal(t, tt.mqlsDelta, c.MQLsWeekDelta)
			assert.Equal(t, int64(3), c.A.Reps)
			assert.Equal(t, tt.repsB, c.B.Reps)
			assert.Equal(t, tt.repsB-3, c.RepsDelta)
			assert.Equal(t, tt.revenueDif, c.RevenueDelta)
		})
	}

	c, err := funnel.Compare(a, a)
	require.NoError(t, err)
	_, ok := c.Input(funnel.FieldMode)
	assert.False(t, ok, "mode is no numeric input")
}
