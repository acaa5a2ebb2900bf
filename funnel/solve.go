package funnel

import "math/bits"

// SolveFields are the levers Solve can solve for, in the order the UI
// offers them: the rates, then traffic, the team and the ticket.
var SolveFields = [...]Field{FieldR1, FieldR2, FieldR3, FieldR4, FieldR5, FieldVisits, FieldReps, FieldCap, FieldTicket}

// IsSolveField tells whether Solve can solve for f.
func IsSolveField(f Field) bool {
	for _, s := range SolveFields {
		if s == f {
			return true
		}
	}
	return false
}

// Solution is Solve's answer for one lever.
type Solution struct {
	Field Field
	// Feasible: some value in the field's range makes the forecast's
	// revenue reach the goal. Value is then the smallest such value (fixed
	// point with the field's Scale, as Inputs.Value gives it): at Value
	// the goal is reached, at Value minus one step it is not (or Value is
	// the field's minimum).
	Feasible bool
	Value    int64
	// Met: the goal is reached already with the lever as it is; Value is
	// then the lowest it could go and still reach it.
	Met bool
	// Infeasible: even at the field's maximum (Max), Limit caps the
	// forecast's revenue at Ceiling, below the goal.
	Max     int64
	Limit   Bottleneck
	Ceiling Money
}

// Solve finds the smallest value of lever f (one of SolveFields), at the
// field's own resolution and within its limits, for which the forecast's
// revenue (the smaller of traffic and capacity revenue, with the
// forecast's own rounding at every stage) reaches the goal, every other
// input as given. The inputs must be valid. The error is a *FieldError.
//
// The forecast's revenue never falls when one lever rises (every stage is
// a rounded product of non-negative figures, and rounding half up is
// monotone), so a binary search over the whole integer range, with the
// forecast's exact arithmetic as its test, finds the minimum exactly.
func Solve(in Inputs, f Field) (Solution, error) {
	if err := in.firstError(true); err != nil {
		return Solution{}, err
	}
	sp := specOf(f)
	if sp == nil || !IsSolveField(f) {
		return Solution{}, &FieldError{Field: f, Code: CodeUnknown}
	}
	lever := sp.ptr(&in)
	at := func(v int64) bool {
		*lever = v
		return reaches(&in, in.Goal)
	}
	cur := *lever
	s := Solution{Field: f, Max: sp.Limits.Max}
	s.Met = at(cur)
	lo, hi := sp.Limits.Min, sp.Limits.Max
	if s.Met {
		hi = cur
	} else if !at(hi) {
		*lever = hi
		traffic, capacity := customersOf(&in)
		th, tl := revenue128(traffic, in.Ticket)
		ch, cl := revenue128(capacity, in.Ticket)
		// As forward: sales binds when its revenue is the smaller, traffic
		// on a tie; the smaller is below the goal, so it fits in Money.
		s.Limit, s.Ceiling = BottleneckTraffic, Money(tl)
		if ch < th || ch == th && cl < tl {
			s.Limit, s.Ceiling = BottleneckSales, Money(cl)
		}
		return s, nil
	} else {
		lo = cur + 1
	}
	// at(hi) holds; find the least v in [lo, hi] where it does.
	for lo < hi {
		mid := lo + (hi-lo)/2
		if at(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	s.Feasible, s.Value = true, lo
	return s, nil
}

// customersOf is the customers a year, in tenths, that traffic and sales
// capacity each allow: forward's chains, without revenue.
func customersOf(in *Inputs) (traffic, capacity Tenths) {
	traffic = Tenths(in.Visits * 12 * 10)
	for _, r := range in.Rates {
		traffic = traffic.times(r)
	}
	capacity = Tenths(in.Reps * in.Cap * in.Weeks * 10)
	for _, r := range in.Rates[MQLs:] {
		capacity = capacity.times(r)
	}
	return traffic, capacity
}

// reaches tells whether the forecast's revenue, floor(min(customers) x
// ticket / 10), is at least goal: compared in 128 bits, as customers x
// ticket >= goal x 10 (goal x 10 < 2^64 for any valid goal), so revenue
// past MaxRevenue compares right too.
func reaches(in *Inputs, goal Money) bool {
	traffic, capacity := customersOf(in)
	hi, lo := bits.Mul64(uint64(min(traffic, capacity)), uint64(in.Ticket))
	return hi != 0 || lo >= uint64(goal)*10
}

// revenue128 is customers x ticket rounded down to the cent, in 128 bits.
func revenue128(customers Tenths, ticket Money) (hi, lo uint64) {
	hi, lo = bits.Mul64(uint64(customers), uint64(ticket))
	lo, _ = bits.Div64(hi%10, lo, 10)
	return hi / 10, lo
}
