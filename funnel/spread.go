package funnel

import (
	"math"
	"math/bits"
)

// Range is what a forecast may turn out to be, given how sure the rates
// are: the 10th and 90th percentiles of the customers a year (tenths, as
// the forecast's) and of the revenue.
type Range struct {
	Low, High               Tenths
	LowRevenue, HighRevenue Money
}

// RangeDraws is how many forecasts the range is drawn from; rangeSeed
// seeds them, so that the same link always shows the same range.
const (
	RangeDraws        = 2000
	rangeSeed  uint64 = 0x656d6275646f // "embudo"
)

// ForecastRange simulates the forecast of in (valid inputs) RangeDraws
// times. In each draw every rate counts derive (c) is the scenario's rate
// r plus a normal error of standard deviation sqrt(r(1-r)/n), n its
// sample, kept within 0..100 % and rounded to 0.01 pp; a rate counts do
// not derive is taken as exact. Each draw then goes through the
// forecast's own chain (traffic and capacity, the smaller binding), and
// the range is the 10th and 90th percentiles (nearest rank) of the
// customers, revenue being customers x ticket. The draws come from a
// splitmix64 generator with a fixed seed, normals by Marsaglia's polar method.
func ForecastRange(in Inputs, c Calibration) Range {
	var sd [NumRates]float64
	for i, e := range c.Rates {
		if e.Problem == ProblemNone && e.Sample > 0 {
			p := float64(in.Rates[i]) / 10000
			sd[i] = math.Sqrt(p * (1 - p) / float64(e.Sample))
		}
	}
	g := splitmix(rangeSeed)
	draws := make([]int64, RangeDraws)
	var spare float64
	var hasSpare bool
	normal := func() float64 { // Marsaglia's polar method
		if hasSpare {
			hasSpare = false
			return spare
		}
		for {
			u, v := 2*g.float()-1, 2*g.float()-1
			if s := u*u + v*v; s > 0 && s < 1 {
				f := math.Sqrt(-2 * math.Log(s) / s)
				spare, hasSpare = v*f, true
				return u * f
			}
		}
	}
	d := in
	for k := range draws {
		for i, s := range sd {
			if s == 0 {
				continue
			}
			p := float64(in.Rates[i])/10000 + s*normal()
			d.Rates[i] = Rate(math.Floor(min(max(p, 0), 1)*10000 + 0.5))
		}
		traffic, capacity := customersOf(&d)
		draws[k] = int64(min(traffic, capacity))
	}
	heapSort(draws)
	low, high := Tenths(draws[RangeDraws/10-1]), Tenths(draws[RangeDraws*9/10-1])
	return Range{Low: low, High: high, LowRevenue: revenueCapped(low, in.Ticket), HighRevenue: revenueCapped(high, in.Ticket)}
}

// revenueCapped is customers x ticket rounded down to the cent, at most
// MaxRevenue.
func revenueCapped(customers Tenths, ticket Money) Money {
	hi, lo := bits.Mul64(uint64(customers), uint64(ticket))
	if hi != 0 || lo/10 > uint64(MaxRevenue) {
		return MaxRevenue
	}
	return Money(lo / 10)
}

// heapSort sorts a in place (a few lines, where the generic sort would
// add kilobytes to the wasm).
func heapSort(a []int64) {
	down := func(i, n int) {
		for {
			c := 2*i + 1
			if c >= n {
				return
			}
			if c+1 < n && a[c+1] > a[c] {
				c++
			}
			if a[i] >= a[c] {
				return
			}
			a[i], a[c] = a[c], a[i]
			i = c
		}
	}
	for i := len(a)/2 - 1; i >= 0; i-- {
		down(i, len(a))
	}
	for n := len(a) - 1; n > 0; n-- {
		a[0], a[n] = a[n], a[0]
		down(0, n)
	}
}

// splitmix is the splitmix64 generator (Steele, Lea and Flood 2014).
type splitmix uint64

func (s *splitmix) next() uint64 {
	*s += 0x9e3779b97f4a7c15
	z := uint64(*s)
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

// float is uniform in [0, 1).
func (s *splitmix) float() float64 { return float64(s.next()>>11) / (1 << 53) }
