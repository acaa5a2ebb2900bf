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
