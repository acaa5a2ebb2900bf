package funnel_test

import (
	"errors"
	"fmt"
	"net/url"

	"embudo.app/funnel"
)

// The seed's SLA: goal 100,000, ticket 1,000, every rate 50 %, 48 weeks,
// 8 MQLs per rep per week.
func ExampleComputePlan() {
	p, err := funnel.ComputePlan(funnel.Defaults())
	if err != nil {
		panic(err)
	}
	for _, s := range funnel.Stages {
		fmt.Printf("%s: %d\n", s.Key(), p.Stages[s].Year)
	}
	fmt.Printf("MQLs a week: %.1f\n", p.Stages[funnel.MQLs].Week.Float64())
	fmt.Printf("FTE %.2f, reps %d\n", p.FTE.Float64(), p.Reps)
	fmt.Printf("%d reps cover %d of %d MQLs (%.0f %%), or each reviews %.1f a week\n",
		p.Short.Reps, p.Short.Covered, p.Short.Needed, p.Short.Percent.Float64(), p.Short.Load.Float64())
	// Output:
	// visitors: 3200
	// leads: 1600
	// mqls: 800
	// sqls: 400
	// opportunities: 200
	// customers: 100
	// MQLs a week: 16.7
	// FTE 2.08, reps 3
	// 2 reps cover 768 of 800 MQLs (96 %), or each reviews 8.3 a week
}

// A plan that cannot be met is an error, never a wrapped number.
func ExampleComputePlan_tooLarge() {
	in := funnel.Defaults()
	in.Rates = [funnel.NumRates]funnel.Rate{1, 1, 1, 1, 1} // 0.01 % each
	_, err := funnel.ComputePlan(in)
	fmt.Println(err)
	// Output: result: a result past 1000000000000000
}

// Every error the package returns is a *FieldError: which field, what is
// wrong and the allowed range, for the caller to put in its own words.
func ExampleFieldError() {
	in := funnel.Defaults()
	err := in.Set(funnel.FieldWeeks, "54")
	var fe *funnel.FieldError
	if errors.As(err, &fe) {
		fmt.Println(fe.Field, fe.Code, fe.Min, fe.Max)
	}
	// Output: weeks too_large 1 53
}

func ExampleComputeForecast() {
	f, _ := funnel.ComputeForecast(funnel.Defaults()) // 20,000 visits a month, 3 reps
	fmt.Printf("traffic carries %.2f, sales %.2f: %s binds\n",
		f.TrafficRevenue.Float64(), f.CapacityRevenue.Float64(), f.Bottleneck)
	// Output: traffic carries 7500000.00, sales 144000.00: sales binds
}

// Seed 001: 100 leads a month at 3 % need 3,334 visits, not 3,200.
func ExampleVisitorsForLeads() {
	visits, _ := funnel.VisitorsForLeads(100, 300)
	leads, _ := funnel.LeadsFromVisitors(visits, 300)
	fmt.Println(visits, leads)
	// Output: 3334 100
}

func ExampleParseQuery() {
	q, _ := url.ParseQuery("goal=250000&r1=2.75&weeks=54&cur=mxn&utm_source=blog")
	s, errs := funnel.ParseQuery(q)
	fmt.Println(s.Text(funnel.FieldGoal), s.Text(funnel.FieldR1), s.Weeks, s.Cur)
	for _, err := range errs {
		fmt.Println(err)
	}
	// Output:
	// 250000 2.75 48 MXN
	// weeks: above 53
}
