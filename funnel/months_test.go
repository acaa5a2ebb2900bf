package funnel_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"embudo.app/funnel"
)

// monthRow is what a test checks of a month: its label, lead-in flag and
// one stage (or every stage).
func label(m funnel.Month) string { return fmt.Sprintf("%04d-%02d", m.Year, m.Month) }

func stageOf(mp funnel.MonthPlan, s funnel.Stage) []int64 {
	out := make([]int64, len(mp.Months))
	for i, m := range mp.Months {
		out[i] = m.Stages[s]
	}
	return out
}

func labels(mp funnel.MonthPlan) []string {
	out := make([]string, len(mp.Months))
	for i, m := range mp.Months {
		out[i] = label(m)
	}
	return out
}

func repeat(v int64, n int) []int64 {
	out := make([]int64, n)
	for i := range out {
		out[i] = v
	}
	return out
}

func concat(parts ...[]int64) []int64 { return slices.Concat(parts...) }

// inputsFor is the seed example with a goal of customers × 1,000.
func inputsFor(customers int64) funnel.Inputs {
	in := funnel.Defaults()
	in.Goal = funnel.Money(customers * 100_000)
	return in
}

// TestMonthsWorkedExamples are worked by hand (see each case).
func TestMonthsWorkedExamples(t *testing.T) {
	t.Run("flat, no lag: 120 customers are 10 a month", func(t *testing.T) {
		// 120 customers at 50 % a stage: 240 opportunities, 480 SQLs, 960
		// MQLs, 1,920 leads, 3,840 visitors; twelve equal months. A rep
		// reviews 8 × 48 / 12 = 32 MQLs a month: 3 reps 96 >= 80.
		mp, err := funnel.ComputeMonths(inputsFor(120), funnel.Calendar{}, 2025)
		require.NoError(t, err)
		require.Len(t, mp.Months, 12)
		assert.Equal(t, 0, mp.LeadIn)
		assert.Equal(t, "2025-01", label(mp.Months[0]))
		assert.Equal(t, "2025-12", label(mp.Months[11]))
		want := map[funnel.Stage]int64{funnel.Customers: 10, funnel.Opportunities: 20, funnel.SQLs: 40,
			funnel.MQLs: 80, funnel.Leads: 160, funnel.Visitors: 320}
		for s, v := range want {
			assert.Equal(t, repeat(v, 12), stageOf(mp, s), "%s", s.Key())
		}
		for _, m := range mp.Months {
			assert.Equal(t, funnel.Tenths(960), m.Capacity.Tenths())
			assert.Equal(t, int64(3), m.Team)
			assert.False(t, m.Uncovered)
		}
		assert.Zero(t, mp.Hires)
	})

	t.Run("a December peak, by largest remainder", func(t *testing.T) {
		// 100 customers, December weighs 3, the rest 1: 100/14 = 7.14 a
		// month and 300/14 = 21.43 in December. Floors: 11 × 7 + 21 = 98;
		// the 2 left go to the largest remainders: December's 6/14, then
		// the earliest of the eleven 2/14: January.
		var cal funnel.Calendar
		require.NoError(t, setCal(&cal, funnel.FieldSeason, "1,1,1,1,1,1,1,1,1,1,1,3"))
		mp, err := funnel.ComputeMonths(inputsFor(100), cal, 2025)
		require.NoError(t, err)
		assert.Equal(t, concat([]int64{8}, repeat(7, 10), []int64{22}), stageOf(mp, funnel.Customers))
	})

	t.Run("a peak in a fiscal year from July", func(t *testing.T) {
		// The same weights in fiscal order from July: the peak is June.
		cal := funnel.Calendar{Start: 7, Season: [12]int64{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3}}
		mp, err := funnel.ComputeMonths(inputsFor(100), cal, 2025)
		require.NoError(t, err)
		assert.Equal(t, "2025-07", label(mp.Months[0]))
		assert.Equal(t, "2026-06", label(mp.Months[11]))
		assert.Equal(t, int64(22), mp.Months[11].Stages[funnel.Customers])
	})

	t.Run("a 45-day cycle is split between two months", func(t *testing.T) {
		// Opportunities close 45 days before the customers: 45 × 16/487 =
		// 1 + 233/487 months. Each fiscal month's 20 opportunities go
		// 254/487 to the month before and 233/487 to the one before that.
		// Two months before January (November) gets 20 × 233/487 = 9.57,
		// December to October 20 each, November 20 × 254/487 = 10.43,
		// December none. Floors sum to 239; the one left goes to the
		// larger remainder, November before the year: 10.
		cal := funnel.Calendar{Lags: [5]int64{0, 0, 0, 0, 45}}
		mp, err := funnel.ComputeMonths(inputsFor(120), cal, 2025)
		require.NoError(t, err)
		assert.Equal(t, 2, mp.LeadIn)
		assert.Equal(t, []string{"2024-11", "2024-12", "2025-01"}, labels(mp)[:3])
		assert.True(t, mp.Months[0].LeadIn)
		assert.True(t, mp.Months[1].LeadIn)
		assert.False(t, mp.Months[2].LeadIn)
		assert.Equal(t, concat([]int64{10}, repeat(20, 11), []int64{10, 0}), stageOf(mp, funnel.Opportunities))
		assert.Equal(t, concat([]int64{0, 0}, repeat(10, 12)), stageOf(mp, funnel.Customers))
		// The stages above move with the opportunities (the same 45 days).
		assert.Equal(t, concat([]int64{19}, repeat(40, 11), []int64{21, 0}), stageOf(mp, funnel.SQLs))
	})

	t.Run("a ramp of 3 with hires before the year", func(t *testing.T) {
		// Every rate 100 %: 120 of each stage, 10 MQLs a month. A rep
		// reviews 1 × 12 / 12 = 1 MQL a month, none on board. Visitors
		// come 92 days before leads: 3 + 11/487 months, so visitors start
		// in October (November 2024 to August are 10 each; the 0.23 of
		// September before and 9.77 of August: August takes the one
		// left). January needs 10 reps at full capacity: with a ramp of
		// 3 they work at 1/4, 2/4, 3/4 and then fully, so all 10 are
		// hired by October, as late as that allows.
		in := inputsFor(120)
		in.Rates = [5]funnel.Rate{10000, 10000, 10000, 10000, 10000}
		in.Cap, in.Weeks, in.Reps = 1, 12, 0
		cal := funnel.Calendar{Lags: [5]int64{92, 0, 0, 0, 0}, Ramp: 3}
		mp, err := funnel.ComputeMonths(in, cal, 2025)
		require.NoError(t, err)
		assert.Equal(t, 3, mp.LeadIn)
		assert.Equal(t, "2024-10", label(mp.Months[0]))
		assert.Equal(t, concat(repeat(10, 11), []int64{10, 0, 0, 0}), stageOf(mp, funnel.Visitors))
		assert.Equal(t, concat(repeat(0, 3), repeat(10, 12)), stageOf(mp, funnel.MQLs))
		assert.Equal(t, int64(10), mp.Hires)
		assert.Equal(t, int64(10), mp.Months[0].Hires)
		var caps []funnel.Tenths
		for _, m := range mp.Months[:5] {
			caps = append(caps, m.Capacity.Tenths())
			assert.False(t, m.Uncovered)
		}
		assert.Equal(t, []funnel.Tenths{25, 50, 75, 100, 100}, caps)
	})

	t.Run("no lead-in: the ramp leaves the first months short", func(t *testing.T) {
		// The same without the lag: hires start in January at the
		// earliest. 10 reps hired then review 2.5, 5 and 7.5 MQLs in
		// January to March: those months cannot be covered (hiring more
		// than the 10 the busiest month needs is not a plan) and say so.
		in := inputsFor(120)
		in.Rates = [5]funnel.Rate{10000, 10000, 10000, 10000, 10000}
		in.Cap, in.Weeks, in.Reps = 1, 12, 0
		mp, err := funnel.ComputeMonths(in, funnel.Calendar{Ramp: 3}, 2025)
		require.NoError(t, err)
		assert.Equal(t, int64(10), mp.Months[0].Hires)
		assert.Equal(t, 3, mp.Uncovered)
		var short []funnel.Tenths
		for _, m := range mp.Months[:4] {
			short = append(short, m.Short)
		}
		assert.Equal(t, []funnel.Tenths{75, 50, 25, 0}, short)
	})

	t.Run("hires as late as possible as the season grows", func(t *testing.T) {
		// 1 MQL a rep a month, 1 rep on board, no ramp: the months need
		// 1, 1, ..., then 3 in the peak: two hires by the peak month.
		in := inputsFor(12)
		in.Rates = [5]funnel.Rate{10000, 10000, 10000, 10000, 10000}
		in.Cap, in.Weeks, in.Reps = 1, 12, 1
		cal := funnel.Calendar{Season: [12]int64{1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 0, 0}}
		mp, err := funnel.ComputeMonths(in, cal, 2025)
		require.NoError(t, err)
		assert.Equal(t, concat(repeat(1, 9), []int64{3, 0, 0}), stageOf(mp, funnel.MQLs))
		assert.Equal(t, int64(2), mp.Hires)
		assert.Equal(t, int64(2), mp.Months[9].Hires)
	})
}

