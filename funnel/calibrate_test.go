package funnel_test

import (
	"math/big"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"embudo.app/funnel"
)

var all = [funnel.NumStages]bool{true, true, true, true, true, true}

// TestCalibrate, by hand: 1,480 / 52,000 = 2.846 % -> 2.85; 610 / 1,480 =
// 41.216 % -> 41.22; 240 / 610 = 39.344 % -> 39.34; 95 / 240 = 39.583 % ->
// 39.58; 31 / 95 = 32.631 % -> 32.63; 52,000 visitors / 12 months =
// 4,333.3 -> 4,333.
func TestCalibrate(t *testing.T) {
	c := funnel.Calibrate([funnel.NumStages]int64{52000, 1480, 610, 240, 95, 31}, all, 12)
	rates := make([]funnel.Rate, 0, 5)
	for _, e := range c.Rates {
		require.Equal(t, funnel.ProblemNone, e.Problem)
		rates = append(rates, e.Rate)
	}
	assert.Equal(t, []funnel.Rate{285, 4122, 3934, 3958, 3263}, rates)
	assert.Equal(t, int64(4333), c.Visits)
	assert.True(t, c.VisitsOK)
	assert.Equal(t, int64(52000), c.Rates[0].Sample)
	assert.Equal(t, int64(95), c.Rates[4].Sample)
	assert.False(t, c.Rates[0].Small)
	assert.False(t, c.Rates[4].Small)
	// Wilson, 1,480 of 52,000: 2.7071 % to 2.9922 %.
	assert.Equal(t, funnel.Rate(271), c.Rates[0].Low)
	assert.Equal(t, funnel.Rate(299), c.Rates[0].High)

	c = funnel.Calibrate([funnel.NumStages]int64{100, 120, 0, 0, 3, 1}, all, 5)
	assert.Equal(t, funnel.ProblemLarger, c.Rates[0].Problem, "more leads than visitors")
	assert.Equal(t, funnel.ProblemNone, c.Rates[1].Problem, "0 of 120")
	assert.Equal(t, funnel.Rate(0), c.Rates[1].Rate)
	assert.True(t, c.Rates[1].Small, "0 of 120: the interval is wider than the rate")
	assert.Equal(t, funnel.ProblemZero, c.Rates[2].Problem)
	assert.Equal(t, funnel.ProblemZero, c.Rates[3].Problem)
	assert.True(t, c.Rates[4].Small, "a sample of 3")
	assert.Equal(t, int64(20), c.Visits)

	c = funnel.Calibrate([funnel.NumStages]int64{7, 5}, [funnel.NumStages]bool{true, true}, 2)
	assert.Equal(t, funnel.ProblemMissing, c.Rates[1].Problem)
	assert.Equal(t, int64(4), c.Visits, "3.5 rounds half up")

	in := funnel.ApplyCalibration(funnel.Defaults(), c)
	assert.Equal(t, funnel.Rate(7143), in.Rates[0])
	assert.Equal(t, funnel.Rate(5000), in.Rates[1], "not derived: kept")
	assert.Equal(t, int64(4), in.Visits)
	c = funnel.Calibrate([funnel.NumStages]int64{0, 0, 0, 0, 0, 0}, all, 1)
	assert.False(t, c.VisitsOK)
	c = funnel.Calibrate([funnel.NumStages]int64{10, 0, 0, 0, 0, 0}, all, 1)
	assert.Equal(t, funnel.Rate(1), funnel.ApplyCalibration(funnel.Defaults(), c).Rates[0], "0 % applies as the least rate")
}

// refWilson is the Wilson interval in big.Float (200 bits), in
// hundredths of a percent rounded half up.
func refWilson(x, n int64) (int64, int64) {
	const prec = 200
	f := func(v float64) *big.Float { return new(big.Float).SetPrec(prec).SetFloat64(v) }
	i := func(v int64) *big.Float { return new(big.Float).SetPrec(prec).SetInt64(v) }
	z, _ := new(big.Float).SetPrec(prec).SetString("1.959963984540054")
	nf := i(n)
	p := new(big.Float).SetPrec(prec).Quo(i(x), nf)
	z2 := new(big.Float).SetPrec(prec).Mul(z, z)
	z2n := new(big.Float).SetPrec(prec).Quo(z2, nf)
	den := new(big.Float).SetPrec(prec).Add(f(1), z2n)
	center := new(big.Float).SetPrec(prec).Add(p, new(big.Float).SetPrec(prec).Quo(z2n, f(2)))
	center.Quo(center, den)
	q := new(big.Float).SetPrec(prec).Sub(f(1), p)
	v := new(big.Float).SetPrec(prec).Mul(p, q)
	v.Quo(v, nf)
	w := new(big.Float).SetPrec(prec).Quo(z2n, new(big.Float).SetPrec(prec).Mul(f(4), nf))
	v.Add(v, w)
	half := new(big.Float).SetPrec(prec).Sqrt(v)
	half.Mul(half, z)
	half.Quo(half, den)
	round := func(b *big.Float) int64 {
		if b.Sign() < 0 {
			b = f(0)
		}
		if b.Cmp(f(1)) > 0 {
			b = f(1)
		}
		b = new(big.Float).SetPrec(prec).Mul(b, f(10000))
		b.Add(b, f(0.5))
		r, _ := b.Int(nil)
		return r.Int64()
	}
	return round(new(big.Float).SetPrec(prec).Sub(center, half)), round(new(big.Float).SetPrec(prec).Add(center, half))
}

