package funnel

import (
	"math/bits"
	"strings"
)

// The plan in time: the yearly plan month by month over a fiscal year,
// shaped by seasonal weights, pushed earlier by the lags between stages,
// with the team's capacity and the hires that cover it.

// Calendar is the month-by-month plan's settings (the link's year, start,
// season, lag, ramp and attain). The zero Calendar is the default: the
// fiscal year starts in January of this year, every month weighs the same,
// no stage lags, a new rep works at full capacity at once and a ramped rep
// achieves 100 % of nominal. Set keeps it canonical (a default is stored
// as its zero), so that a link round-trips.
type Calendar struct {
	Year   int64           // the calendar year the fiscal year starts in; 0: this year (the caller's)
	Start  int64           // the fiscal year's first month, 2..12; 0: January
	Season [12]int64       // relative weights of the fiscal months in order; all zero: all equal
	Lags   [NumRates]int64 // days from each stage to the next: Lags[i] is stage i → i+1
	Ramp   int64           // months until a new rep works at full capacity
	Attain int64           // percent of nominal a ramped rep achieves, 1..99; 0: 100
}

// The calendar's link parameters.
const (
	FieldYear   Field = "year"
	FieldStart  Field = "start"
	FieldSeason Field = "season"
	FieldLag    Field = "lag"
	FieldRamp   Field = "ramp"
	FieldAttain Field = "attain"
)

// CalendarFields lists the calendar's link parameters in link order.
var CalendarFields = [...]Field{FieldYear, FieldStart, FieldSeason, FieldLag, FieldRamp, FieldAttain}

// The ranges of the calendar's settings; a list's limits are each item's.
var (
	YearLimits   = Limits{1900, 2999, 0}
	StartLimits  = Limits{1, 12, 0}
	WeightLimits = Limits{0, 1000, 0}
	LagLimits    = Limits{0, 365, 0}
	RampLimits   = Limits{0, 12, 0}
	AttainLimits = Limits{1, 100, 0}
)

// MaxListLen is the longest accepted text of a list parameter (season:
// twelve weights of up to four digits and their commas, with room for
// spaces).
const MaxListLen = 80

// StartMonth is the fiscal year's first month, 1..12.
func (c Calendar) StartMonth() int64 { return max(c.Start, 1) }

// Weights are the fiscal months' relative weights (all 1 when unset).
func (c Calendar) Weights() [12]int64 {
	if c.Season == ([12]int64{}) {
		return [12]int64{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}
	}
	return c.Season
}

// Attainment is the percent of nominal capacity a ramped rep achieves.
func (c Calendar) Attainment() int64 {
	if c.Attain == 0 {
		return 100
	}
	return c.Attain
}

// FiscalYear is the year the fiscal year starts in, this year when unset.
func (c Calendar) FiscalYear(thisYear int64) int64 {
	if c.Year == 0 {
		return thisYear
	}
	return c.Year
}

func isCalendarField(f Field) bool {
	for _, c := range CalendarFields {
		if c == f {
			return true
		}
	}
	return false
}

// set reads a calendar parameter's link text (f is one of
// CalendarFields); on error c is unchanged.
// Lists are whole numbers separated by commas (spaces around them are
// fine): twelve for season, five for lag. A list of the wrong length, or
// a season of zeros only, is CodeUnknown (an empty season is unset); an item out of range reports the
// item's limits.
func (c *Calendar) set(f Field, text string) *FieldError {
	if len(text) > MaxListLen {
		return &FieldError{Field: f, Code: CodeTooLong}
	}
	next := *c
	one := func(lim Limits, unset int64) (int64, *FieldError) {
		v, code := parseFixed(text, lim)
		if code != "" {
			return 0, fieldError(f, code, lim)
		}
		if v == unset {
			v = 0
		}
		return v, nil
	}
	var err *FieldError
	switch f {
	case FieldYear:
		if strings.TrimSpace(text) == "" {
			next.Year = 0
			break
		}
		next.Year, err = one(YearLimits, 0)
	case FieldStart:
		next.Start, err = one(StartLimits, 1)
	case FieldRamp:
		next.Ramp, err = one(RampLimits, 0)
	case FieldAttain:
		next.Attain, err = one(AttainLimits, 100)
	case FieldSeason:
		var w [12]int64
		if strings.TrimSpace(text) == "" { // unset: equal weights
			next.Season = w
			break
		}
		if err = parseList(f, text, WeightLimits, w[:]); err == nil {
			next.Season, err = canonicalSeason(f, w)
		}
	default: // FieldLag
		err = parseList(f, text, LagLimits, next.Lags[:])
	}
	if err != nil {
		return err
	}
	*c = next
	return nil
}