func setCal(c *funnel.Calendar, f funnel.Field, text string) error {
	s := funnel.DefaultScenario()
	s.Cal = *c
	err := s.Set(f, text)
	*c = s.Cal
	return err
}

func TestCalendarDefaults(t *testing.T) {
	var c funnel.Calendar
	assert.Equal(t, int64(2031), c.FiscalYear(2031))
	assert.Equal(t, int64(1), c.StartMonth())
	assert.Equal(t, int64(100), c.Attainment())
	assert.Equal(t, [12]int64{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, c.Weights())
	c = funnel.Calendar{Year: 2024, Start: 4, Attain: 85}
	assert.Equal(t, int64(2024), c.FiscalYear(2031))
	assert.Equal(t, int64(4), c.StartMonth())
	assert.Equal(t, int64(85), c.Attainment())
	assert.Zero(t, funnel.Capacity{}.Tenths())
	assert.Equal(t, funnel.Tenths(25), funnel.Capacity{Num: 30, Den: 12}.Tenths())
	assert.True(t, funnel.Capacity{Num: 30, Den: 12}.Covers(2))
	assert.False(t, funnel.Capacity{Num: 30, Den: 12}.Covers(3))
}

func TestMonthsErrors(t *testing.T) {
	in := funnel.Defaults()
	in.Weeks = 0
	_, err := funnel.ComputeMonths(in, funnel.Calendar{}, 2025)
	assert.Equal(t, funnel.FieldWeeks, fieldErr(t, err).Field)
	_, err = funnel.ComputeMonths(funnel.Defaults(), funnel.Calendar{Ramp: 13}, 2025)
	assert.Equal(t, funnel.FieldRamp, fieldErr(t, err).Field)
	for _, cal := range []funnel.Calendar{{Year: 1800}, {Start: 13}, {Season: [12]int64{1001}}, {Lags: [5]int64{0, 366}}, {Attain: 101}} {
		_, err = funnel.ComputeMonths(funnel.Defaults(), cal, 2025)
		assert.Error(t, err, "%+v", cal)
	}
	in = funnel.Defaults()
	in.Goal, in.Ticket = 1_000_000_000_000_000, 1
	_, err = funnel.ComputeMonths(in, funnel.Calendar{}, 2025)
	assert.Equal(t, funnel.CodeResultLarge, fieldErr(t, err).Code)
}

func TestCalendarParams(t *testing.T) {
	tests := []struct {
		raw  string
		want funnel.Calendar
		err  *funnel.FieldError
	}{
		{"year=2026", funnel.Calendar{Year: 2026}, nil},
		{"year=", funnel.Calendar{}, nil},
		{"year=1899", funnel.Calendar{}, &funnel.FieldError{Field: "year", Code: funnel.CodeTooSmall, Min: 1900, Max: 2999}},
		{"start=7", funnel.Calendar{Start: 7}, nil},
		{"start=1", funnel.Calendar{}, nil},
		{"start=0", funnel.Calendar{}, &funnel.FieldError{Field: "start", Code: funnel.CodeTooSmall, Min: 1, Max: 12}},
		{"start=x", funnel.Calendar{}, &funnel.FieldError{Field: "start", Code: funnel.CodeNotNumber, Min: 1, Max: 12}},
		{"season=1,1,1,1,1,1,1,1,1,1,1,3", funnel.Calendar{Season: [12]int64{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3}}, nil},
		{"season= 2, 2,2,2,2,2,2,2,2,2,2,2", funnel.Calendar{}, nil}, // equal weights are the default
		{"season=0,0,0,0,0,0,0,0,0,0,0,0", funnel.Calendar{}, &funnel.FieldError{Field: "season", Code: funnel.CodeUnknown}},
		{"season=", funnel.Calendar{}, nil},
		{"season=1,2,3", funnel.Calendar{}, &funnel.FieldError{Field: "season", Code: funnel.CodeUnknown}},
		{"season=1,1,1,1,1,1,1,1,1,1,1,1,1", funnel.Calendar{}, &funnel.FieldError{Field: "season", Code: funnel.CodeUnknown}},
		{"season=1,1,1,1,1,1,1,1,1,1,1,1001", funnel.Calendar{}, &funnel.FieldError{Field: "season", Code: funnel.CodeTooLarge, Max: 1000}},
		{"season=1,1,1,1,1,1,1,1,1,1,1,1.5", funnel.Calendar{}, &funnel.FieldError{Field: "season", Code: funnel.CodeDecimals, Max: 1000}},
		{"lag=0,0,0,30,60", funnel.Calendar{Lags: [5]int64{0, 0, 0, 30, 60}}, nil},
		{"lag=0,0,0,0,366", funnel.Calendar{}, &funnel.FieldError{Field: "lag", Code: funnel.CodeTooLarge, Max: 365}},
		{"lag=0,0,0,,1", funnel.Calendar{}, &funnel.FieldError{Field: "lag", Code: funnel.CodeNotNumber, Max: 365}},
		{"lag=60", funnel.Calendar{}, &funnel.FieldError{Field: "lag", Code: funnel.CodeUnknown}},
		{"ramp=3", funnel.Calendar{Ramp: 3}, nil},
		{"ramp=13", funnel.Calendar{}, &funnel.FieldError{Field: "ramp", Code: funnel.CodeTooLarge, Max: 12}},
		{"attain=85", funnel.Calendar{Attain: 85}, nil},
		{"attain=100", funnel.Calendar{}, nil},
		{"attain=0", funnel.Calendar{}, &funnel.FieldError{Field: "attain", Code: funnel.CodeTooSmall, Min: 1, Max: 100}},
		{"lag=" + string(make([]byte, 81)), funnel.Calendar{}, &funnel.FieldError{Field: "lag", Code: funnel.CodeTooLong}},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			s, errs := parse(t, tt.raw+"&goal=200000")
			assert.Equal(t, tt.want, s.Cal)
			assert.Equal(t, int64(20_000_000), int64(s.Goal), "the rest of the link applies")
			if tt.err == nil {
				assert.Empty(t, errs)
				return
			}
			require.Len(t, errs, 1)
			assert.Equal(t, tt.err, errs[0])
		})
	}
}

