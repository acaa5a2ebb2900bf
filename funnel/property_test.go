package funnel_test

import (
	"math/big"
	"math/bits"
	"testing"

	"github.com/stretchr/testify/require"

	"embudo.app/funnel"
)

// checkPlan asserts what must hold of any successful plan: counts are
// exactly the spec's ceilings (so each count x its rate reaches the next,
// and one fewer would not), nothing is negative, and the staffing numbers
// agree with each other.
func checkPlan(t testing.TB, in funnel.Inputs, p funnel.Plan) {
	st := p.Stages
	cust := st[funnel.Customers].Year
	require.GreaterOrEqual(t, cust, int64(1))
	require.Equal(t, refStages(in)[funnel.Customers].Int64(), cust, "ceil(goal/ticket)")
	for i, r := range in.Rates {
		n, next := st[i].Year, st[i+1].Year
		require.LessOrEqual(t, n, int64(funnel.MaxPeople))
		// n*r >= next*10000 and (n-1)*r < next*10000, in uint64 (n*r < 1e19).
		require.GreaterOrEqual(t, uint64(n)*uint64(r), uint64(next)*10000, "stage %d reaches the next", i)
		require.Less(t, uint64(n-1)*uint64(r), uint64(next)*10000, "stage %d is the fewest that do", i)
		require.GreaterOrEqual(t, n, next, "a funnel narrows")
	}
	for _, per := range st {
		require.GreaterOrEqual(t, per.Quarter, funnel.Tenths(0))
		require.GreaterOrEqual(t, per.Month, funnel.Tenths(0))
		require.GreaterOrEqual(t, per.Week, funnel.Tenths(0))
		require.LessOrEqual(t, per.Month, per.Quarter)
	}
	perRep := in.Weeks * in.Cap
	mqls := st[funnel.MQLs].Year
	require.GreaterOrEqual(t, p.Reps, int64(1))
	require.GreaterOrEqual(t, p.Reps*perRep, mqls, "reps cover the MQLs")
	require.Less(t, (p.Reps-1)*perRep, mqls, "with none to spare")
	require.LessOrEqual(t, int64(p.FTE), p.Reps*100)
	require.LessOrEqual(t, int64(p.Load), in.Cap*10, "the average load never shows above the cap")
	require.LessOrEqual(t, p.SQLLoad, p.Load, "a rep works no more SQLs than MQLs")
	if p.Short != nil {
		require.Equal(t, p.Reps-1, p.Short.Reps)
		require.Less(t, p.Short.Covered, p.Short.Needed)
		require.Less(t, p.Short.Percent, funnel.Hundredths(10000))
		require.GreaterOrEqual(t, p.Short.Load, p.Load)
		require.Greater(t, int64(p.Short.Load), in.Cap*10, "the load shown is above the cap it exceeds")
	} else {
		require.True(t, p.Reps == 1 || mqls%perRep == 0)
	}
}

func TestPropertyPlan(t *testing.T) {
	r := newRand(4)
	var valid int
	for range 20_000 {
		in := randomInputs(r)
		p, err := funnel.ComputePlan(in)
		if err != nil {
			require.Equal(t, funnel.CodeResultLarge, fieldErr(t, err).Code, "%+v", in)
			continue
		}
		valid++
		checkPlan(t, in, p)

		// Raising any rate never raises any needed count.
		i := r.IntN(funnel.NumRates)
		raised := in
		raised.Rates[i] = funnel.Rate(pick(r, int64(in.Rates[i]), 10000))
		q, err := funnel.ComputePlan(raised)
		require.NoError(t, err, "a higher rate cannot need more people")
		for s := range q.Stages {
			require.LessOrEqual(t, q.Stages[s].Year, p.Stages[s].Year, "r%d up, stage %d", i+1, s)
		}
		require.LessOrEqual(t, q.Reps, p.Reps)

		// Nor does a lower goal or a larger ticket.
		lower := in
		lower.Goal = funnel.Money(pick(r, 1, int64(in.Goal)))
		lower.Ticket = funnel.Money(pick(r, int64(in.Ticket), 1_000_000_000_000_000))
		q, err = funnel.ComputePlan(lower)
		require.NoError(t, err)
		require.LessOrEqual(t, q.Stages[funnel.Visitors].Year, p.Stages[funnel.Visitors].Year)
	}
	require.Greater(t, valid, 10_000)
}

// TestPropertyForecastOfPlanReachesGoal: with the plan's monthly visits
// (rounded up) and reps, the forecast reaches the goal. It holds by
// induction down the chain: 12 x ceil(V/12) >= V visitors, and if a shown
// stage is at least the planned (whole) count n, then shown x r >= n x r >=
// the next planned count, a whole number, and rounding half up a value at
// least a whole number k gives at least k. So the shown customers are at
// least ceil(goal/ticket), and customers x ticket >= goal; rounding down to
// the cent cannot pass below the goal, a whole number of cents. The same
// chain holds for capacity from reps x cap x weeks >= MQLs.
func TestPropertyForecastOfPlanReachesGoal(t *testing.T) {
	r := newRand(5)
	var checked int
	for range 20_000 {
		in := randomInputs(r)
		p, err := funnel.ComputePlan(in)
		if err != nil {
			continue
		}
		f, err := funnel.ComputeForecast(in)
		if err != nil {
			require.Equal(t, funnel.CodeResultLarge, fieldErr(t, err).Code, "%+v", err)
		}
		if err == nil {
			require.Equal(t, p.Reps, f.RepsNeeded)
			require.Equal(t, (p.Stages[funnel.Visitors].Year+11)/12, f.VisitsNeeded)
		}
		in.Visits = (p.Stages[funnel.Visitors].Year + 11) / 12
		in.Reps = p.Reps
		if in.Visits > 1_000_000_000_000 || in.Reps > 100_000 {
			continue // past the forecast's input limits
		}
		f, err = funnel.ComputeForecast(in)
		if err != nil {
			require.Equal(t, funnel.CodeResultLarge, fieldErr(t, err).Code)
			continue
		}
		checked++
		require.GreaterOrEqual(t, f.TrafficRevenue, in.Goal, "%+v", in)
		require.GreaterOrEqual(t, f.CapacityRevenue, in.Goal, "%+v", in)
		require.GreaterOrEqual(t, f.Revenue, in.Goal)
		require.Zero(t, f.Gap)
		require.Equal(t, f.VisitsNeeded, in.Visits)
		require.Equal(t, f.RepsNeeded, in.Reps)
	}
	require.Greater(t, checked, 5000)
}

