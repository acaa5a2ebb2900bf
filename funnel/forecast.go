package funnel

// ComputeForecast works forwards from Visits and Reps. It validates every
// field (the goal and the plan's needs are part of the answer) and fails
// with CodeResultLarge when a revenue would pass MaxRevenue or the plan a
// stage past MaxPeople.
func ComputeForecast(in Inputs) (Forecast, *FieldError) {
	if err := in.firstError(len(InputFields)); err != nil {
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
// Volumes are exact fractions over powers of 10^4: visitors x r1 x ... x ri
// / 10^(4i) with numerators below 1.2e33, so a u128 holds them and only the
// displayed tenths and cents are rounded.
func forward(in *Inputs) (Forecast, *FieldError) {
	var f Forecast
	visitors := uint64(in.Visits) * 12
	f.Expected[Visitors] = Tenths(visitors * 10)
	volume := u64(visitors) // x 10^-4i after i rates
	for i, r := range in.Rates {
		volume, _ = volume.mul(uint64(r))
		tenths, _ := volume.mul(10)
		f.Expected[i+1] = Tenths(tenths.roundPow10(4 * (i + 1)).lo)
	}
	traffic, ok := revenueOf(volume, in.Ticket, 4*NumRates)
	if !ok {
		return Forecast{}, revenueTooLarge()
	}

	// Sales capacity: the MQLs the team reviews, through r3, r4 and r5.
	f.CapacityMQLs = in.Reps * in.Cap * in.Weeks
	closed := u64(uint64(f.CapacityMQLs)) // x 10^-12 after three rates
	for _, r := range in.Rates[MQLs:] {
		closed, _ = closed.mul(uint64(r))
	}
	tenths, _ := closed.mul(10)
	f.CapacityCustomers = Tenths(tenths.roundPow10(12).lo)
	capacity, ok := revenueOf(closed, in.Ticket, 12)
	if !ok {
		return Forecast{}, revenueTooLarge()
	}

	f.TrafficRevenue, f.CapacityRevenue = traffic, capacity
	f.Revenue, f.Bottleneck = traffic, BottleneckTraffic
	if capacity < traffic {
		f.Revenue, f.Bottleneck = capacity, BottleneckSales
	}
	f.Gap = max(in.Goal-f.Revenue, 0)
	f.Surplus = max(f.Revenue-in.Goal, 0)
	return f, nil
}

// revenueOf is customers (numerator over 10^k) x ticket, rounded down to
// the cent; false past MaxRevenue.
func revenueOf(customers u128, ticket Money, k int) (Money, bool) {
	rev, ok := customers.mulFloorPow10(uint64(ticket), k)
	if !ok || rev.hi != 0 || rev.lo > uint64(MaxRevenue) {
		return 0, false
	}
	return Money(rev.lo), true
}