func TestCalendarRoundTrip(t *testing.T) {
	r := newRand(16)
	for range 2000 {
		s := funnel.DefaultScenario()
		s.Inputs = randomInputs(r)
		set := func(f funnel.Field, text string) { require.NoError(t, s.Set(f, text), "%s=%s", f, text) }
		if r.IntN(2) == 0 {
			set(funnel.FieldYear, fmt.Sprint(pick(r, 1900, 2999)))
		}
		set(funnel.FieldStart, fmt.Sprint(pick(r, 1, 12)))
		set(funnel.FieldRamp, fmt.Sprint(pick(r, 0, 12)))
		set(funnel.FieldAttain, fmt.Sprint(pick(r, 1, 100)))
		var w, lags []string
		for i := range 12 {
			w = append(w, fmt.Sprint(pick(r, 0, 1000)))
			if i == 0 {
				w[0] = fmt.Sprint(pick(r, 1, 1000))
			}
		}
		for range 5 {
			lags = append(lags, fmt.Sprint(pick(r, 0, 365)))
		}
		set(funnel.FieldSeason, joinComma(w))
		set(funnel.FieldLag, joinComma(lags))
		raw := s.Query().Encode()
		back, errs := parse(t, raw)
		require.Empty(t, errs, raw)
		require.Equal(t, s, back, raw)
		for k, v := range s.Query() {
			limit := funnel.MaxParamLen
			if k == "season" || k == "lag" {
				limit = funnel.MaxListLen
			}
			require.LessOrEqual(t, len(v[0]), limit, k)
		}
	}
	q := funnel.DefaultScenario().Query()
	for _, f := range funnel.CalendarFields {
		assert.False(t, q.Has(string(f)), "the default %s stays out of the link", f)
		assert.True(t, funnel.IsParam(string(f)))
	}
}