func TestPropertyCalibrateMatchesReference(t *testing.T) {
	r := newRand(17)
	for range 5000 {
		var counts [funnel.NumStages]int64
		counts[0] = pick(r, 0, funnel.MaxPeople)
		for i := 1; i < funnel.NumStages; i++ {
			counts[i] = pick(r, 0, counts[i-1]+counts[i-1]/20) // now and then larger
		}
		months := pick(r, 1, 36)
		c := funnel.Calibrate(counts, all, months)
		for i, e := range c.Rates {
			n, x := counts[i], counts[i+1]
			switch {
			case n == 0:
				require.Equal(t, funnel.ProblemZero, e.Problem)
				continue
			case x > n:
				require.Equal(t, funnel.ProblemLarger, e.Problem)
				continue
			}
			require.Equal(t, funnel.ProblemNone, e.Problem)
			require.Equal(t, roundRat(new(big.Rat).SetFrac64(x*1, n), 4), int64(e.Rate), "%d / %d", x, n)
			low, high := refWilson(x, n)
			require.Equal(t, low, int64(e.Low), "low %d / %d", x, n)
			require.Equal(t, high, int64(e.High), "high %d / %d", x, n)
			require.LessOrEqual(t, e.Low, e.Rate)
			require.GreaterOrEqual(t, e.High, e.Rate)
			require.Equal(t, n < funnel.MinSample || e.High-e.Low > e.Rate, e.Small)
		}
		if counts[0] > 0 {
			require.Equal(t, roundRat(new(big.Rat).SetFrac64(counts[0], months), 0), c.Visits)
		}
	}
}

func TestParsePaste(t *testing.T) {
	want := [funnel.NumStages]int64{52000, 1480, 610, 240, 95, 31}
	tests := []struct{ name, text string }{
		{"one row, tabs", "52000\t1480\t610\t240\t95\t31"},
		{"one row, commas", "52000,1480,610,240,95,31\n"},
		{"header and row, semicolons", "Visitantes;Leads;MQL;SQL;Oportunidades;Clientes\r\n52.000;1.480;610;240;95;31"},
		{"rows, English, grouped", "Stage,Count\nVisitors,\"52,000\"\nLeads,\"1,480\"\nMQLs,610\nSQLs,240\nOpportunities,95\nCustomers,31\n"},
		{"rows, Spanish, tabs", "Etapa\tCantidad\nVisitantes\t52 000\nLeads\t1480\nMQL\t610\nSQL\t240\nOportunidades\t95\nClientes\t31"},
		{"rows, unquoted grouping", "visitors,52,000\nleads,1,480\nmqls,610\nsqls,240\nopportunities,95\ncustomers,31"},
		{"rows, shuffled, accents", "Clientes;31\nVisitas;52000\nOportunidades;95\nSQLs;240\nMQLs;610\nProspectos;1480"},
		{"grouping with no-break spaces", "52\u00a0000\t1\u202f480\t610\t240\t95\t31"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := funnel.ParsePaste(tt.text)
			assert.True(t, p.Complete())
			assert.Equal(t, want, p.Counts)
		})
	}
	p := funnel.ParsePaste("Visitors\t100\nLeads\t12.5\nCustomers\tmany\nMQLs\t8\n1,2,3")
	assert.False(t, p.Complete())
	assert.Equal(t, [funnel.NumStages]bool{true, false, true}, p.Have)
	assert.Equal(t, int64(8), p.Counts[funnel.MQLs])
	assert.False(t, funnel.ParsePaste("").Complete())
	assert.False(t, funnel.ParsePaste(strings.Repeat("\n", funnel.MaxPasteLen)+"1,2,3,4,5,6").Complete(), "past the length read")
	p = funnel.ParsePaste("Tráfego;1x000\nOportunidade;1,00\nSessões;5\nCLIENTÉS;1\nOportunidadès;2\nOportúnidades;3\nTráfíco;4\\nSessõesç;9\nLeads;1:000;7")
	assert.Equal(t, [funnel.NumStages]int64{5, 7, 0, 0, 3, 1}, p.Counts)
	assert.False(t, funnel.ParsePaste("Visitors\t99999999999999999999").Have[0], "past MaxPeople")
}

