package funnel_test

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"embudo.app/funnel"
)

// TestForecastSeed: 20,000 x 12 = 240,000.0 visitors; x 50 % = 120,000.0
// leads; x 50 % = 60,000.0 MQLs; x 50 % = 30,000.0 SQLs; x 50 % = 15,000.0
// opportunities; x 50 % = 7,500.0 customers; x 1,000.00 = 7,500,000.00.
// Capacity: 3 x 8 x 48 = 1,152 MQLs; x 50 % = 576.0; x 50 % = 288.0;
// x 50 % = 144.0 customers; x 1,000.00 = 144,000.00.
func TestForecastSeed(t *testing.T) {
	f, err := funnel.ComputeForecast(funnel.Defaults())
	require.NoError(t, err)
	assert.Equal(t, funnel.Forecast{
		Expected:          [funnel.NumStages]funnel.Tenths{2_400_000, 1_200_000, 600_000, 300_000, 150_000, 75_000},
		TrafficRevenue:    750_000_000, // 7,500 customers x 1,000.00
		CapacityMQLs:      1152,        // 3 reps x 8 x 48
		CapacityCustomers: 1440,
		CapacityRevenue:   14_400_000,
		Customers:         1440, // what sales can close, not the traffic's 7,500
		Revenue:           14_400_000,
		Bottleneck:        funnel.BottleneckSales,
		Surplus:           4_400_000,
		VisitsNeeded:      267, // 3,200 / 12 = 266.7
		RepsNeeded:        3,
	}, f)
}

// TestForecastBottleneck, by hand (ticket 1,000.00, every rate 50 %):
//
//	200 visits: 2,400.0 -> 1,200.0 -> 600.0 -> 300.0 -> 150.0 -> 75.0 customers = 75,000.00
//	384 visits: 4,608.0 -> 2,304.0 -> 1,152.0 -> 576.0 -> 288.0 -> 144.0 = 144,000.00
//	385 visits: 4,620.0 -> 2,310.0 -> 1,155.0 -> 577.5 -> 288.75 -> 288.8 (half up)
//	            -> 144.4 customers = 144,400.00 (exact fractions gave 144.375 = 144,375.00)
//	267 visits: 3,204.0 -> 1,602.0 -> 801.0 -> 400.5 -> 200.25 -> 200.3 -> 100.15 -> 100.2
//	            customers = 100,200.00 (exact: 100.125 = 100,125.00)
//
// Capacity: 3 reps x 8 x 48 = 1,152 MQLs -> 576.0 -> 288.0 -> 144.0 = 144,000.00;
// 5 reps: 1,920 -> 960.0 -> 480.0 -> 240.0 = 240,000.00; 0 reps: 0.
func TestForecastBottleneck(t *testing.T) {
	tests := []struct {
		name         string
		visits, reps int64
		traffic      funnel.Money
		capacity     funnel.Money
		bottleneck   funnel.Bottleneck
		gap, surplus funnel.Money
	}{
		{"traffic binds", 200, 3, 7_500_000, 14_400_000, funnel.BottleneckTraffic, 2_500_000, 0},
		{"a tie is traffic", 384, 3, 14_400_000, 14_400_000, funnel.BottleneckTraffic, 0, 4_400_000},
		{"sales binds", 385, 3, 14_440_000, 14_400_000, funnel.BottleneckSales, 0, 4_400_000},
		{"no reps", 20_000, 0, 750_000_000, 0, funnel.BottleneckSales, 10_000_000, 0},
		{"the plan's visits reach the goal", 267, 5, 10_020_000, 24_000_000, funnel.BottleneckTraffic, 0, 20_000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := funnel.Defaults()
			in.Visits, in.Reps = tt.visits, tt.reps
			f, err := funnel.ComputeForecast(in)
			require.NoError(t, err)
			assert.Equal(t, tt.traffic, f.TrafficRevenue, "traffic")
			assert.Equal(t, tt.capacity, f.CapacityRevenue, "capacity")
			assert.Equal(t, min(tt.traffic, tt.capacity), f.Revenue)
			assert.Equal(t, min(f.Expected[funnel.Customers], f.CapacityCustomers), f.Customers, "reachable customers")
			assert.Equal(t, tt.bottleneck, f.Bottleneck)
			assert.Equal(t, tt.gap, f.Gap, "gap")
			assert.Equal(t, tt.surplus, f.Surplus, "surplus")
		})
	}
}