func joinComma(items []string) string {
	s := ""
	for i, it := range items {
		if i > 0 {
			s += ","
		}
		s += it
	}
	return s
}

// randomCalendar is a valid calendar of every shape.
func randomCalendar(r interface {
	IntN(int) int
	Int64N(int64) int64
}) funnel.Calendar {
	var c funnel.Calendar
	c.Start = int64(r.IntN(12)) + 1
	if c.Start == 1 {
		c.Start = 0
	}
	if r.IntN(3) > 0 {
		for i := range c.Season {
			c.Season[i] = r.Int64N(1001)
			if r.IntN(3) == 0 {
				c.Season[i] = 0
			}
		}
		c.Season[r.IntN(12)] = r.Int64N(1000) + 1
	}
	for i := range c.Lags {
		if r.IntN(2) == 0 {
			c.Lags[i] = r.Int64N(366)
		}
	}
	c.Ramp = r.Int64N(13)
	c.Attain = r.Int64N(100)
	return c
}

// TestPropertyMonths: every stage's months sum to the yearly plan, no
// volume is negative, the months run without a gap from the first
// lead-in month (which has volume), and the hiring plan covers every
// month it does not flag.
func TestPropertyMonths(t *testing.T) {
	r := newRand(16)
	var checked int
	for range 3000 {
		in := randomInputs(r)
		if r.IntN(2) == 0 { // realistic sizes
			in.Goal = in.Ticket * funnel.Money(pick(r, 1, 5000))
		}
		cal := randomCalendar(r)
		p, err := funnel.ComputePlan(in)
		if err != nil {
			continue
		}
		mp, err := funnel.ComputeMonths(in, cal, 2025)
		require.NoError(t, err)
		checked++
		require.Len(t, mp.Months, mp.LeadIn+12)
		for s := range funnel.Stages {
			var sum int64
			for _, m := range mp.Months {
				require.GreaterOrEqual(t, m.Stages[s], int64(0))
				sum += m.Stages[s]
			}
			require.Equal(t, p.Stages[s].Year, sum, "stage %d, %+v", s, cal)
		}
		if mp.LeadIn > 0 {
			var first int64
			for _, v := range mp.Months[0].Stages {
				first += v
			}
			require.Positive(t, first, "a lead-in month needs volume")
		}
		team, hires := in.Reps, int64(0)
		for i, m := range mp.Months {
			require.Equal(t, i < mp.LeadIn, m.LeadIn)
			wantMonth := (cal.StartMonth()-1+int64(i-mp.LeadIn)+120)%12 + 1
			require.Equal(t, wantMonth, m.Month)
			require.GreaterOrEqual(t, m.Hires, int64(0))
			team += m.Hires
			hires += m.Hires
			require.Equal(t, team, m.Team)
			covers := m.Capacity.Covers(m.Stages[funnel.MQLs])
			require.Equal(t, !covers, m.Uncovered, "month %d: flagged exactly when not covered", i)
			if m.Uncovered {
				require.Positive(t, m.Short)
			}
		}
		require.Equal(t, hires, mp.Hires)
	}
	require.Greater(t, checked, 1500)
}

