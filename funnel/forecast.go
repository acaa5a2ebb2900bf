package funnel

import "math/bits"

// ComputeForecast works forwards from Visits and Reps. It validates every
// field (the goal and the plan's needs are part of the answer) and fails
// with CodeResultLarge when a revenue would pass MaxRevenue or the plan a
// stage past MaxPeople. The error is a *FieldError.
func ComputeForecast(in Inputs) (Forecast, error) {
	if err := in.firstError(true); err != nil {
		return Forecast{}, err
	}
	need, err := stagesNeeded(&in)
	if err != nil {
		return Forecast{}, err
	}
	f, err := forward(&in)
	if err != nil {
		return Forecast{}, err
	}
	f.VisitsNeeded = ceilDiv(need[Visitors], 12)
	f.RepsNeeded = max(ceilDiv(need[MQLs], in.Weeks*in.Cap), 1)
	return f, nil
}

// forward is the forecast without the plan's needs; inputs must be valid.
//
// Each stage is the stage above as shown (tenths) times its rate, rounded
// half up to tenths, and revenue is the customers shown times the ticket,
// rounded down to the cent: every figure on screen multiplies through to
// the next. Tenths stay below 1.2e14, so tenths x rate fits an int64.
func forward(in *Inputs) (Forecast, *FieldError) {
	var f Forecast
	f.Expected[Visitors] = Tenths(in.Visits * 12 * 10)
	for i, r := range in.Rates {
		f.Expected[i+1] = f.Expected[i].times(r)
	}
	traffic, ok := revenueOf(f.Expected[Customers], in.Ticket)
	if !ok {
		return Forecast{}, revenueTooLarge()
	}

	// Sales capacity: the MQLs the team reviews, through r3, r4 and r5.
	f.CapacityMQLs = in.Reps * in.Cap * in.Weeks
	closed := Tenths(f.CapacityMQLs * 10)
	for _, r := range in.Rates[MQLs:] {
		closed = closed.times(r)
	}
	f.CapacityCustomers = closed
	capacity, ok := revenueOf(closed, in.Ticket)
	if !ok {
		return Forecast{}, revenueTooLarge()
	}

	f.TrafficRevenue, f.CapacityRevenue = traffic, capacity
	f.Customers = min(f.Expected[Customers], closed)
	f.Revenue, f.Bottleneck = traffic, BottleneckTraffic
	if capacity < traffic {
		f.Revenue, f.Bottleneck = capacity, BottleneckSales
	}
	f.Gap = max(in.Goal-f.Revenue, 0)
	f.Surplus = max(f.Revenue-in.Goal, 0)
	return f, nil
}

// times is t x r, rounded half up to tenths.
func (t Tenths) times(r Rate) Tenths { return Tenths(roundDiv(int64(t)*int64(r), 10000)) }

// revenueOf is customers x ticket, rounded down to the cent; false past
// MaxRevenue. The product may pass 64 bits (1.2e14 tenths x 1e15 cents),
// but MaxRevenue x 10 < 2^64, so any product that does is too large.
func revenueOf(customers Tenths, ticket Money) (Money, bool) {
	hi, lo := bits.Mul64(uint64(customers), uint64(ticket))
	if hi != 0 || lo/10 > uint64(MaxRevenue) {
		return 0, false
	}
	return Money(lo / 10), true
}