// canonicalSeason stores equal weights as unset; zeros only are no season.
func canonicalSeason(f Field, w [12]int64) ([12]int64, *FieldError) {
	equal := true
	for _, v := range w {
		equal = equal && v == w[0]
	}
	switch {
	case equal && w[0] == 0:
		return w, &FieldError{Field: f, Code: CodeUnknown}
	case equal:
		return [12]int64{}, nil
	}
	return w, nil
}

// parseList reads len(out) whole numbers separated by commas into out.
func parseList(f Field, text string, lim Limits, out []int64) *FieldError {
	n := 0
	for rest := text; ; {
		item, tail, more := strings.Cut(rest, ",")
		if n == len(out) {
			return &FieldError{Field: f, Code: CodeUnknown}
		}
		v, code := parseFixed(item, lim)
		if code != "" {
			return fieldError(f, code, lim)
		}
		out[n] = v
		n++
		if !more {
			break
		}
		rest = tail
	}
	if n != len(out) {
		return &FieldError{Field: f, Code: CodeUnknown}
	}
	return nil
}

// text is a calendar parameter's (one of CalendarFields) canonical link text ("" for an unset
// year and season).
func (c *Calendar) text(f Field) string {
	switch f {
	case FieldYear:
		if c.Year == 0 {
			return ""
		}
		return FormatFixed(c.Year, 0)
	case FieldStart:
		return FormatFixed(c.StartMonth(), 0)
	case FieldRamp:
		return FormatFixed(c.Ramp, 0)
	case FieldAttain:
		return FormatFixed(c.Attainment(), 0)
	case FieldSeason:
		if c.Season == ([12]int64{}) {
			return ""
		}
		return joinList(c.Season[:])
	}
	return joinList(c.Lags[:]) // FieldLag
}

func joinList(vs []int64) string {
	s := ""
	for i, v := range vs {
		if i > 0 {
			s += ","
		}
		s += FormatFixed(v, 0)
	}
	return s
}

// calendarParams are the calendar's link parameters, each optional with
// its default's text.
var calendarParams = []param{
	{field: FieldYear, optional: true},
	{field: FieldStart, optional: true, unset: "1"},
	{field: FieldSeason, optional: true},
	{field: FieldLag, optional: true, unset: "0,0,0,0,0"},
	{field: FieldRamp, optional: true, unset: "0"},
	{field: FieldAttain, optional: true, unset: "100"},
}

// Validate range-checks a calendar (as Set would have stored it); nil
// when it is valid.
func (c Calendar) Validate() error {
	check := func(f Field, lim Limits, v int64) *FieldError { return checkRange(f, lim, v) }
	if c.Year != 0 {
		if err := check(FieldYear, YearLimits, c.Year); err != nil {
			return err
		}
	}
	if err := check(FieldStart, Limits{0, 12, 0}, c.Start); err != nil {
		return err
	}
	for _, w := range c.Season {
		if err := check(FieldSeason, WeightLimits, w); err != nil {
			return err
		}
	}
	for _, d := range c.Lags {
		if err := check(FieldLag, LagLimits, d); err != nil {
			return err
		}
	}
	if err := check(FieldRamp, RampLimits, c.Ramp); err != nil {
		return err
	}
	if err := check(FieldAttain, Limits{0, 100, 0}, c.Attain); err != nil {
		return err
	}
	return nil
}

// A month is 30.4375 days, 487/16: a lag of d days is 16d/487 months.
// Shifts are kept exactly, in 487ths of a month.
const (
	monthParts  = 487 // parts of a month
	partsPerDay = 16  // parts of a month in a day
)

// span is how many months a series holds: the fiscal year and up to
// lead months before it (every lag at its most, 5 × 365 days, is 59.96
// months).
const (
	lead = 64
	span = lead + 12
)

// series is a volume per month, index lead being the fiscal year's first
// month.
type series [span]int64