// TestPropertyWholeMonthShift: shifting by whole months moves the series
// without changing it.
func TestPropertyWholeMonthShift(t *testing.T) {
	r := newRand(17)
	for range 3000 {
		c := randomCalendar(r)
		w := c.Weights()
		n := pick(r, 0, funnel.MaxPeople)
		shift := pick(r, 0, 20*487)
		k := int(pick(r, 1, 40))
		a := funnel.Spread(n, &w, shift)
		b := funnel.Spread(n, &w, shift+int64(k)*487)
		require.Equal(t, a[k:], b[:len(b)-k], "shift %d by %d months", shift, k)
		require.Equal(t, make([]int64, k), b[len(b)-k:])
		var sum int64
		for _, v := range b {
			require.GreaterOrEqual(t, v, int64(0))
			sum += v
		}
		require.Equal(t, n, sum)
	}
	// 487 days are 16 months exactly: a 487-day lag (two lags of 243 and
	// 244) moves the visitors 16 months before the leads' shape.
	in := inputsFor(120)
	mp, err := funnel.ComputeMonths(in, funnel.Calendar{Lags: [5]int64{243, 244}}, 2025)
	require.NoError(t, err)
	require.Equal(t, 16, mp.LeadIn)
	vis := stageOf(mp, funnel.Visitors)
	assert.Equal(t, concat(repeat(320, 12), repeat(0, 16)), vis)
}