// TestPropertyForecastChainsAsShown: whoever multiplies the figures shown
// gets the next figure shown. Expected[i+1] is Expected[i] x r rounded
// half up to tenths, capacity chains the same way from CapacityMQLs, and
// each revenue is its customers shown x ticket rounded down to the cent.
// Machine ints here (refForward uses big.Rat). The chain also stays near
// the exact fraction: each step adds at most half a tenth of error and no
// rate above 100 % amplifies it, so stage i is within i/2 tenths of exact.
func TestPropertyForecastChainsAsShown(t *testing.T) {
	r := newRand(7)
	// (2tr + 10^4) / (2 x 10^4) is tr/10^4 rounded half up; 2tr < 2.4e18.
	halfUp := func(t funnel.Tenths, rate funnel.Rate) funnel.Tenths {
		return funnel.Tenths((2*int64(t)*int64(rate) + 10000) / 20000)
	}
	revenue := func(c funnel.Tenths, ticket funnel.Money) funnel.Money {
		hi, lo := bits.Mul64(uint64(c), uint64(ticket))
		require.Less(t, hi, uint64(10), "the quotient fits 64 bits")
		q, _ := bits.Div64(hi, lo, 10)
		return funnel.Money(q)
	}
	var checked int
	for range 20_000 {
		in := randomInputs(r)
		f, err := funnel.ComputeForecast(in)
		if err != nil {
			require.Equal(t, funnel.CodeResultLarge, fieldErr(t, err).Code, "%+v", in)
			continue
		}
		checked++
		require.Equal(t, funnel.Tenths(in.Visits*12*10), f.Expected[funnel.Visitors])
		exact := big.NewInt(in.Visits * 12 * 10) // tenths x 10^(4i) after i rates
		scale := big.NewInt(1)
		for i, rate := range in.Rates {
			e, next := f.Expected[i], f.Expected[i+1]
			require.Equal(t, halfUp(e, rate), next, "%+v stage %d", in, i+1)
			require.LessOrEqual(t, next, e, "a funnel narrows")

			exact.Mul(exact, big.NewInt(int64(rate)))
			scale.Mul(scale, big.NewInt(10000))
			diff := new(big.Int).Mul(big.NewInt(int64(next)), scale)
			diff.Sub(diff, exact).Abs(diff).Mul(diff, big.NewInt(2))
			bound := new(big.Int).Mul(scale, big.NewInt(int64(i+1)))
			require.LessOrEqual(t, diff.Cmp(bound), 0, "%+v stage %d drifts", in, i+1)
		}
		require.Equal(t, revenue(f.Expected[funnel.Customers], in.Ticket), f.TrafficRevenue, "%+v", in)

		closed := funnel.Tenths(f.CapacityMQLs * 10)
		for _, rate := range in.Rates[funnel.MQLs:] {
			closed = halfUp(closed, rate)
		}
		require.Equal(t, closed, f.CapacityCustomers, "%+v", in)
		require.Equal(t, revenue(f.CapacityCustomers, in.Ticket), f.CapacityRevenue, "%+v", in)
	}
	t.Logf("%d forecasts", checked)
	require.Greater(t, checked, 5000)
}

func TestPropertySensitivity(t *testing.T) {
	r := newRand(6)
	for range 3000 {
		in := randomInputs(r)
		step := funnel.Rate(pick(r, 1, 10000))
		for _, mode := range []funnel.Mode{funnel.ModePlan, funnel.ModeForecast} {
			s, err := funnel.ComputeSensitivity(in, mode, step)
			if err != nil {
				require.Equal(t, funnel.CodeResultLarge, fieldErr(t, err).Code)
				continue
			}
			seen := 0
			for i, l := range s.Levers {
				seen |= 1 << l.Rate
				require.Equal(t, in.Rates[l.Rate-1], l.From)
				require.Equal(t, min(l.From+step, 10000), l.To)
				require.Equal(t, l.After-l.Before, l.Delta)
				require.GreaterOrEqual(t, l.After, int64(0))
				if mode == funnel.ModePlan {
					require.LessOrEqual(t, l.Delta, int64(0))
				} else {
					require.GreaterOrEqual(t, l.Delta, int64(0))
				}
				if i > 0 {
					prev := s.Levers[i-1]
					d, pd := abs64(l.Delta), abs64(prev.Delta)
					require.True(t, pd > d || pd == d && prev.Rate < l.Rate, "sorted")
				}
			}
			require.Equal(t, 0b111110, seen, "each rate once")
		}
	}
}

func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}
