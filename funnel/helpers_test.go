package funnel_test

import (
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"embudo.app/funnel"
)

// fieldErr is the *FieldError in err; the test fails when err is nil or
// another error.
func fieldErr(t testing.TB, err error, msgAndArgs ...any) *funnel.FieldError {
	t.Helper()
	var fe *funnel.FieldError
	require.ErrorAs(t, err, &fe, msgAndArgs...)
	return fe
}

// requireFieldError checks err is want: no error at all when want is nil
// (a nil *FieldError inside an error is not nil, and fails), else a
// *FieldError equal to want.
func requireFieldError(t testing.TB, want *funnel.FieldError, err error, msgAndArgs ...any) {
	t.Helper()
	if want == nil {
		require.NoError(t, err, msgAndArgs...)
		return
	}
	require.Equal(t, want, fieldErr(t, err, msgAndArgs...), msgAndArgs...)
}

// newRand is a deterministic source, so property tests repeat exactly.
func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0x5eed)) }

// pick draws from [lo, hi], biased towards both ends and small magnitudes,
// where rounding and overflow bugs live.
func pick(r *rand.Rand, lo, hi int64) int64 {
	switch r.IntN(6) {
	case 0:
		return lo
	case 1:
		return hi
	case 2: // a random order of magnitude
		span := hi - lo
		for span > 1 && r.IntN(2) == 0 {
			span /= 10
		}
		return lo + r.Int64N(span+1)
	}
	return lo + r.Int64N(hi-lo+1)
}

// randomInputs is valid inputs of every shape; the plan may still pass
// MaxPeople.
func randomInputs(r *rand.Rand) funnel.Inputs {
	in := funnel.Inputs{
		Goal:   funnel.Money(pick(r, 1, 1_000_000_000_000_000)),
		Ticket: funnel.Money(pick(r, 1, 1_000_000_000_000_000)),
		Weeks:  pick(r, 1, 53),
		Cap:    pick(r, 1, 1000),
		Calls:  pick(r, 0, 100),
		Emails: pick(r, 0, 100),
		Visits: pick(r, 1, 1_000_000_000_000),
		Reps:   pick(r, 0, 100_000),
	}
	if r.IntN(2) == 0 { // realistic: goal a few hundred tickets
		in.Ticket = funnel.Money(pick(r, 100, 10_000_000))
		in.Goal = in.Ticket * funnel.Money(pick(r, 1, 100_000))
	}
	for i := range in.Rates {
		in.Rates[i] = funnel.Rate(pick(r, 1, 10000))
		if r.IntN(3) == 0 {
			in.Rates[i] = funnel.Rate(pick(r, 1000, 10000))
		}
	}
	return in
}

// The reference model: the spec's formulas in math/big, slow and obvious.

func rat(units int64, scale int) *big.Rat {
	return new(big.Rat).SetFrac(big.NewInt(units), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(scale)), nil))
}

func floorRat(x *big.Rat) int64 {
	return new(big.Int).Quo(x.Num(), x.Denom()).Int64()
}

func ceilRat(x *big.Rat) int64 {
	q, m := new(big.Int).QuoRem(x.Num(), x.Denom(), new(big.Int))
	if m.Sign() != 0 {
		q.Add(q, big.NewInt(1))
	}
	return q.Int64()
}

// roundRat is x rounded half up to 10^-scale, in those units.
func roundRat(x *big.Rat, scale int) int64 {
	y := new(big.Rat).Quo(x, rat(1, scale)) // x * 10^scale
	return floorRat(y.Add(y, big.NewRat(1, 2)))
}

// refStages is the plan's counts by the spec, in big numbers.
func refStages(in funnel.Inputs) [funnel.NumStages]*big.Int {
	var st [funnel.NumStages]*big.Int
	n := big.NewInt(ceilRat(new(big.Rat).Quo(rat(int64(in.Goal), 0), rat(int64(in.Ticket), 0))))
	st[funnel.Customers] = n
	for i := funnel.NumRates - 1; i >= 0; i-- {
		x := new(big.Rat).Quo(new(big.Rat).SetInt(n), rat(int64(in.Rates[i]), 4))
		q, m := new(big.Int).QuoRem(x.Num(), x.Denom(), new(big.Int))
		if m.Sign() != 0 {
			q.Add(q, big.NewInt(1))
		}
		n = q
		st[i] = n
	}
	return st
}

type refForecast struct {
	expected          [funnel.NumStages]int64
	traffic, capacity *big.Int // revenue in cents, unbounded
	capacityCustomers int64
}

// refForward is the forecast by the spec, as a reader with the screen
// would compute it: each stage is the figure above as shown (tenths) times
// its rate, rounded half up to tenths; revenue is the customers as shown
// times the ticket, rounded down to the cent. Rationals, no machine ints.
func refForward(in funnel.Inputs) refForecast {
	var f refForecast
	f.expected[0] = roundRat(rat(in.Visits*12, 0), 1)
	for i, r := range in.Rates {
		f.expected[i+1] = roundRat(new(big.Rat).Mul(rat(f.expected[i], 1), rat(int64(r), 4)), 1)
	}
	f.traffic = refRevenue(f.expected[funnel.Customers], in.Ticket)
	closed := roundRat(rat(in.Reps*in.Cap*in.Weeks, 0), 1)
	for _, r := range in.Rates[funnel.MQLs:] {
		closed = roundRat(new(big.Rat).Mul(rat(closed, 1), rat(int64(r), 4)), 1)
	}
	f.capacityCustomers = closed
	f.capacity = refRevenue(closed, in.Ticket)
	return f
}

// refRevenue is customers (tenths) x ticket, rounded down to the cent.
func refRevenue(customers int64, ticket funnel.Money) *big.Int {
	rev := new(big.Rat).Mul(rat(customers, 1), rat(int64(ticket), 2)) // currency units
	rev.Mul(rev, rat(100, 0))                                         // cents
	return new(big.Int).Quo(rev.Num(), rev.Denom())
}