// TestHirePlanBruteForce: on small cases, against every plan of up to the
// bound's hires: the plan covers every month any such plan can, no plan
// with fewer hires covers those, and no plan with as many, each as late or
// later, does.
func TestHirePlanBruteForce(t *testing.T) {
	r := newRand(18)
	for range 3000 {
		months := r.IntN(6) + 1
		full := uint64(r.IntN(4) + 1)
		base := uint64(r.IntN(3)) * full
		need := make([]uint64, months)
		for i := range need {
			need[i] = uint64(r.IntN(int(3*full + 4)))
		}
		hires, steps, covered := funnel.HirePlan(need, base, full)
		var most uint64
		for _, n := range need {
			if n > base {
				most = max(most, (n-base+full-1)/full)
			}
		}
		stepsOf := func(plan []int) []uint64 {
			s := make([]uint64, months)
			for m := range s {
				s[m] = base
				for _, h := range plan {
					if m >= h {
						s[m] += min(uint64(m-h+1), full)
					}
				}
			}
			return s
		}
		var ours []int
		for m, k := range hires {
			for range k {
				ours = append(ours, m)
			}
		}
		require.Equal(t, stepsOf(ours), steps)
		// Every plan of up to most hires, as sorted hire months.
		var plans [][]int
		var gen func(plan []int, from int)
		gen = func(plan []int, from int) {
			plans = append(plans, slices.Clone(plan))
			if uint64(len(plan)) == most {
				return
			}
			for m := from; m < months; m++ {
				gen(append(plan, m), m)
			}
		}
		gen(nil, 0)
		coverable := make([]bool, months)
		for _, p := range plans {
			for m, s := range stepsOf(p) {
				coverable[m] = coverable[m] || s >= need[m]
			}
		}
		require.Equal(t, coverable, covered, "need %v base %d full %d", need, base, full)
		coversAll := func(p []int) bool {
			for m, s := range stepsOf(p) {
				if coverable[m] && s < need[m] {
					return false
				}
			}
			return true
		}
		require.True(t, coversAll(ours), "need %v base %d full %d: %v", need, base, full, ours)
		for _, p := range plans {
			if !coversAll(p) {
				continue
			}
			require.GreaterOrEqual(t, len(p), len(ours), "fewer hires cover: %v against %v (need %v)", p, ours, need)
			if len(p) != len(ours) || slices.Equal(p, ours) {
				continue
			}
			later := true
			for i := range p {
				later = later && p[i] >= ours[i]
			}
			require.False(t, later, "later hires cover: %v against %v (need %v base %d full %d)", p, ours, need, base, full)
		}
	}
}
