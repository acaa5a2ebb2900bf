package funnel_test

import (
	"math/big"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"embudo.app/funnel"
)

func FuzzPlan(f *testing.F) {
	f.Add(int64(10_000_000), int64(100_000), int64(5000), int64(5000), int64(5000), int64(5000), int64(5000), int64(48), int64(8), int64(2), int64(3))
	f.Add(int64(1_000_000_000_000_000), int64(1), int64(1), int64(1), int64(1), int64(1), int64(1), int64(53), int64(1), int64(0), int64(0))
	f.Add(int64(1), int64(1_000_000_000_000_000), int64(10000), int64(10000), int64(10000), int64(10000), int64(10000), int64(1), int64(1000), int64(100), int64(100))
	f.Add(int64(10_000_001), int64(100_000), int64(275), int64(3333), int64(5000), int64(1), int64(9999), int64(48), int64(7), int64(2), int64(3))
	f.Add(int64(-1), int64(0), int64(0), int64(10001), int64(-5), int64(1<<62), int64(-1<<63), int64(54), int64(0), int64(101), int64(-1))
	f.Fuzz(func(t *testing.T, goal, ticket, r1, r2, r3, r4, r5, weeks, cap, calls, emails int64) {
		in := funnel.Defaults()
		in.Goal, in.Ticket, in.Weeks, in.Cap, in.Calls, in.Emails = funnel.Money(goal), funnel.Money(ticket), weeks, cap, calls, emails
		in.Rates = [funnel.NumRates]funnel.Rate{funnel.Rate(r1), funnel.Rate(r2), funnel.Rate(r3), funnel.Rate(r4), funnel.Rate(r5)}
		p, err := funnel.ComputePlan(in)
		valid := len(in.Validate()) == 0
		if !valid {
			require.NotEqual(t, funnel.FieldResult, fieldErr(t, err).Field)
			requireFieldError(t, in.Validate()[0], err, "the first error")
			return
		}
		want := refStages(in)
		if want[funnel.Visitors].Cmp(big.NewInt(funnel.MaxPeople)) > 0 {
			require.Equal(t, funnel.CodeResultLarge, fieldErr(t, err).Code)
			return
		}
		require.NoError(t, err)
		for s := range want {
			require.Equal(t, want[s].Int64(), p.Stages[s].Year)
		}
		checkPlan(t, in, p)
	})
}

func FuzzForecast(f *testing.F) {
	f.Add(int64(20_000), int64(3), int64(10_000_000), int64(100_000), int64(5000), int64(5000), int64(5000), int64(5000), int64(5000), int64(48), int64(8))
	f.Add(int64(1_000_000_000_000), int64(100_000), int64(1_000_000_000_000_000), int64(1_000_000_000_000_000), int64(10000), int64(10000), int64(10000), int64(10000), int64(10000), int64(53), int64(1000))
	f.Add(int64(1), int64(0), int64(1), int64(1), int64(1), int64(1), int64(1), int64(1), int64(1), int64(1), int64(1))
	f.Add(int64(1), int64(0), int64(3333), int64(3333), int64(275), int64(3333), int64(275), int64(3333), int64(275), int64(47), int64(13))
	f.Add(int64(0), int64(-1), int64(0), int64(0), int64(0), int64(0), int64(0), int64(0), int64(0), int64(0), int64(0))
	f.Fuzz(func(t *testing.T, visits, reps, goal, ticket, r1, r2, r3, r4, r5, weeks, cap int64) {
		in := funnel.Defaults()
		in.Visits, in.Reps, in.Goal, in.Ticket, in.Weeks, in.Cap = visits, reps, funnel.Money(goal), funnel.Money(ticket), weeks, cap
		in.Rates = [funnel.NumRates]funnel.Rate{funnel.Rate(r1), funnel.Rate(r2), funnel.Rate(r3), funnel.Rate(r4), funnel.Rate(r5)}
		fc, err := funnel.ComputeForecast(in)
		if errs := in.Validate(); len(errs) > 0 {
			requireFieldError(t, errs[0], err)
			return
		}
		ref := refForward(in)
		maxRevenue := big.NewInt(int64(funnel.MaxRevenue))
		if refStages(in)[funnel.Visitors].Cmp(big.NewInt(funnel.MaxPeople)) > 0 ||
			ref.traffic.Cmp(maxRevenue) > 0 || ref.capacity.Cmp(maxRevenue) > 0 {
			require.Equal(t, funnel.CodeResultLarge, fieldErr(t, err).Code)
			return
		}
		require.NoError(t, err)
		for s, e := range ref.expected {
			require.Equal(t, funnel.Tenths(e), fc.Expected[s])
		}
		require.Equal(t, ref.traffic.Int64(), int64(fc.TrafficRevenue))
		require.Equal(t, ref.capacity.Int64(), int64(fc.CapacityRevenue))
		require.Equal(t, funnel.Tenths(ref.capacityCustomers), fc.CapacityCustomers)
		require.Equal(t, funnel.Tenths(min(ref.expected[funnel.Customers], ref.capacityCustomers)), fc.Customers)
		require.GreaterOrEqual(t, fc.Revenue, funnel.Money(0))
		require.GreaterOrEqual(t, fc.Gap, funnel.Money(0))
		require.GreaterOrEqual(t, fc.Surplus, funnel.Money(0))
		require.GreaterOrEqual(t, fc.VisitsNeeded, int64(1))
		require.GreaterOrEqual(t, fc.RepsNeeded, int64(1))
	})
}