func TestForecastFractions(t *testing.T) {
	in := funnel.Defaults()
	in.Visits, in.Ticket = 1, 33_33 // 12 visitors a year, ticket 33.33
	in.Rates = [funnel.NumRates]funnel.Rate{275, 3333, 10000, 5000, 1}
	f, err := funnel.ComputeForecast(in)
	require.NoError(t, err)
	// Each stage from the one above as shown: 12.0 x 2.75 % = 0.33 -> 0.3;
	// 0.3 x 33.33 % = 0.09999 -> 0.1; 0.1 x 100 % = 0.1; 0.1 x 50 % = 0.05
	// -> 0.1 (half up); 0.1 x 0.01 % = 0.00001 -> 0.0.
	assert.Equal(t, [funnel.NumStages]funnel.Tenths{120, 3, 1, 1, 1, 0}, f.Expected)
	assert.Equal(t, funnel.Money(0), f.TrafficRevenue, "0.0 customers x 33.33")
	// 1,152 MQLs = 1,152.0 x 100 % = 1,152.0; x 50 % = 576.0; x 0.01 % =
	// 0.0576 -> 0.1 customers; 0.1 x 33.33 = 3.333 -> 3.33 (down to the cent),
	// what the shown 0.1 multiplies to (exact fractions gave 1.91).
	assert.Equal(t, funnel.Tenths(1), f.CapacityCustomers)
	assert.Equal(t, funnel.Money(333), f.CapacityRevenue)
}

// TestForecastHalfUp: rounding carries down the chain. 12.0 x 1.25 % =
// 0.15 -> 0.2 leads; 0.2 x 50 % = 0.1 MQLs; 0.1 x 50 % = 0.05 -> 0.1 SQLs;
// x 100 % twice = 0.1 customers; 0.1 x 1,000.00 = 100.00. Exact fractions
// would show 0.2, 0.1 (0.075), 0.0 (0.0375) and revenue 37.50.
func TestForecastHalfUp(t *testing.T) {
	in := funnel.Defaults()
	in.Visits = 1 // 12 a year
	in.Rates = [funnel.NumRates]funnel.Rate{125, 5000, 5000, 10000, 10000}
	f, err := funnel.ComputeForecast(in)
	require.NoError(t, err)
	assert.Equal(t, [funnel.NumStages]funnel.Tenths{120, 2, 1, 1, 1, 1}, f.Expected, "0.15 rounds up to 0.2, 0.05 to 0.1")
	assert.Equal(t, funnel.Money(100_00), f.TrafficRevenue)
}