// spread splits a yearly count n over the fiscal months by weights w,
// then shifts it shift/487 months earlier, splitting each month's share
// between the two months it straddles in proportion, and rounds to whole
// people by largest remainder (ties to the earlier month): the months sum
// to n exactly. Weights are 0..1000, not all zero; n <= MaxPeople;
// shift < lead*487.
func spread(n int64, w *[12]int64, shift int64) series {
	var total uint64
	for _, v := range w {
		total += uint64(v)
	}
	q, r := int(shift/monthParts), uint64(shift%monthParts)
	weight := func(i int) uint64 { // fiscal month i's weight, 0 outside the year
		if i < 0 || i >= 12 {
			return 0
		}
		return uint64(w[i])
	}
	// Month j (relative to the fiscal year) receives (1 - r/487) of fiscal
	// month j+q and r/487 of fiscal month j+q+1: n × c_j / (total × 487),
	// with c_j <= 487,000 and n <= 10^15, in 128 bits.
	den := total * monthParts
	var out series
	var rem [span]uint64
	var sum uint64
	for k := range span {
		j := k - lead
		c := weight(j+q)*(monthParts-r) + weight(j+q+1)*r
		hi, lo := bits.Mul64(uint64(n), c)
		quo, rm := bits.Div64(hi, lo, den)
		out[k], rem[k] = int64(quo), rm
		sum += quo
	}
	for left := uint64(n) - sum; left > 0; left-- {
		best := -1
		for k := range span {
			if rem[k] > 0 && (best < 0 || rem[k] > rem[best]) {
				best = k
			}
		}
		out[best]++
		rem[best] = 0
	}
	return out
}

// Capacity is an exact number of MQLs: Num/Den. Capacities come from
// cap × attainment × weeks / 12 per ramped rep, and k/(ramp+1) of that
// for a new rep in month k: fractions with denominator 1200 × (ramp+1).
type Capacity struct{ Num, Den uint64 }

// Tenths is the capacity rounded down to tenths, for display: the screen
// never shows more MQLs reviewed than the team can review.
func (c Capacity) Tenths() Tenths {
	if c.Den == 0 {
		return 0
	}
	hi, lo := bits.Mul64(c.Num, 10)
	q, _ := bits.Div64(hi, lo, c.Den)
	return Tenths(q)
}

// Covers tells whether the capacity reaches n MQLs.
func (c Capacity) Covers(n int64) bool {
	hi, lo := bits.Mul64(uint64(n), c.Den)
	return hi == 0 && lo <= c.Num
}

// Month is one month of the plan in time.
type Month struct {
	Year, Month int64 // the calendar month: 2025, 1..12
	LeadIn      bool  // before the fiscal year
	// Stages is each stage's whole people this month.
	Stages [NumStages]int64
	// Capacity is the MQLs the team can review this month.
	Capacity Capacity
	Team     int64 // reps on board, ramping ones included
	Hires    int64 // reps to hire by this month (they start in it)
	// Uncovered marks a month no hiring date can cover; Short is then
	// the MQLs left unreviewed, rounded up to tenths.
	Uncovered bool
	Short     Tenths
}

// MonthPlan is the plan month by month: the lead-in months (those before
// the fiscal year that need volume), then the fiscal year's twelve.
type MonthPlan struct {
	Months    []Month
	LeadIn    int   // how many of Months are lead-in months
	Hires     int64 // hires in all
	Uncovered int   // months no hiring date can cover
}

// ComputeMonths spreads the plan for in (ComputePlan's yearly counts)
// over the fiscal year of cal, thisYear standing for an unset year. It
// reports the inputs' first error (the forecast's reps included: they
// are the team on board at the start, fully ramped), or the calendar's.
//
// Each stage's yearly count is split by the seasonal weights, shifted
// earlier by the lags below it (the visitors by all five, the customers
// by none) and rounded by largest remainder, so its months sum to the
// yearly count exactly. Months before the fiscal year with any volume are
// lead-in months.
//
// The hiring plan is the fewest hires, each as late as possible, such
// that the team's capacity covers the MQLs of every coverable month.
// Hires start in a month of the plan (the first at the earliest), and the
// plan never hires more reps than its busiest month needs at full
// capacity: a month those reps, all hired in the first month, cannot
// cover (they would still be ramping) is uncovered, with its shortfall.
func ComputeMonths(in Inputs, cal Calendar, thisYear int64) (MonthPlan, error) {
	if err := in.firstError(true); err != nil {
		return MonthPlan{}, err
	}
	if err := cal.Validate(); err != nil {
		return MonthPlan{}, err
	}
	need, err := stagesNeeded(&in)
	if err != nil {
		return MonthPlan{}, err
	}
	w := cal.Weights()
	var all [NumStages]series
	var days int64
	for s := NumStages - 1; s >= 0; s-- {
		if s < NumRates {
			days += cal.Lags[s]
		}
		all[s] = spread(need[s], &w, days*partsPerDay)
	}
	first := lead
	for k := range lead {
		for s := range all {
			if all[s][k] > 0 {
				first = min(first, k)
			}
		}
	}
	var mp MonthPlan
	mp.LeadIn = lead - first
	mp.Months = make([]Month, span-first)
	start := cal.FiscalYear(thisYear)*12 + cal.StartMonth() - 1
	mqls := make([]int64, len(mp.Months))
	for i := range mp.Months {
		m := &mp.Months[i]
		t := start + int64(i-mp.LeadIn)
		m.Year, m.Month, m.LeadIn = t/12, t%12+1, i < mp.LeadIn
		for s := range all {
			m.Stages[s] = all[s][first+i]
		}
		mqls[i] = m.Stages[MQLs]
	}
	staff(&mp, mqls, &in, &cal)
	return mp, nil
}

