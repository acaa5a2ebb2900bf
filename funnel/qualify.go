package funnel

// Lead qualification and speed to lead, as the seed article teaches them:
// data for the UI to show, not math.

// Fit is how well a lead matches the product ("good" or "poor").
type Fit string

// Interest is how much interest a lead shows ("high" or "low").
type Interest string

// Action is what to do with a lead in one quadrant of fit x interest.
type Action string

// Fits and interests.
const (
	FitGood      Fit      = "good"
	FitPoor      Fit      = "poor"
	InterestHigh Interest = "high"
	InterestLow  Interest = "low"
)

// The actions.
const (
	// ActionMQL: mark it an MQL and pass it to sales, who follow up within
	// FollowUpHours.
	ActionMQL Action = "mql"
	// ActionNurture: marketing nurtures it with targeted emails, or passes
	// it with a note so sales build interest instead of closing.
	ActionNurture Action = "nurture"
	// ActionDecide: a company decision; a poor-fit customer can cost more
	// than no customer.
	ActionDecide Action = "decide"
	// ActionDrop: do not pass it to sales.
	ActionDrop Action = "drop"
)

// FollowUpHours is the SLA's limit for sales to follow up an MQL.
const FollowUpHours = 24

// Quadrant is one cell of the fit x interest matrix. FollowUpHours is the
// sales follow-up limit for MQLs, 0 for the others.
type Quadrant struct {
	Fit           Fit
	Interest      Interest
	Action        Action
	FollowUpHours int
}

// Qualification is the fit x interest matrix, good fit first, high
// interest first.
var Qualification = [4]Quadrant{
	{FitGood, InterestHigh, ActionMQL, FollowUpHours},
	{FitGood, InterestLow, ActionNurture, 0},
	{FitPoor, InterestHigh, ActionDecide, 0},
	{FitPoor, InterestLow, ActionDrop, 0},
}

// Qualify is the quadrant of a fit and interest; false when either is not
// one of the constants.
func Qualify(fit Fit, interest Interest) (Quadrant, bool) {
	for _, q := range Qualification {
		if q.Fit == fit && q.Interest == interest {
			return q, true
		}
	}
	return Quadrant{}, false
}

// NotReadyGoesBackTo is the stage of an MQL that sales find not ready to
// buy: it goes back to marketing as a lead, to keep nurturing.
const NotReadyGoesBackTo = Leads

// Study is a speed-to-lead study as the seed cites it.
type Study struct {
	Source          string
	Year            int
	Leads           int64 // sales leads monitored
	B2C, B2B        int   // companies studied, by kind
	FirstHourFactor int   // contacted within the first hour: times more likely to qualify the lead
	After24hFactor  int   // contacted after 24 hours: times less likely
}

// SpeedToLead is the Harvard Business Review study (2011) behind the 24 h
// follow-up: 1.25 million leads from 29 B2C and 13 B2B US companies.
var SpeedToLead = Study{
	Source:          "Harvard Business Review",
	Year:            2011,
	Leads:           1_250_000,
	B2C:             29,
	B2B:             13,
	FirstHourFactor: 7,
	After24hFactor:  60,
}