func FuzzParseQuery(f *testing.F) {
	f.Add("")
	f.Add(funnel.DefaultScenario().Query().Encode())
	f.Add("goal=250000.50&ticket=1500&r1=2.75&r2=40&r3=33.33&r4=60&r5=25&weeks=46&cap=10&calls=3&emails=4&mode=forecast&visits=50000&reps=4&lang=es&cur=mxn&embed=1")
	f.Add("goal=1e400&ticket=-5&r1=0&r2=2.755&weeks=54&cap=0&mode=x&lang=fr&cur=GBP&embed=yes")
	f.Add("goal=%3Cscript%3Ealert(1)%3C%2Fscript%3E&goal=5&utm_source=blog")
	f.Add("r1=" + strings.Repeat("9", 40) + "&cur=%20eur%20&lang=EN&embed=TRUE")
	f.Add("goal=%zz&;&&=&r3=.5&r4=5.&weeks=8.0")
	f.Fuzz(func(t *testing.T, raw string) {
		q, _ := url.ParseQuery(raw)
		s, errs := funnel.ParseQuery(q)
		require.Empty(t, s.Validate(), "ignored values keep their defaults")
		require.Contains(t, []funnel.Mode{funnel.ModePlan, funnel.ModeForecast}, s.Mode)
		require.Contains(t, funnel.Currencies, s.Cur)
		require.True(t, s.Lang == "" || funnel.IsLangCode(s.Lang))
		require.LessOrEqual(t, len(errs), 17)
		for _, err := range errs {
			vs := q[string(err.Field)]
			require.NotEmpty(t, vs, "an error names a parameter of the link")
			require.NotEmpty(t, err.Error())
		}

		back, errs := funnel.ParseQuery(s.Query())
		require.Empty(t, errs)
		require.Equal(t, s, back)
		q2, err := url.ParseQuery(s.Query().Encode())
		require.NoError(t, err)
		back, errs = funnel.ParseQuery(q2)
		require.Empty(t, errs)
		require.Equal(t, s, back)
	})
}

// FuzzSet checks number parsing against math/big: what parses is exactly
// the decimal written, and its canonical text parses back to it.
func FuzzSet(f *testing.F) {
	for i, text := range []string{"100000", "2.75", "0.01", " 8.0 ", "-5", "1e400", ".5", "5.", "2.755", "99999999999999999999", "-0", "0x1F", "١"} {
		f.Add(uint8(i), text)
	}
	f.Fuzz(func(t *testing.T, which uint8, text string) {
		field := funnel.InputFields[int(which)%len(funnel.InputFields)]
		lim, _ := funnel.LimitsOf(field)
		in := funnel.Defaults()
		err := in.Set(field, text)
		if err != nil {
			require.Equal(t, field, fieldErr(t, err).Field)
			require.Equal(t, funnel.Defaults(), in)
			return
		}
		v, _ := in.Value(field)
		require.GreaterOrEqual(t, v, lim.Min)
		require.LessOrEqual(t, v, lim.Max)

		written, ok := new(big.Rat).SetString(strings.TrimPrefix(strings.TrimSpace(text), "-"))
		require.True(t, ok, "%q parsed but is not a decimal", text)
		require.Zero(t, written.Cmp(rat(v, lim.Scale)), "%q is %d", text, v)

		canonical := in.Text(field)
		again := funnel.Defaults()
		require.NoError(t, again.Set(field, canonical))
		require.Equal(t, in, again)
	})
}
