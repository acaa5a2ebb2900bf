package funnel_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"embudo.app/funnel"
)

func TestQualification(t *testing.T) {
	tests := []struct {
		fit      funnel.Fit
		interest funnel.Interest
		action   funnel.Action
		hours    int
	}{
		{funnel.FitGood, funnel.InterestHigh, funnel.ActionMQL, 24},
		{funnel.FitGood, funnel.InterestLow, funnel.ActionNurture, 0},
		{funnel.FitPoor, funnel.InterestHigh, funnel.ActionDecide, 0},
		{funnel.FitPoor, funnel.InterestLow, funnel.ActionDrop, 0},
	}
	for i, tt := range tests {
		want := funnel.Quadrant{Fit: tt.fit, Interest: tt.interest, Action: tt.action, FollowUpHours: tt.hours}
		assert.Equal(t, want, funnel.Qualification[i], "matrix order")
		got, ok := funnel.Qualify(tt.fit, tt.interest)
		assert.True(t, ok)
		assert.Equal(t, want, got)
	}
	_, ok := funnel.Qualify("great", funnel.InterestHigh)
	assert.False(t, ok)
	assert.Equal(t, "mql", string(funnel.ActionMQL))
	assert.Equal(t, funnel.Leads, funnel.NotReadyGoesBackTo)
}

func TestSpeedToLead(t *testing.T) {
	assert.Equal(t, funnel.Study{
		Source: "Harvard Business Review", Year: 2011, Leads: 1_250_000,
		B2C: 29, B2B: 13, FirstHourFactor: 7, After24hFactor: 60,
	}, funnel.SpeedToLead)
	assert.Equal(t, 24, funnel.FollowUpHours)
}
