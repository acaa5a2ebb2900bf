package funnel

// ComputePlan works backwards from the goal. It validates the fields the
// plan reads (all but Visits and Reps) and reports the first error, or
// CodeResultLarge with FieldResult when a stage passes MaxPeople. The error
// is a *FieldError.
func ComputePlan(in Inputs) (Plan, error) {
	if err := in.firstError(false); err != nil {
		return Plan{}, err
	}
	need, err := stagesNeeded(&in)
	if err != nil {
		return Plan{}, err
	}
	var p Plan
	for s, n := range need {
		p.Stages[s] = perOf(n, in.Weeks)
	}
	mqls := need[MQLs]
	perRep := in.Weeks * in.Cap // MQLs one rep reviews a year
	p.FTE = Hundredths(roundDiv(mqls*100, perRep))
	p.Reps = max(ceilDiv(mqls, perRep), 1)
	p.Load = Tenths(roundDiv(mqls*10, in.Weeks*p.Reps))
	p.SQLLoad = Tenths(roundDiv(need[SQLs]*10, in.Weeks*p.Reps))
	p.Activity = activityOf(&in)
	if p.Reps >= 2 && mqls%perRep != 0 {
		p.Short = shortfallOf(mqls, p.Reps-1, &in)
	}
	return p, nil
}

// stagesNeeded is the yearly count each stage needs, from customers up,
// rounding up at every step so each count times its rate reaches the next.
// Inputs must be valid. Every count stays <= MaxPeople, so count*10000 fits
// a uint64.
func stagesNeeded(in *Inputs) ([NumStages]int64, *FieldError) {
	var need [NumStages]int64
	n := ceilDiv(int64(in.Goal), int64(in.Ticket))
	need[Customers] = n
	for i := NumRates - 1; i >= 0; i-- {
		r := uint64(in.Rates[i])
		up := (uint64(n)*10000 + r - 1) / r
		if up > MaxPeople {
			return need, peopleTooLarge()
		}
		n = int64(up)
		need[i] = n
	}
	return need, nil
}

// perOf splits a yearly count into quarters, months and work weeks.
func perOf(year, weeks int64) Per {
	return Per{
		Year:    year,
		Quarter: Tenths(roundDiv(year*10, 4)),
		Month:   Tenths(roundDiv(year*10, 12)),
		Week:    Tenths(roundDiv(year*10, weeks)),
	}
}

// activityOf is one rep's week at full capacity, from the exact SQLs
// (Cap x r3) so calls and emails do not compound its rounding.
func activityOf(in *Inputs) Activity {
	sqls := in.Cap * int64(in.Rates[MQLs]) // in 10^-4 SQLs, exact
	return Activity{
		MQLs:   in.Cap,
		SQLs:   Hundredths(roundDiv(sqls, 100)),
		Calls:  Hundredths(roundDiv(sqls*in.Calls, 100)),
		Emails: Hundredths(roundDiv(sqls*in.Emails, 100)),
	}
}

// shortfallOf is what reps (fewer than needed) can and must do. Percent
// rounds down so the page never claims more coverage than reps give.
func shortfallOf(mqls, reps int64, in *Inputs) *Shortfall {
	covered := reps * in.Cap * in.Weeks
	return &Shortfall{
		Reps:    reps,
		Covered: covered,
		Needed:  mqls,
		Percent: Hundredths(uint64(covered) * 10000 / uint64(mqls)),
		Load:    Tenths(max(roundDiv(mqls*10, in.Weeks*reps), in.Cap*10+1)),
	}
}