func TestForecastLimits(t *testing.T) {
	revenueErr := &funnel.FieldError{Field: funnel.FieldResult, Code: funnel.CodeResultLarge, Max: int64(funnel.MaxRevenue), Scale: 2}
	all100 := [funnel.NumRates]funnel.Rate{10000, 10000, 10000, 10000, 10000}
	tests := []struct {
		name string
		in   func(*funnel.Inputs)
		err  *funnel.FieldError
	}{
		{"capacity exactly MaxRevenue", func(in *funnel.Inputs) {
			in.Rates, in.Ticket, in.Visits, in.Reps, in.Cap, in.Weeks = all100, 1_000_000_000_000_000, 1, 100, 1, 1
		}, nil},
		{"capacity past MaxRevenue", func(in *funnel.Inputs) {
			in.Rates, in.Ticket, in.Visits, in.Reps, in.Cap, in.Weeks = all100, 1_000_000_000_000_000, 1, 101, 1, 1
		}, revenueErr},
		{"traffic under MaxRevenue", func(in *funnel.Inputs) {
			in.Rates, in.Ticket, in.Visits, in.Reps = all100, 1_000_000_000_000_000, 8, 0
		}, nil},
		{"traffic past MaxRevenue", func(in *funnel.Inputs) {
			in.Rates, in.Ticket, in.Visits, in.Reps = all100, 1_000_000_000_000_000, 9, 0
		}, revenueErr},
		{"everything at its maximum", func(in *funnel.Inputs) {
			in.Rates, in.Ticket, in.Goal = all100, 1_000_000_000_000_000, 1_000_000_000_000_000
			in.Visits, in.Reps, in.Cap, in.Weeks = 1_000_000_000_000, 100_000, 1000, 53
		}, revenueErr},
		{"largest traffic, smallest rates", func(in *funnel.Inputs) {
			in.Rates, in.Visits = [funnel.NumRates]funnel.Rate{1, 1, 1, 1, 1}, 1_000_000_000_000
		}, &funnel.FieldError{Field: funnel.FieldResult, Code: funnel.CodeResultLarge, Max: funnel.MaxPeople}},
		{"visits checked", func(in *funnel.Inputs) { in.Visits = 0 },
			&funnel.FieldError{Field: funnel.FieldVisits, Code: funnel.CodeTooSmall, Min: 1, Max: 1_000_000_000_000}},
		{"reps checked", func(in *funnel.Inputs) { in.Reps = 100_001 },
			&funnel.FieldError{Field: funnel.FieldReps, Code: funnel.CodeTooLarge, Min: 0, Max: 100_000}},
		{"calls checked too", func(in *funnel.Inputs) { in.Calls = -1 },
			&funnel.FieldError{Field: funnel.FieldCalls, Code: funnel.CodeTooSmall, Min: 0, Max: 100}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := funnel.Defaults()
			tt.in(&in)
			f, err := funnel.ComputeForecast(in)
			requireFieldError(t, tt.err, err)
			if err == nil {
				assert.LessOrEqual(t, f.TrafficRevenue, funnel.MaxRevenue)
				assert.LessOrEqual(t, f.CapacityRevenue, funnel.MaxRevenue)
			} else {
				assert.Equal(t, funnel.Forecast{}, f)
			}
		})
	}
}

// TestForecastMatchesReference checks the int64 chain and the 64x64-bit
// revenue product against the math/big reference (refForward) over inputs
// of every magnitude.
func TestForecastMatchesReference(t *testing.T) {
	r := newRand(1)
	maxRevenue := big.NewInt(int64(funnel.MaxRevenue))
	var ok, tooLarge int
	for range 5000 {
		in := randomInputs(r)
		f, err := funnel.ComputeForecast(in)
		ref := refForward(in)
		st := refStages(in)
		planTooLarge := st[funnel.Visitors].Cmp(big.NewInt(funnel.MaxPeople)) > 0
		revenueTooLarge := ref.traffic.Cmp(maxRevenue) > 0 || ref.capacity.Cmp(maxRevenue) > 0
		if planTooLarge || revenueTooLarge {
			require.Equal(t, funnel.CodeResultLarge, fieldErr(t, err, "%+v", in).Code)
			tooLarge++
			continue
		}
		require.NoError(t, err, "%+v", in)
		ok++
		for s, e := range ref.expected {
			require.Equal(t, funnel.Tenths(e), f.Expected[s], "%+v stage %d", in, s)
		}
		require.Equal(t, ref.traffic.Int64(), int64(f.TrafficRevenue), "%+v", in)
		require.Equal(t, ref.capacity.Int64(), int64(f.CapacityRevenue), "%+v", in)
		require.Equal(t, funnel.Tenths(ref.capacityCustomers), f.CapacityCustomers, "%+v", in)
		require.Equal(t, in.Reps*in.Cap*in.Weeks, f.CapacityMQLs)
		require.Equal(t, min(f.TrafficRevenue, f.CapacityRevenue), f.Revenue)
		require.Equal(t, (st[funnel.Visitors].Int64()+11)/12, f.VisitsNeeded)
		require.Equal(t, f.Revenue-in.Goal, f.Surplus-f.Gap)
		require.True(t, f.Gap == 0 || f.Surplus == 0)
	}
	t.Logf("%d forecasts, %d too large", ok, tooLarge)
	assert.Greater(t, ok, 1000)
	assert.Greater(t, tooLarge, 100)
}