// staff fills in the team: capacity, hires and uncovered months.
func staff(mp *MonthPlan, mqls []int64, in *Inputs, cal *Calendar) {
	ramp := uint64(cal.Ramp) + 1
	unit := uint64(in.Cap * cal.Attainment() * in.Weeks) // a rep's month is unit/1200
	den := 1200 * ramp
	// A rep counts min(months on board, ramp+1) steps of unit/den; the
	// reps on board at the start count ramp+1. need is the steps a month
	// needs: ceil(MQLs × den / unit), at most 10^15 × 15,600 < 2^64.
	need := make([]uint64, len(mqls))
	for i, m := range mqls {
		need[i] = (uint64(m)*den + unit - 1) / unit
	}
	hires, steps, covered := hirePlan(need, uint64(in.Reps)*ramp, ramp)
	team := in.Reps
	for i := range mp.Months {
		m := &mp.Months[i]
		team += hires[i]
		m.Team, m.Hires = team, hires[i]
		mp.Hires += hires[i]
		// unit × steps <= the busiest month's MQLs × den plus a rep's
		// full month: below 2^64 (see need).
		m.Capacity = Capacity{unit * steps[i], den}
		if !covered[i] {
			m.Uncovered = true
			mp.Uncovered++
			short := uint64(mqls[i])*den - m.Capacity.Num
			hi, lo := bits.Mul64(short, 10)
			q, r := bits.Div64(hi, lo, den)
			if r > 0 {
				q++
			}
			m.Short = Tenths(q)
		}
	}
}

// hirePlan is the hiring plan over months with need[m] steps to cover
// (see staff), base steps on board from the start and a rep counting
// min(months on board, full) steps. It gives the hires starting in each
// month, the steps each month then has, and which months are covered.
//
// The plan hires at most most reps, the most any month needs at full
// capacity; a month that most reps hired in month 0 (the most any plan
// within that bound gives it) cannot cover is uncoverable. The fewest
// hires n covering every coverable month is the most any one of them
// needs with hires in month 0. Then, month by month, it hires the fewest
// that still leave the months ahead coverable by the rest hired a month
// later: each hire as late as possible. No plan of as many hires, each as
// late or later, covers the coverable months (TestHirePlanBruteForce).
// Plans can be late in different ways (hires in months 0, 0, 1, 1, 1 or
// 0, 0, 0, 0, 2 when months 1 to 3 need 7, 9 and 2 steps of 2): this one
// hires, month by month from the first, as few as it can.
func hirePlan(need []uint64, base, full uint64) (hires []int64, steps []uint64, covered []bool) {
	months := len(need)
	age := func(m, from int) uint64 { // steps a rep hired in month from counts in month m
		if m < from {
			return 0
		}
		return min(uint64(m-from+1), full)
	}
	var most uint64
	for _, n := range need {
		if n > base {
			most = max(most, (n-base+full-1)/full)
		}
	}
	covered = make([]bool, months)
	var fewest uint64
	for m, n := range need {
		covered[m] = base+most*age(m, 0) >= n
		if covered[m] && n > base {
			fewest = max(fewest, (n-base+age(m, 0)-1)/age(m, 0))
		}
	}
	hires = make([]int64, months)
	steps = make([]uint64, months)
	for m := range steps {
		steps[m] = base
	}
	left := fewest
	for m := 0; m < months && left > 0; m++ {
		var k uint64
		for ahead := m; ahead < months && ahead-m < int(full); ahead++ {
			if !covered[ahead] {
				continue
			}
			// The rest, hired a month later, count one step less here.
			have := steps[ahead] + left*age(ahead, m+1)
			if need[ahead] > have {
				k = max(k, need[ahead]-have)
			}
		}
		k = min(k, left)
		if k == 0 {
			continue
		}
		hires[m] = int64(k)
		left -= k
		for ahead := m; ahead < months; ahead++ {
			steps[ahead] += k * age(ahead, m)
		}
	}
	return hires, steps, covered
}