func TestPastText(t *testing.T) {
	counts := [funnel.NumStages]int64{52000, 1480, 610, 240, 95, 31}
	assert.Equal(t, "52000,1480,610,240,95,31", funnel.PastText(counts))
	back, err := funnel.ParsePast(funnel.PastText(counts))
	require.Nil(t, err)
	assert.Equal(t, counts, back)
}

func TestForecastRange(t *testing.T) {
	in := funnel.Defaults()
	in.Reps = 100 // traffic binds
	past := [funnel.NumStages]int64{52000, 1480, 610, 240, 95, 31}
	c := funnel.Calibrate(past, all, 12)
	in = funnel.ApplyCalibration(in, c)
	f, err := funnel.ComputeForecast(in)
	require.NoError(t, err)
	rg := funnel.ForecastRange(in, c)
	assert.Equal(t, rg, funnel.ForecastRange(in, c), "the same every time")
	assert.Less(t, rg.Low, f.Customers)
	assert.Greater(t, rg.High, f.Customers)
	assert.Less(t, rg.LowRevenue, f.Revenue)
	assert.Greater(t, rg.HighRevenue, f.Revenue)

	// Revenue past what the forecast reports is shown as its limit.
	big := in
	big.Ticket = 1_000_000_000_000_000
	big.Visits = 1_000_000_000
	rg = funnel.ForecastRange(big, c)
	assert.Equal(t, funnel.MaxRevenue, rg.HighRevenue)

	// Counts with no rate derived: no uncertainty, the range is the point.
	none := funnel.Calibrate([funnel.NumStages]int64{}, all, 12)
	rg = funnel.ForecastRange(in, none)
	assert.Equal(t, funnel.Range{Low: f.Customers, High: f.Customers, LowRevenue: f.Revenue, HighRevenue: f.Revenue}, rg)
}

func TestPropertyRangeContainsForecast(t *testing.T) {
	r := newRand(18)
	for range 400 {
		in := randomInputs(r)
		f, err := funnel.ComputeForecast(in)
		if err != nil {
			continue
		}
		var counts [funnel.NumStages]int64
		counts[0] = pick(r, 1, 10_000_000)
		for i := 1; i < funnel.NumStages; i++ {
			counts[i] = pick(r, 0, counts[i-1])
		}
		c := funnel.Calibrate(counts, all, pick(r, 1, 36))
		rg := funnel.ForecastRange(in, c)
		require.LessOrEqual(t, rg.Low, f.Customers, "%+v %v", in, counts)
		require.GreaterOrEqual(t, rg.High, f.Customers, "%+v %v", in, counts)
		require.LessOrEqual(t, rg.LowRevenue, f.Revenue)
		require.GreaterOrEqual(t, rg.HighRevenue, f.Revenue)
	}
}

func FuzzParsePaste(f *testing.F) {
	f.Add("52000\t1480\t610\t240\t95\t31")
	f.Add("Visitors,\"52,000\"\nLeads,1480\n")
	f.Add("Visitantes;52.000\nClientes;31")
	f.Add("\"\"\"\t;,,\n\r")
	f.Fuzz(func(t *testing.T, text string) {
		p := funnel.ParsePaste(text)
		for i, h := range p.Have {
			if !h {
				require.Zero(t, p.Counts[i])
			}
			require.GreaterOrEqual(t, p.Counts[i], int64(0))
			require.LessOrEqual(t, p.Counts[i], int64(funnel.MaxPeople))
		}
		c := funnel.Calibrate(p.Counts, p.Have, 12)
		for _, e := range c.Rates {
			require.LessOrEqual(t, e.Rate, funnel.Rate(10000))
		}
	})
}

func FuzzPastParam(f *testing.F) {
	f.Add("52000,1480,610,240,95,31")
	f.Add("1,2,3")
	f.Add(" 0,0,0,0,0,0 ")
	f.Add("1,,3,4,5,6")
	f.Fuzz(func(t *testing.T, text string) {
		s := funnel.DefaultScenario()
		err := s.Set(funnel.FieldPast, text)
		if err != nil {
			require.Equal(t, funnel.FieldPast, fieldErr(t, err).Field)
			require.Equal(t, funnel.DefaultScenario(), s, "unchanged on error")
			return
		}
		if strings.TrimSpace(text) == "" {
			require.False(t, s.Past.Set)
			return
		}
		require.True(t, s.Past.Set)
		back := funnel.DefaultScenario()
		require.NoError(t, back.Set(funnel.FieldPast, s.Text(funnel.FieldPast)))
		require.Equal(t, s, back, "round trip")
	})
}
