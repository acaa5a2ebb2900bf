// Package funnel is Embudo's domain: the smarketing funnel math in exact
// integer arithmetic, input validation and link-parameter parsing. It
// imports neither go-app nor syscall/js, so every number the app shows is
// computed and tested here natively.
package funnel

// Stage is a step of the funnel, from the top (Visitors) to the bottom
// (Customers).
type Stage int

// The funnel stages, top to bottom.
const (
	Visitors Stage = iota
	Leads
	MQLs
	SQLs
	Opportunities
	Customers
)

// NumStages is the number of funnel stages; NumRates the number of
// conversion rates between them.
const (
	NumStages = 6
	NumRates  = NumStages - 1
)

// Stages lists every stage top to bottom, for ranging.
var Stages = [NumStages]Stage{Visitors, Leads, MQLs, SQLs, Opportunities, Customers}

// Key is the stage's stable English identifier, used in test hooks and CSV
// ("visitors", "leads", "mqls", "sqls", "opportunities", "customers").
func (s Stage) Key() string {
	switch s {
	case Visitors:
		return "visitors"
	case Leads:
		return "leads"
	case MQLs:
		return "mqls"
	case SQLs:
		return "sqls"
	case Opportunities:
		return "opportunities"
	case Customers:
		return "customers"
	}
	return ""
}

// Money is an amount in minor units (hundredths of the currency unit),
// whatever the currency: 100000 units is Money(10_000_000).
type Money int64

// Rate is a conversion rate in hundredths of a percent: 50 % is Rate(5000),
// 2.75 % is Rate(275). Valid rates are 1..10000.
type Rate int64

// Tenths is a non-negative quantity in tenths (16.7 is Tenths(167)),
// rounded half up: from the exact value, except where a field says it is
// chained from other rounded figures (Forecast's volumes).
type Tenths int64

// Hundredths is a non-negative quantity in hundredths (2.08 is
// Hundredths(208)), rounded half up from the exact value.
type Hundredths int64

// Float64 returns the amount in currency units, for formatting only.
func (m Money) Float64() float64 { return float64(m) / 100 }

// Float64 returns the rate in percent (2.75 for 2.75 %), for formatting only.
func (r Rate) Float64() float64 { return float64(r) / 100 }

// Float64 returns the value, for formatting only.
func (t Tenths) Float64() float64 { return float64(t) / 10 }

// Float64 returns the value, for formatting only.
func (h Hundredths) Float64() float64 { return float64(h) / 100 }

// Mode selects what the calculator answers.
type Mode string

// The calculator modes.
const (
	// ModePlan works backwards from the revenue goal to the SLA.
	ModePlan Mode = "plan"
	// ModeForecast works forwards from traffic and the sales team.
	ModeForecast Mode = "forecast"
)

// Inputs is everything the funnel math needs. The zero value is invalid;
// start from Defaults().
type Inputs struct {
	Goal   Money          // revenue goal for the year
	Ticket Money          // average revenue per customer
	Rates  [NumRates]Rate // r1..r5: Rates[i] is the share of stage i that reaches stage i+1
	Weeks  int64          // work weeks per year, 1..53
	Cap    int64          // MQLs one rep reviews per week
	Calls  int64          // calls per SQL per week
	Emails int64          // emails per SQL per week
	Visits int64          // forecast: visitors per month
	Reps   int64          // forecast: reps on the team
}

// Per is a yearly count with its share per quarter, month and week.
type Per struct {
	Year    int64
	Quarter Tenths // Year / 4
	Month   Tenths // Year / 12
	Week    Tenths // Year / Weeks
}

// Activity is one rep's weekly work at full capacity: SQLs = Cap x r3,
// Calls = SQLs x calls per SQL, Emails = SQLs x emails per SQL.
type Activity struct {
	MQLs   int64
	SQLs   Hundredths
	Calls  Hundredths
	Emails Hundredths
}

// Shortfall describes staffing one rep fewer than needed: Reps reps at full
// capacity review Covered of the Needed MQLs a year (Percent of them), or
// must each review Load MQLs a week to cover them all. Load is rounded
// half up to tenths but always above Cap, which it exceeds: 25.001 shows
// as 25.1, never as the cap's 25.0.
type Shortfall struct {
	Reps    int64
	Covered int64
	Needed  int64
	Percent Hundredths
	Load    Tenths
}

// Plan is the backward (SLA) result for a revenue goal.
type Plan struct {
	Stages   [NumStages]Per // yearly count needed at each stage, ceil at every step
	FTE      Hundredths     // (MQLs per week) / Cap
	Reps     int64          // ceil of the exact FTE, at least 1
	Load     Tenths         // MQLs a week each of Reps reviews
	SQLLoad  Tenths         // SQLs a week each of Reps works
	Activity Activity       // per rep per week at full capacity
	// Short is the one-rep-fewer option; nil when Reps is 1 or the exact
	// FTE is a whole number (nobody is short).
	Short *Shortfall
}

// Bottleneck names the binding constraint in forecast mode.
type Bottleneck string

// The binding constraints.
const (
	BottleneckTraffic Bottleneck = "traffic"
	BottleneckSales   Bottleneck = "sales"
)

// Forecast is the forward result from traffic and the sales team.
type Forecast struct {
	// Expected is the yearly volume at each stage, chained as shown:
	// Expected[Visitors] = Visits x 12 and Expected[i+1] = Expected[i] x
	// Rates[i] rounded half up to tenths, each from the rounded figure
	// above, not from the exact fraction (so 0.15 x 50 % is 0.1, not 0.0).
	Expected [NumStages]Tenths
	// TrafficRevenue = Expected[Customers] (as shown, in tenths) x Ticket,
	// rounded down to the cent: floor(Expected[Customers] x Ticket / 10).
	TrafficRevenue Money
	// CapacityMQLs = Reps x Cap x Weeks: MQLs the team can review in a year.
	CapacityMQLs int64
	// CapacityCustomers is CapacityMQLs chained through r3, r4 and r5 like
	// Expected: each step the previous tenths x the rate, rounded half up
	// to tenths.
	CapacityCustomers Tenths
	// CapacityRevenue = CapacityCustomers (as shown) x Ticket, rounded down
	// to the cent: floor(CapacityCustomers x Ticket / 10).
	CapacityRevenue Money
	// Customers = min(Expected[Customers], CapacityCustomers): the
	// customers a year that the binding constraint allows.
	Customers Tenths
	// Revenue = min(TrafficRevenue, CapacityRevenue); Bottleneck says which
	// binds (traffic when they are equal).
	Revenue    Money
	Bottleneck Bottleneck
	// Gap = Goal - Revenue when positive, else 0; Surplus = Revenue - Goal
	// when positive, else 0.
	Gap     Money
	Surplus Money
	// VisitsNeeded is the monthly traffic the goal needs (plan visitors / 12,
	// ceil); RepsNeeded the plan's reps.
	VisitsNeeded int64
	RepsNeeded   int64
}

// Lever is the effect of raising one rate by Step hundredths of a percent
// (capped at 100 %).
type Lever struct {
	Rate int // 1..5
	From Rate
	To   Rate
	// Plan: visitors needed before and after, and the change (<= 0).
	// Forecast: revenue before and after (Money as int64 minor units), and
	// the change (>= 0).
	Before, After, Delta int64
}

// Sensitivity lists the five levers, most effect first (largest |Delta|;
// ties by rate number).
type Sensitivity struct {
	Mode   Mode
	Step   Rate
	Levers [NumRates]Lever
}
