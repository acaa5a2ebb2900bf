package funnel_test

import (
	"net/url"
	"testing"

	"embudo.app/funnel"
)

var (
	sinkPlan        funnel.Plan
	sinkForecast    funnel.Forecast
	sinkSensitivity funnel.Sensitivity
	sinkScenario    funnel.Scenario
)

func BenchmarkPlan(b *testing.B) {
	in := funnel.Defaults()
	in.Rates[0] = 275
	b.ReportAllocs()
	for b.Loop() {
		sinkPlan, _ = funnel.ComputePlan(in)
	}
}

func BenchmarkForecast(b *testing.B) {
	in := funnel.Defaults()
	in.Rates[0] = 275
	b.ReportAllocs()
	for b.Loop() {
		sinkForecast, _ = funnel.ComputeForecast(in)
	}
}

func BenchmarkSensitivity(b *testing.B) {
	in := funnel.Defaults()
	for _, mode := range []funnel.Mode{funnel.ModePlan, funnel.ModeForecast} {
		b.Run(string(mode), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkSensitivity, _ = funnel.ComputeSensitivity(in, mode, 100)
			}
		})
	}
}

func BenchmarkParseQuery(b *testing.B) {
	q, _ := url.ParseQuery("goal=250000.50&ticket=1500&r1=2.75&r2=40&r3=33.33&r4=60&r5=25&weeks=46&cap=10" +
		"&calls=3&emails=4&mode=forecast&visits=50000&reps=4&lang=es&cur=mxn&embed=1&utm_source=blog")
	b.ReportAllocs()
	for b.Loop() {
		sinkScenario, _ = funnel.ParseQuery(q)
	}
}
